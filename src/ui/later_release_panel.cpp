#include "ui/later_release_panel.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "ui/theme.h"

namespace pd::ui {

LaterReleasePanel::LaterReleasePanel(wxWindow* parent, const wxString& title,
                                     const wxString& explanation)
    : wxPanel(parent, wxID_ANY) {
    auto* heading = new wxStaticText(this, wxID_ANY, title);
    heading->SetFont(theme::heading_font());
    heading->SetForegroundColour(theme::accent_colour());
    auto* badge = new wxStaticText(this, wxID_ANY, _("Comes with a later release"));
    badge->SetFont(theme::base_font().Bold());
    auto* body = new wxStaticText(this, wxID_ANY, explanation);
    body->Wrap(FromDIP(720));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, 0, wxALL, FromDIP(12));
    top->Add(badge, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    top->Add(body, 0, wxLEFT | wxRIGHT, FromDIP(12));
    SetSizer(top);
}

}  // namespace pd::ui
