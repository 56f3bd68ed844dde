#include "ui/settings_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/log.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "domain/audit.h"
#include "domain/permission.h"
#include "store/audit_log.h"
#include "store/auth_context.h"
#include "store/certification_settings_store.h"
#include "store/database.h"
#include "store/sqlite_staff_face_repository.h"
#include "ui/card_reader_button.h"
#include "ui/certification_services.h"
#include "ui/chip_photo.h"
#include "ui/i18n.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {

constexpr const char* kIdleKey = "/security/idle_minutes";

// Every setting change goes to the audit log with who changed it and the new value.
void audit_setting(Session& session, const std::string& key, const std::string& value) {
    try {
        session.auth->audit().append(make_audit(session.actor, session.clock.now(),
                                                AuditAction::SettingChanged, "setting", key, "ok",
                                                value));
    } catch (const std::exception& e) {
        wxLogError("%s", from_utf8(e.what()));
    }
}

}  // namespace

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
    lang->Bind(wxEVT_CHOICE, [&session, lang, applied](wxCommandEvent&) {
        save_language(lang->GetSelection() == 0 ? Language::Chinese : Language::English);
        audit_setting(session, "language", lang->GetSelection() == 0 ? "zh_CN" : "en");
        applied->SetLabel(_("Saved. The new language is used from the next start."));
    });

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(lang_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    row->Add(lang, 0, wxALIGN_CENTER_VERTICAL);

    // The ID card reader: the keys CardReaderSettings reads; windows opened later use them.
    const CardReaderSettings reader = CardReaderSettings::from_config();
    auto* port_label = new wxStaticText(this, wxID_ANY, _("ID card &reader port:"));
    auto* port = new wxTextCtrl(this, wxID_ANY, from_utf8(reader.port), wxDefaultPosition,
                                wxSize(FromDIP(260), -1), wxTE_PROCESS_ENTER);
    port->SetName("id_reader_port");
    port->SetHint(_("empty: find the reader"));
    auto* watch = new wxCheckBox(this, wxID_ANY, _("Read each ID card as it is laid &down"));
    watch->SetName("id_reader_watch");
    watch->SetValue(reader.watch);
    const auto save_reader = [&session, port, watch, applied](wxEvent& event) {
        event.Skip();
        if (auto* config = wxConfigBase::Get(); config != nullptr) {
            const wxString before_port = config->Read(CardReaderSettings::port_key, wxString());
            const bool before_watch = config->ReadBool(CardReaderSettings::watch_key, false);
            const wxString new_port = port->GetValue().Strip(wxString::both);
            if (new_port == before_port && watch->GetValue() == before_watch) return;
            config->Write(CardReaderSettings::port_key, new_port);
            config->Write(CardReaderSettings::watch_key, watch->GetValue());
            config->Flush();
            audit_setting(
                session, "id_reader",
                "port=" + to_utf8(new_port) + (watch->GetValue() ? ", watch on" : ", watch off"));
        }
        applied->SetLabel(_("Saved. Windows opened from now on use the new reader settings."));
    };
    // Saved when the clerk leaves the field, not per keystroke: each change is audited.
    port->Bind(wxEVT_KILL_FOCUS, save_reader);
    port->Bind(wxEVT_TEXT_ENTER, save_reader);
    watch->Bind(wxEVT_CHECKBOX, save_reader);

    // The idle lock: a security setting, so only an administrator changes it.
    auto* idle_label = new wxStaticText(this, wxID_ANY, _("Lock the screen after &minutes idle:"));
    auto* idle = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                wxSP_ARROW_KEYS, 1, 60,
                                static_cast<int>(wxConfigBase::Get()->ReadLong(kIdleKey, 5)));
    idle->SetName("idle_minutes");
    const bool may_change = allows(session.actor, Permission::SettingsChange);
    idle->Enable(may_change);
    auto* idle_note = new wxStaticText(this, wxID_ANY,
                                       may_change ? _("Used from the next sign-in.")
                                                  : _("Only an administrator can change this."));
    idle_note->SetForegroundColour(theme::muted_colour());
    idle->Bind(wxEVT_SPINCTRL, [&session, idle, applied](wxSpinEvent&) {
        if (!allows(session.actor, Permission::SettingsChange)) return;
        wxConfigBase::Get()->Write(kIdleKey, static_cast<long>(idle->GetValue()));
        wxConfigBase::Get()->Flush();
        audit_setting(session, "idle_minutes", std::to_string(idle->GetValue()));
        applied->SetLabel(_("Saved. Used from the next sign-in."));
    });
    auto* idle_row = new wxBoxSizer(wxHORIZONTAL);
    idle_row->Add(idle_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    idle_row->Add(idle, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    idle_row->Add(idle_note, 0, wxALIGN_CENTER_VERTICAL);
    auto* reader_row = new wxBoxSizer(wxHORIZONTAL);
    reader_row->Add(port_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    reader_row->Add(port, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    reader_row->Add(watch, 0, wxALIGN_CENTER_VERTICAL);

    // The chip photo decoder and the staff-face rule: security settings, administrators only.
    // Loading a library runs its code, so nobody else may point the workstation at one.
    auto* decoder_label = new wxStaticText(this, wxID_ANY, _("Chip photo de&coder library:"));
    wxString decoder_path;
    wxConfigBase::Get()->Read(photo_decoder_key, &decoder_path);
    auto* decoder = new wxTextCtrl(this, wxID_ANY, decoder_path, wxDefaultPosition,
                                   wxSize(FromDIP(360), -1), wxTE_PROCESS_ENTER);
    decoder->SetName("photo_decoder");
    decoder->SetHint(_("the reader vendor's WLT decoder (.so / .dll)"));
    decoder->Enable(may_change);
    const auto save_decoder = [&session, decoder, applied](wxEvent& event) {
        event.Skip();
        if (!allows(session.actor, Permission::SettingsChange)) return;
        const wxString before = wxConfigBase::Get()->Read(photo_decoder_key, wxString());
        const wxString now = decoder->GetValue().Strip(wxString::both);
        if (now == before) return;
        wxConfigBase::Get()->Write(photo_decoder_key, now);
        wxConfigBase::Get()->Flush();
        audit_setting(session, "photo_decoder", to_utf8(now));
        applied->SetLabel(_("Saved. The next card read uses the new decoder."));
    };
    decoder->Bind(wxEVT_KILL_FOCUS, save_decoder);
    decoder->Bind(wxEVT_TEXT_ENTER, save_decoder);
    auto* decoder_row = new wxBoxSizer(wxHORIZONTAL);
    decoder_row->Add(decoder_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    decoder_row->Add(decoder, 0, wxALIGN_CENTER_VERTICAL);

    auto* require_face = new wxCheckBox(
        this, wxID_ANY, _("Each clerk's own face must be enrolled before they certify"));
    require_face->SetName("require_staff_face");
    require_face->SetValue(wxConfigBase::Get()->ReadBool(require_staff_face_key, true));
    require_face->Enable(may_change);
    require_face->Bind(wxEVT_CHECKBOX, [&session, require_face, applied](wxCommandEvent&) {
        if (!allows(session.actor, Permission::SettingsChange)) return;
        wxConfigBase::Get()->Write(require_staff_face_key, require_face->GetValue());
        wxConfigBase::Get()->Flush();
        audit_setting(session, "require_staff_face", require_face->GetValue() ? "on" : "off");
        applied->SetLabel(_("Saved. Certification windows opened from now on use it."));
    });

    // The agency's certification policy: kept in the workspace, so every workstation and the
    // admin tool apply the same cycle. Administrators only; each save is audited.
    auto* policy_label = new wxStaticText(this, wxID_ANY, _("Certification cycle:"));
    auto* cycle = new wxChoice(this, wxID_ANY);
    cycle->SetName("certification_cycle");
    cycle->Append(_("12 months from the last certification"));
    cycle->Append(_("Calendar year (valid to 31 December)"));
    auto* renew_label = new wxStaticText(this, wxID_ANY, _("May renew days before expiry:"));
    auto* renew = new wxSpinCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize,
                                 wxSP_ARROW_KEYS, 0, 180, 60);
    renew->SetName("renew_window_days");
    auto* place_label = new wxStaticText(this, wxID_ANY, _("Office on receipts:"));
    auto* place =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(300), -1));
    place->SetName("certification_place");
    place->SetMaxLength(60);
    auto* save_policy = new wxButton(this, wxID_ANY, _("Save policy"));
    save_policy->SetName("save_certification_policy");
    try {
        store::Database db(session.workspace.path);
        const auto policy =
            store::load_certification_settings(db, to_utf8(_("Agency service counter")));
        cycle->SetSelection(policy.cycle.rule == CycleSettings::Rule::CalendarYear ? 1 : 0);
        renew->SetValue(policy.cycle.renew_window_days);
        place->ChangeValue(from_utf8(policy.place));
    } catch (const std::exception& e) {
        applied->SetLabel(from_utf8(e.what()));
    }
    for (wxWindow* w : {static_cast<wxWindow*>(cycle), static_cast<wxWindow*>(renew),
                        static_cast<wxWindow*>(place), static_cast<wxWindow*>(save_policy)})
        w->Enable(may_change);
    save_policy->Bind(wxEVT_BUTTON, [&session, cycle, renew, place, applied](wxCommandEvent&) {
        if (!allows(session.actor, Permission::SettingsChange)) return;
        CertificationSettings policy;
        policy.cycle.rule = cycle->GetSelection() == 1 ? CycleSettings::Rule::CalendarYear
                                                       : CycleSettings::Rule::Rolling12;
        policy.cycle.renew_window_days = renew->GetValue();
        policy.place = to_utf8(place->GetValue().Strip(wxString::both));
        if (policy.place.empty()) {
            applied->SetLabel(_("Enter the office's name: it is printed on every receipt."));
            return;
        }
        try {
            store::Database db(session.workspace.path);
            store::save_certification_settings(db, policy);
        } catch (const std::exception& e) {
            applied->SetLabel(from_utf8(e.what()));
            return;
        }
        audit_setting(session, "certification_policy",
                      std::string(store::to_string(policy.cycle.rule)) + ", renew " +
                          std::to_string(policy.cycle.renew_window_days) + " days, place " +
                          policy.place);
        applied->SetLabel(
            _("Saved for this workspace. Certification windows opened from now on "
              "use it."));
    });
    auto* policy_row = new wxBoxSizer(wxHORIZONTAL);
    policy_row->Add(policy_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    policy_row->Add(cycle, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    policy_row->Add(renew_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    policy_row->Add(renew, 0, wxALIGN_CENTER_VERTICAL);
    auto* place_row = new wxBoxSizer(wxHORIZONTAL);
    place_row->Add(place_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    place_row->Add(place, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    place_row->Add(save_policy, 0, wxALIGN_CENTER_VERTICAL);

    // The signed-in staff member's own face: its state, and withdrawing it.
    auto* face_row = new wxBoxSizer(wxHORIZONTAL);
    auto* face_state = new wxStaticText(this, wxID_ANY, wxString());
    face_state->SetName("own_face_state");
    auto* withdraw = new wxButton(this, wxID_ANY, _("Withdraw my face"));
    withdraw->SetName("withdraw_own_face");
    face_row->Add(face_state, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    face_row->Add(withdraw, 0, wxALIGN_CENTER_VERTICAL);
    const auto self = Uuid::parse(session.actor.staff_id);
    const auto show_face = [&session, self, face_state, withdraw] {
        std::optional<StaffFace> face;
        try {
            // Just the row: no keyring or face engine is needed to say whether it exists.
            if (self) {
                store::Database db(session.workspace.path);
                face = store::SqliteStaffFaceRepository(db, session.clock).face(*self);
            }
        } catch (const std::exception& e) {
            face_state->SetLabel(from_utf8(e.what()));
            withdraw->Hide();
            return;
        }
        face_state->SetLabel(
            face ? wxString::Format(
                       _("My own face: on file since %s."),
                       wxDateTime(std::chrono::system_clock::to_time_t(face->enrolled_at))
                           .Format("%Y-%m-%d"))
                 : wxString(_("My own face: not on file. Enrol it in the certification "
                              "window.")));
        withdraw->Show(face.has_value());
    };
    show_face();
    withdraw->Bind(wxEVT_BUTTON, [this, &session, self, show_face, applied](wxCommandEvent&) {
        if (!self) return;
        try {
            CertificationServices services(session, false);
            auto r = services.withdraw_staff_face(*self, "withdrawn by the staff member");
            if (!r)
                applied->SetLabel(translate(r.error()));
            else
                applied->SetLabel(_("Your face was deleted from this workstation."));
        } catch (const std::exception& e) {
            applied->SetLabel(from_utf8(e.what()));
        }
        show_face();
        Layout();
    });

    auto* where = new wxStaticText(
        this, wxID_ANY, wxString::Format(_("Workspace: %s"), from_path(session.workspace.path)));
    where->SetForegroundColour(theme::muted_colour());
    auto* later = new wxStaticText(
        this, wxID_ANY,
        _("The camera is chosen in the certification window and remembered there. Sync server "
          "settings come with sync in a later release."));
    later->Wrap(FromDIP(720));

    // Grouped as the clerk thinks of them; "applied" sits under all, where every change reports.
    const auto section = [this](const wxString& title) {
        auto* t = new wxStaticText(this, wxID_ANY, title);
        t->SetFont(theme::base_font().Bold());
        t->SetForegroundColour(theme::accent_colour());
        return t;
    };
    const int gap = FromDIP(12);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, 0, wxALL, gap);
    top->Add(row, 0, wxLEFT | wxRIGHT, gap);
    top->Add(section(_("Devices")), 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
    top->Add(reader_row, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    top->Add(decoder_row, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    top->Add(section(_("Certification")), 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
    top->Add(policy_row, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    top->Add(place_row, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    top->Add(require_face, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    top->Add(face_row, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    top->Add(section(_("Security")), 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
    top->Add(idle_row, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    top->Add(applied, 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
    top->Add(where, 0, wxALL, gap);
    top->Add(later, 0, wxLEFT | wxRIGHT, FromDIP(12));
    SetSizer(top);
}

}  // namespace pd::ui
