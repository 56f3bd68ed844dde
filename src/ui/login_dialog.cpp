#include "ui/login_dialog.h"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {

wxTextCtrl* add_field(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label,
                      long style = 0) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* field =
        new wxTextCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(320, -1), style);
    grid->Add(field, 1, wxEXPAND);
    return field;
}

wxStaticText* add_message(wxWindow* parent, wxSizer* column) {
    auto* message = new wxStaticText(parent, wxID_ANY, wxEmptyString);
    message->SetForegroundColour(theme::error_colour());
    message->Wrap(460);
    column->Add(message, 0, wxLEFT | wxRIGHT | wxEXPAND, 16);
    return message;
}

}  // namespace

LoginDialog::LoginDialog(wxWindow* parent, AuthService& auth, std::string workstation,
                         const Session* locked, const wxString& hint)
    : wxDialog(parent, wxID_ANY, locked ? _("Workstation locked") : _("Sign in to PensionDesk")),
      auth_(auth),
      workstation_(std::move(workstation)),
      locked_(locked) {
    theme::apply(this);
    auto* column = new wxBoxSizer(wxVERTICAL);
    if (locked_) {
        auto* note = new wxStaticText(
            this, wxID_ANY,
            wxString::Format(_("Locked after a period without use. %s can sign in again to "
                               "continue; another staff member signing in ends that session."),
                             from_utf8(locked_->actor.staff_name)));
        note->Wrap(460);
        column->Add(note, 0, wxALL | wxEXPAND, 16);
    }
    if (!hint.empty()) {
        auto* note = new wxStaticText(this, wxID_ANY, hint);
        column->Add(note, 0, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, 16);
    }
    auto* grid = new wxFlexGridSizer(2, 8, 12);
    grid->AddGrowableCol(1);
    number_ = add_field(this, grid, _("Staff number"));
    password_ = add_field(this, grid, _("Password"), wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    column->Add(grid, 0, wxALL | wxEXPAND, 16);
    message_ = add_message(this, column);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* quit = new wxButton(this, wxID_CANCEL, locked_ ? _("Quit PensionDesk") : _("Quit"));
    sign_in_ = new wxButton(this, wxID_OK, _("Sign in"));
    sign_in_->SetDefault();
    buttons->Add(quit, 0, wxRIGHT, 8);
    buttons->Add(sign_in_);
    column->Add(buttons, 0, wxALL | wxEXPAND, 16);
    SetSizerAndFit(column);
    CentreOnScreen();

    if (locked_) number_->ChangeValue(from_utf8(locked_->account.staff_number));
    (locked_ ? password_ : number_)->SetFocus();
    sign_in_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_sign_in(); });
    password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { on_sign_in(); });
}

wxString LoginDialog::message() const {
    // Wrap() broke the text at spaces; give it back whole.
    wxString text = message_->GetLabel();
    text.Replace("\n", " ");
    return text;
}

void LoginDialog::on_sign_in() {
    const std::string number = to_utf8(number_->GetValue().Strip(wxString::both));
    const std::string password = to_utf8(password_->GetValue());
    // The password never stays in the field after an attempt.
    password_->ChangeValue(wxEmptyString);
    if (number.empty()) {
        message_->SetLabel(_("Type your staff number."));
        number_->SetFocus();
        return;
    }
    try {
        if (locked_) {
            auto r = auth_.unlock_screen(*locked_, number, password, workstation_);
            if (r) {
                session_ = r->session;
                switched_ = r->switched_user;
                finish();
                return;
            }
            message_->SetLabel(translate(r.error().error));
        } else {
            auto r = auth_.sign_in(number, password, workstation_);
            if (r) {
                session_ = *r;
                finish();
                return;
            }
            message_->SetLabel(translate(r.error().error));
        }
    } catch (const std::exception& e) {
        // No sign-in without its audit entry: the workspace could not record it.
        message_->SetLabel(_("Signing in failed: ") + from_utf8(e.what()));
    }
    message_->Wrap(460);
    Layout();
    Fit();
    password_->SetFocus();
}

void LoginDialog::finish() {
    if (IsModal()) {
        EndModal(wxID_OK);
    } else {
        SetReturnCode(wxID_OK);
        Hide();
    }
}

