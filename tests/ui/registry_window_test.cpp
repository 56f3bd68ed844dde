// Drives the real main window and registration dialog with wxUIActionSimulator (XTest under
// Xvfb): register a retiree after one attempt rejected for a traditional character and a wrong
// check digit, find the record by search, and save screenshots to the build tree.
//
// The dialog is modal, so the test is a list of steps run from a timer: timer events fire in
// whichever event loop is running, the dialog's included.
#include <gtest/gtest.h>
#include <unistd.h>
#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/dataview.h>
#include <wx/evtloop.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "../support/ui_steps.h"
#include "ui/area.h"
#include "ui/main_frame.h"
#include "ui/registry_panel.h"
#include "ui/retiree_dialog.h"
#include "ui/retiree_list_model.h"
#include "ui/screenshot.h"
#include "ui/session.h"
#include "ui/text.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using pd::test::pause;
using pd::test::text_of;

wxWindow* find_top_level(const wxString& name) {
    for (wxWindow* w : wxTopLevelWindows)
        if (w->GetName() == name && w->IsShown()) return w;
    return nullptr;
}

class Driver {
  public:
    void click(wxWindow* w) {
        const wxRect r = w->GetScreenRect();
        sim_.MouseMove(r.GetLeft() + std::min(r.GetWidth() / 2, 40),
                       r.GetTop() + r.GetHeight() / 2);
        sim_.MouseClick();
    }
    void select_all() { sim_.Char('a', wxMOD_CONTROL); }
    void type(const char* ascii) { sim_.Text(ascii); }
    // Chinese cannot be typed key by key without an input method: the clerk's other way in,
    // paste, goes through the same GTK entry and events.
    void paste(const wxString& text) {
        if (wxTheClipboard->Open()) {
            wxTheClipboard->SetData(new wxTextDataObject(text));  // the clipboard owns it
            wxTheClipboard->Close();
        }
        sim_.Char('v', wxMOD_CONTROL);
    }

  private:
    wxUIActionSimulator sim_;
};

