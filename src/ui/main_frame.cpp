#include "ui/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/display.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

#include <algorithm>

#include "ui/screen_fit.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {
constexpr int area_menu_base = wxID_HIGHEST + 100;  // View menu: one id per area
}

MainFrame::MainFrame(Session& session, std::vector<Area> areas)
    : wxFrame(nullptr, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(1360, 860)),
      session_(session),
      areas_(std::move(areas)),
      panels_(areas_.size(), nullptr) {
    SetName("main_frame");
    theme::apply(this);
    SetTitle(title_text());

    auto* body = new wxPanel(this, wxID_ANY);
    nav_ = new wxListBox(body, wxID_ANY);
    nav_->SetName("navigation");
    nav_->SetFont(theme::base_font().Scaled(1.1f));
    int nav_width = FromDIP(160);
    for (const auto& area : areas_) {
        nav_->Append(area.label);
        nav_width = std::max(nav_width, nav_->GetTextExtent(area.label).x + FromDIP(40));
    }
    nav_->SetMinSize(wxSize(nav_width, -1));
    book_ = new wxSimplebook(body, wxID_ANY);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(nav_, 0, wxEXPAND | wxALL, FromDIP(8));
    row->Add(book_, 1, wxEXPAND);
    auto* column = new wxBoxSizer(wxVERTICAL);
    if (session_.workspace.demo) {
        // Said inside the window too: kiosk set-ups and screenshots have no title bar.
        auto* banner = new wxPanel(body, wxID_ANY);
        banner->SetName("demo_banner");
        banner->SetBackgroundColour(wxColour(255, 236, 153));
        auto* note = new wxStaticText(
            banner, wxID_ANY, _("Demo workspace: the records are synthetic, not real retirees."));
        note->SetForegroundColour(wxColour(20, 20, 20));
        note->SetFont(theme::base_font().Bold());
        auto* inner = new wxBoxSizer(wxHORIZONTAL);
        inner->Add(note, 0, wxALL, FromDIP(6));
        banner->SetSizer(inner);
        column->Add(banner, 0, wxEXPAND);
    }
    column->Add(row, 1, wxEXPAND);
    body->SetSizer(column);

    // Menus: every area and command is reachable by keyboard (Alt+letter, Ctrl+digit).
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("E&xit\tCtrl+Q"));
    auto* view = new wxMenu;
    for (std::size_t i = 0; i < areas_.size(); ++i) {
        wxString item = areas_[i].label;
        if (i < 9) item += wxString::Format("\tCtrl+%zu", i + 1);
        view->Append(area_menu_base + static_cast<int>(i), item);
    }
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About PensionDesk"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    CreateStatusBar(2);
    const int widths[] = {-3, -1};
    GetStatusBar()->SetStatusWidths(2, widths);
    SetStatusText(wxString::Format(_("Workspace: %s"), from_path(session_.workspace.path)), 0);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            wxAboutDialogInfo info;
            info.SetName(_("PensionDesk"));
            info.SetDescription(_("Pension eligibility certification workstation"));
            wxAboutBox(info, this);
        },
        wxID_ABOUT);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent& e) {
            show_index(static_cast<std::size_t>(e.GetId() - area_menu_base));
        },
        area_menu_base, area_menu_base + static_cast<int>(areas_.size()) - 1);
    nav_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        if (e.GetSelection() >= 0) show_index(static_cast<std::size_t>(e.GetSelection()));
    });

    if (!areas_.empty()) show_index(0);
    SetMinSize(FromDIP(wxSize(1000, 640)));
    fit_to_screen(this, FromDIP(wxSize(1360, 860)));
}

wxString MainFrame::title_text() const {
    wxString title = _("PensionDesk");
    if (session_.workspace.demo) {
        title += wxString::FromUTF8(" — ") + _("Demo workspace");
    } else {
        title += wxString::FromUTF8(" — ") + from_path(session_.workspace.path.stem());
    }
    return title;
}

wxWindow* MainFrame::show_area(const std::string& id) {
    for (std::size_t i = 0; i < areas_.size(); ++i)
        if (areas_[i].id == id) return show_index(i);
    return nullptr;
}

wxWindow* MainFrame::show_index(std::size_t index) {
    if (index >= areas_.size()) return nullptr;
    if (!panels_[index]) {
        wxWindow* panel = areas_[index].make_panel(book_, session_);
        panel->SetName(wxString::FromUTF8(areas_[index].id.c_str()));
        book_->AddPage(panel, areas_[index].label);
        panels_[index] = panel;
    }
    // The book holds only the panels made so far, in the order they were first opened.
    book_->ChangeSelection(static_cast<std::size_t>(book_->FindPage(panels_[index])));
    if (nav_->GetSelection() != static_cast<int>(index))
        nav_->SetSelection(static_cast<int>(index));
    return panels_[index];
}

}  // namespace pd::ui
