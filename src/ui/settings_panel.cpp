#include "ui/settings_panel.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "ui/card_reader_button.h"
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

    // The ID card reader: the keys CardReaderSettings reads; windows opened later use them.
    const CardReaderSettings reader = CardReaderSettings::from_config();
    auto* port_label = new wxStaticText(this, wxID_ANY, _("ID card &reader port:"));
    auto* port = new wxTextCtrl(this, wxID_ANY, from_utf8(reader.port), wxDefaultPosition,
                                wxSize(FromDIP(260), -1));
    port->SetName("id_reader_port");
    port->SetHint(_("empty: find the reader"));
    auto* watch = new wxCheckBox(this, wxID_ANY, _("Read each ID card as it is laid &down"));
    watch->SetName("id_reader_watch");
    watch->SetValue(reader.watch);
    const auto save_reader = [port, watch, applied](wxCommandEvent&) {
        if (auto* config = wxConfigBase::Get(); config != nullptr) {
            config->Write(CardReaderSettings::port_key, port->GetValue().Strip(wxString::both));
            config->Write(CardReaderSettings::watch_key, watch->GetValue());
            config->Flush();
        }
        applied->SetLabel(_("Saved. Windows opened from now on use the new reader settings."));
    };
    port->Bind(wxEVT_TEXT, save_reader);
    watch->Bind(wxEVT_CHECKBOX, save_reader);
    auto* reader_row = new wxBoxSizer(wxHORIZONTAL);
    reader_row->Add(port_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    reader_row->Add(port, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    reader_row->Add(watch, 0, wxALIGN_CENTER_VERTICAL);

    auto* where = new wxStaticText(
        this, wxID_ANY, wxString::Format(_("Workspace: %s"), from_path(session.workspace.path)));
    where->SetForegroundColour(theme::muted_colour());
    auto* later = new wxStaticText(
        this, wxID_ANY,
        _("Camera and sync server settings come with those features in a later release."));
    later->Wrap(FromDIP(720));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, 0, wxALL, FromDIP(12));
    top->Add(row, 0, wxLEFT | wxRIGHT, FromDIP(12));
    top->Add(reader_row, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    top->Add(applied, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    top->Add(where, 0, wxALL, FromDIP(12));
    top->Add(later, 0, wxLEFT | wxRIGHT, FromDIP(12));
    SetSizer(top);
}

}  // namespace pd::ui