TEST(RegistryWindow, RegisterRejectedThenFixedThenFoundBySearch) {
    const fs::path db =
        fs::temp_directory_path() / ("pensiondesk-ui-test-" + std::to_string(getpid()) + ".sqlite");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);

    auto session = pd::ui::Session::open(
        db, pd::Actor{"test-supervisor", "测试主管", "test-ws", pd::Role::Supervisor, {}, {}});
    auto* frame = new pd::ui::MainFrame(*session, pd::ui::default_areas());
    frame->SetSize(1360, 860);
    frame->Move(0, 0);
    frame->Show();
    auto* panel = dynamic_cast<pd::ui::RegistryPanel*>(frame->show_area("registry"));
    ASSERT_NE(panel, nullptr);
    const auto total_before = session->workspace.directory->total();

    const wxString traditional = wxString::FromUTF8("張三");
    const wxString simplified = wxString::FromUTF8("张三");
    const wxString unit = wxString::FromUTF8("西安市第一中学");
    const wxString shots = wxString::FromUTF8(PD_BUILD_DIR);

    Driver drive;
    pd::ui::RetireeDialog* dialog = nullptr;
    const auto dialog_field = [&](const char* field) { return dialog->control(field); };

    pd::test::Scenario s;
    s.on_abort = [&] {
        if (auto* d = find_top_level("retiree_dialog"))
            static_cast<wxDialog*>(d)->EndModal(wxID_CANCEL);
    };
    s.add("main window shown", pause(700));
    s.add("click New", [&] {
        drive.click(wxWindow::FindWindowByName("new", panel));
        return true;
    });
    s.add("registration dialog open", [&] {
        dialog = dynamic_cast<pd::ui::RetireeDialog*>(find_top_level("retiree_dialog"));
        return dialog != nullptr;
    });
    s.add("dialog mapped", pause(400));
    s.add("paste a name with a traditional character", [&] {
        drive.click(dialog_field("name"));
        drive.paste(traditional);
        return true;
    });
    s.add("name arrives", [&] { return text_of(dialog_field("name")) == traditional; });
    s.add("type an ID number with a wrong check digit", [&] {
        drive.click(dialog_field("id_number"));
        drive.type("340524198001010013");
        return true;
    });
    s.add("ID number arrives",
          [&] { return text_of(dialog_field("id_number")) == "340524198001010013"; });
    s.add("both messages shown next to their fields", [&] {
        return !dialog->message("name").empty() && !dialog->message("id_number").empty();
    });
    s.add("messages name the character and the check digit", [&] {
        const wxString name_msg = dialog->message("name");
        const wxString id_msg = dialog->message("id_number");
        EXPECT_TRUE(name_msg.Contains(wxString::FromUTF8("張→张"))) << name_msg.utf8_string();
        EXPECT_TRUE(name_msg.Contains(wxString::FromUTF8("繁体字"))) << name_msg.utf8_string();
        EXPECT_TRUE(id_msg.Contains(wxString::FromUTF8("校验码应为 X"))) << id_msg.utf8_string();
        pd::ui::save_screenshot(dialog, shots + "/ui-registry-dialog.png");
        return true;
    });
    s.add("save is refused while anything is wrong", [&] {
        drive.click(wxWindow::FindWindowByName("save", dialog));
        return true;
    });
    s.add("nothing written", pause(500));
    s.add("dialog still open, registry unchanged", [&] {
        EXPECT_NE(find_top_level("retiree_dialog"), nullptr);
        EXPECT_EQ(session->workspace.directory->total(), total_before);
        return true;
    });
    s.add("fix the name", [&] {
        drive.click(dialog_field("name"));
        drive.select_all();
        drive.paste(simplified);
        return true;
    });
    s.add("fixed name arrives", [&] { return text_of(dialog_field("name")) == simplified; });
    s.add("fix the ID number", [&] {
        drive.click(dialog_field("id_number"));
        drive.select_all();
        drive.type("34052419800101001X");
        return true;
    });
    s.add("fixed ID number arrives",
          [&] { return text_of(dialog_field("id_number")) == "34052419800101001X"; });
    s.add("fill in the employer unit", [&] {
        drive.click(dialog_field("employer_unit"));
        drive.paste(unit);
        return true;
    });
    s.add("unit arrives", [&] { return text_of(dialog_field("employer_unit")) == unit; });
    s.add("messages cleared",
          [&] { return dialog->message("name").empty() && dialog->message("id_number").empty(); });
    s.add("save", [&] {
        drive.click(wxWindow::FindWindowByName("save", dialog));
        return true;
    });
    s.add("dialog closed and the record written", [&] {
        if (find_top_level("retiree_dialog")) return false;
        dialog = nullptr;
        return session->workspace.directory->total() == total_before + 1;
    });
    s.add("search by name", [&] {
        drive.click(wxWindow::FindWindowByName("search", panel));
        drive.paste(simplified);
        return true;
    });
    s.add("search result listed", [&] {
        auto& model = panel->model();
        if (panel->search_running() || !model.filtered() || model.GetCount() == 0) return false;
        const auto row = model.row_at(0);
        return row && row->id_number == "34052419800101001X" &&
               pd::ui::from_utf8(row->name) == simplified;
    });
    s.add("open the record with Edit", [&] {
        drive.click(wxWindow::FindWindowByName("edit", panel));
        return true;
    });
    s.add("edit dialog shows the saved record", [&] {
        dialog = dynamic_cast<pd::ui::RetireeDialog*>(find_top_level("retiree_dialog"));
        return dialog && text_of(dialog_field("name")) == simplified &&
               text_of(dialog_field("id_number")) == "34052419800101001X";
    });
    s.add("cancel the edit", [&] {
        drive.click(wxWindow::FindWindowByName("cancel", dialog));
        return true;
    });
    s.add("edit dialog closed", [&] {
        dialog = nullptr;
        return find_top_level("retiree_dialog") == nullptr;
    });
    s.add("list painted", pause(400));
    s.add("screenshot", [&] {
        EXPECT_TRUE(pd::ui::save_screenshot(frame, shots + "/ui-registry.png"));
        return true;
    });

    const auto started = Clock::now();
    s.run(std::chrono::seconds(10));
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(50));

    delete frame;  // before the session its panels refer to
    session.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
}

}  // namespace