std::optional<Session> ask_new_password(wxWindow* parent, AuthService& auth,
                                        const Session& session) {
    wxDialog dlg(parent, wxID_ANY, _("Choose a new password"));
    theme::apply(&dlg);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(
        &dlg, wxID_ANY,
        _("Choose your own password before you continue: at least 10 characters, not your "
          "staff number."));
    note->Wrap(460);
    column->Add(note, 0, wxALL | wxEXPAND, 16);
    auto* grid = new wxFlexGridSizer(2, 8, 12);
    grid->AddGrowableCol(1);
    auto* current = add_field(&dlg, grid, _("Current password"), wxTE_PASSWORD);
    auto* fresh = add_field(&dlg, grid, _("New password"), wxTE_PASSWORD);
    auto* again = add_field(&dlg, grid, _("New password again"), wxTE_PASSWORD);
    column->Add(grid, 0, wxALL | wxEXPAND, 16);
    auto* message = add_message(&dlg, column);
    column->Add(dlg.CreateButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 16);
    dlg.SetSizerAndFit(column);
    dlg.CentreOnScreen();

    std::optional<Session> result;
    dlg.Bind(
        wxEVT_BUTTON,
        [&](wxCommandEvent&) {
            if (fresh->GetValue() != again->GetValue()) {
                message->SetLabel(_("The two new passwords differ."));
                return;
            }
            auto changed = auth.change_password(session, to_utf8(current->GetValue()),
                                                to_utf8(fresh->GetValue()));
            if (!changed) {
                message->SetLabel(translate(changed.error()));
                message->Wrap(460);
                dlg.Layout();
                dlg.Fit();
                return;
            }
            result = *changed;
            dlg.EndModal(wxID_OK);
        },
        wxID_OK);
    if (dlg.ShowModal() != wxID_OK) return std::nullopt;
    return result;
}

bool ask_first_administrator(wxWindow* parent, AuthService& auth, const std::string& workstation) {
    wxDialog dlg(parent, wxID_ANY, _("First administrator"));
    theme::apply(&dlg);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* note = new wxStaticText(
        &dlg, wxID_ANY,
        _("This workspace has no staff accounts yet. Create the administrator account, who "
          "then creates the accounts of the staff. Administrators manage accounts and settings "
          "and do not see retirees' records."));
    note->Wrap(460);
    column->Add(note, 0, wxALL | wxEXPAND, 16);
    auto* grid = new wxFlexGridSizer(2, 8, 12);
    grid->AddGrowableCol(1);
    auto* number = add_field(&dlg, grid, _("Staff number"));
    auto* name = add_field(&dlg, grid, _("Name"));
    auto* password = add_field(&dlg, grid, _("Password"), wxTE_PASSWORD);
    auto* again = add_field(&dlg, grid, _("Password again"), wxTE_PASSWORD);
    column->Add(grid, 0, wxALL | wxEXPAND, 16);
    auto* message = add_message(&dlg, column);
    column->Add(dlg.CreateButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 16);
    dlg.SetSizerAndFit(column);
    dlg.CentreOnScreen();
    dlg.Bind(
        wxEVT_BUTTON,
        [&](wxCommandEvent&) {
            if (password->GetValue() != again->GetValue()) {
                message->SetLabel(_("The two passwords differ."));
                return;
            }
            auto made = auth.create_first_administrator(
                NewStaff{to_utf8(number->GetValue().Strip(wxString::both)),
                         to_utf8(name->GetValue().Strip(wxString::both)),
                         Role::Administrator,
                         {},
                         {}},
                to_utf8(password->GetValue()), workstation);
            if (!made) {
                message->SetLabel(translate(made.error()));
                message->Wrap(460);
                dlg.Layout();
                dlg.Fit();
                return;
            }
            dlg.EndModal(wxID_OK);
        },
        wxID_OK);
    return dlg.ShowModal() == wxID_OK;
}

wxString demo_accounts_hint(const char* password) {
    // Line breaks of our own: wxStaticText::Wrap breaks Chinese text only at spaces.
    return wxString::Format(
        _("Demo workspace (synthetic data). Sign in as one of:\n"
          "demo-counter (counter clerk), demo-unit (unit HR clerk), demo-supervisor,\n"
          "demo-visit (home visits), demo-admin (administrator), demo-auditor (auditor)\n"
          "Password of every demo account: %s"),
        password);
}

std::optional<Session> sign_in_at_start(AuthService& auth, const std::string& workstation,
                                        const wxString& hint) {
    if (auth.needs_first_administrator() && !ask_first_administrator(nullptr, auth, workstation)) {
        return std::nullopt;
    }
    while (true) {
        LoginDialog login(nullptr, auth, workstation, nullptr, hint);
        if (login.ShowModal() != wxID_OK || !login.session()) return std::nullopt;
        Session s = *login.session();
        if (!s.must_change_password) return s;
        if (auto changed = ask_new_password(nullptr, auth, s)) return changed;
        // Cancelled the change: the temporary password gives no access, so back to sign-in.
        auth.sign_out(s);
    }
}

}  // namespace pd::ui
