#include "ui/settings_panel.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "ui/i18n.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

SettingsPanel::SettingsPanel(wxWindow* parent, Session& session) : wxPanel(parent, wxID_ANY) {
    auto* heading = new wxStaticText(this, wxID_ANY, _("Settings"));
    heading->SetFont(theme::heading_font());
    heading->SetForegroundColour(theme::accent_colour());

    auto* lang_label = new wxStaticText(this, wxID_ANY, _("Interface &language:"));
    auto* lang = new wxChoice(this, wxID_ANY);
    lang->SetName("language");
    // Each language is named in itself, so a clerk can find theirs whatever is shown now.
    lang->Append(wxString::FromUTF8("简体中文"));
    lang->Append("English");
    lang->SetSelection(saved_language() == Language::Chinese ? 0 : 1);
    auto* applied = new wxStaticText(this, wxID_ANY, wxEmptyString);
    applied->SetForegroundColour(theme::muted_colour());
    lang->Bind(wxEVT_CHOICE, [lang, applied](wxCommandEvent&) {
        save_language(lang->GetSelection() == 0 ? Language::Chinese : Language::English);
        applied->SetLabel(_("Saved. The new language is used from the next start."));
    });

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(lang_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    row->Add(lang, 0, wxALIGN_CENTER_VERTICAL);

    auto* where = new wxStaticText(
        this, wxID_ANY, wxString::Format(_("Workspace: %s"), from_path(session.workspace.path)));
    where->SetForegroundColour(theme::muted_colour());
    auto* later = new wxStaticText(
        this, wxID_ANY,
        _("Camera, ID card reader and sync server settings come with those features in a later "
          "release."));
    later->Wrap(FromDIP(720));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, 0, wxALL, FromDIP(12));
    top->Add(row, 0, wxLEFT | wxRIGHT, FromDIP(12));
    top->Add(applied, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    top->Add(where, 0, wxALL, FromDIP(12));
    top->Add(later, 0, wxLEFT | wxRIGHT, FromDIP(12));
    SetSizer(top);
}

}  // namespace pd::ui
