// 读卡 in the registry search and the retiree dialog, against pensiondesk-idsim on a pty: the
// search finds the card holder, the edit dialog fills from the card and lists what differs from
// the record without writing anything, and an empty reader asks for the card.
//
// Modal dialogs are opened with CallAfter so their loop runs inside the scenario's loop, whose
// timer keeps driving the steps.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/evtloop.h>
#include <wx/fileconf.h>
#include <wx/frame.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "../support/idsim_process.h"
#include "../support/ui_steps.h"
#include "devices/card.h"
#include "ui/card_reader_button.h"
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

constexpr const char* holder_id = "34052419800101001X";

// The simulated reader, started with this build's pensiondesk-idsim.
class Simulator : public pd::test::IdsimProcess {
  public:
    Simulator(const fs::path& card, const fs::path& fifo) : IdsimProcess(PD_IDSIM, card, fifo) {}
};

std::string name_on_record(pd::ui::Session& session) {
    const auto keys = session.workspace.directory->search(
        pd::SearchQuery{holder_id, pd::SearchField::IdNumber, 1});
    if (keys.empty()) return {};
    const auto rows = session.workspace.directory->rows(keys);
    return rows.empty() ? std::string() : rows.front().name;
}

TEST(CardReaderUi, SearchEditAndNoCard) {
    const fs::path dir =
        fs::temp_directory_path() / ("pensiondesk-card-ui-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path card_json = dir / "card.json";
    pd::test::write_card_json(card_json, {"张叁", "1", "19800101", "陕西省西安市碑林区友谊东路1号",
                                          holder_id, "西安市公安局碑林分局"});
    Simulator sim(card_json, dir / "control");
    ASSERT_FALSE(sim.path().empty()) << "pensiondesk-idsim did not start";

    // The reader's port comes from the configuration, as on a counter PC.
    auto* previous = wxConfigBase::Set(new wxFileConfig("pensiondesk-card-ui-test", wxEmptyString,
                                                        (dir / "config.ini").string(),
                                                        wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    wxConfigBase::Get()->Write("/devices/id_reader_port", pd::ui::from_utf8(sim.path()));
    wxConfigBase::Get()->Write("/devices/id_reader_watch", false);

    auto session = pd::ui::Session::open(
        dir / "ws.sqlite",
        pd::Actor{"test-supervisor", "测试主管", "test-ws", pd::Role::Supervisor, {}, {}});
    pd::RetireeDraft draft;
    draft.id_number = holder_id;
    draft.name = "张三";
    draft.ethnicity = "汉";
    draft.employer_unit = "西安市第一中学";
    draft.address = "陕西省西安市新城区旧址2号";
    auto registered = session->registry->register_retiree(draft, session->actor);
    ASSERT_TRUE(registered.has_value());
    const pd::Retiree record = *registered;
    const auto total = session->workspace.directory->total();

    auto* frame =
        new wxFrame(nullptr, wxID_ANY, "card reader test", wxPoint(0, 0), wxSize(1280, 800));
    auto* panel = new pd::ui::RegistryPanel(frame, *session);
    frame->Show();
    const wxString shots = wxString::FromUTF8(PD_BUILD_DIR);

    wxUIActionSimulator mouse;
    const auto click = [&](wxWindow* w) {
        const wxRect r = w->GetScreenRect();
        mouse.MouseMove(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() / 2);
        mouse.MouseClick();
    };
    pd::ui::RetireeDialog* dialog = nullptr;
    std::unique_ptr<pd::ui::RetireeDialog> owned;
    const auto open_dialog = [&](std::optional<pd::Retiree> existing) {
        owned = std::make_unique<pd::ui::RetireeDialog>(frame, *session, std::move(existing));
        dialog = owned.get();
        wxTheApp->CallAfter([d = dialog] { d->ShowModal(); });
    };
    const auto close_dialog = [&] {
        if (dialog && dialog->IsModal()) dialog->EndModal(wxID_CANCEL);
    };

    pd::test::Scenario s;
    s.on_abort = close_dialog;
    s.add("window shown", pause(600));
    s.add("press 读卡 in the search", [&] {
        click(panel->card_reader()->button());
        return true;
    });
    s.add("the card holder is found and selected", [&] {
        auto& model = panel->model();
        if (panel->search_running() || !model.filtered() || model.GetCount() != 1) return false;
        const auto item = panel->list()->GetSelection();
        if (!item.IsOk()) return false;
        const auto row = model.row_at(model.GetRow(item));
        return row && row->id_number == holder_id;
    });
    s.add("search box holds the ID number", [&] {
        auto* search = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("search", panel));
        EXPECT_EQ(search ? search->GetValue() : wxString(), wxString(holder_id));
        pd::ui::save_screenshot(frame, shots + "/ui-card-search.png");
        // The reader answers a card once per lay-down, as real modules do.
        sim.send("lift");
        sim.send("place");
        return true;
    });
    s.add("open the record for editing", [&] {
        open_dialog(record);
        return true;
    });
    s.add("dialog mapped", [&] { return dialog->IsShownOnScreen(); });
    s.add("dialog painted", pause(300));
    s.add("press 读卡 in the dialog", [&] {
        click(dialog->card_reader()->button());
        return true;
    });
    s.add("the fields fill from the card",
          [&] { return text_of(dialog->control("name")) == wxString::FromUTF8("张叁"); });
    s.add("ID number, differences and the store", [&] {
        EXPECT_EQ(text_of(dialog->control("id_number")), wxString(holder_id));
        EXPECT_EQ(text_of(dialog->control("address")),
                  wxString::FromUTF8("陕西省西安市碑林区友谊东路1号"));
        // The unit is not on the card: it keeps the record's value.
        EXPECT_EQ(text_of(dialog->control("employer_unit")), wxString::FromUTF8("西安市第一中学"));
        std::vector<std::string> fields;
        for (const auto& d : dialog->card_differences()) fields.push_back(d.field);
        EXPECT_EQ(fields, (std::vector<std::string>{"name", "address"}));
        const wxString notes = dialog->card_notes();
        EXPECT_TRUE(notes.Contains(wxString::FromUTF8("张三"))) << notes.utf8_string();
        EXPECT_TRUE(notes.Contains(wxString::FromUTF8("张叁"))) << notes.utf8_string();
        EXPECT_EQ(name_on_record(*session), "张三");  // reading a card writes nothing
        return true;
    });
    s.add("highlight painted", pause(300));
    s.add("screenshot of the differences", [&] {
        EXPECT_TRUE(pd::ui::save_screenshot(dialog, shots + "/ui-card-dialog.png"));
        return true;
    });
    s.add("cancel the edit", [&] {
        click(wxWindow::FindWindowByName("cancel", dialog));
        return true;
    });
    s.add("dialog closed, record unchanged", [&] {
        if (dialog->IsModal()) return false;
        EXPECT_EQ(name_on_record(*session), "张三");
        EXPECT_EQ(session->workspace.directory->total(), total);
        owned.reset();
        dialog = nullptr;
        sim.send("lift");
        return true;
    });
    s.add("open a new registration", [&] {
        open_dialog(std::nullopt);
        return true;
    });
    s.add("new dialog mapped", [&] { return dialog->IsShownOnScreen(); });
    s.add("press 读卡 with no card on the reader", [&] {
        click(dialog->card_reader()->button());
        return true;
    });
    s.add("asks for the card", [&] {
        return dialog->card_reader()->status() == wxString::FromUTF8("请将身份证放在阅读器上");
    });
    s.add("still waiting", pause(600));
    s.add("nothing filled while waiting", [&] {
        EXPECT_TRUE(dialog->card_reader()->busy());
        EXPECT_TRUE(text_of(dialog->control("name")).empty());
        pd::ui::save_screenshot(dialog, shots + "/ui-card-waiting.png");
        sim.send("place");
        return true;
    });
    s.add("the laid-down card fills the empty form", [&] {
        return text_of(dialog->control("id_number")) == wxString(holder_id) &&
               text_of(dialog->control("name")) == wxString::FromUTF8("张叁");
    });
    s.add("no record comparison for a new registration", [&] {
        EXPECT_TRUE(dialog->card_differences().empty());
        EXPECT_EQ(session->workspace.directory->total(), total);
        close_dialog();
        return true;
    });
    s.add("closed", [&] { return !dialog->IsModal(); });

    const auto started = Clock::now();
    s.run(std::chrono::seconds(10));
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(50));

    owned.reset();
    delete frame;  // before the session its panel refers to
    session.reset();
    delete wxConfigBase::Set(previous);
    sim.stop();
    fs::remove_all(dir);
}

}  // namespace
