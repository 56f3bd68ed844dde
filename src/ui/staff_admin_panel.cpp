#include "ui/staff_admin_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include <array>

#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {

constexpr std::array kStaffRoles{Role::UnitClerk,  Role::CounterClerk,  Role::HomeVisit,
                                 Role::Supervisor, Role::Administrator, Role::Auditor};

wxString role_text(Role r) {
    return wxGetTranslation(from_utf8(role_label(r)));
}

// What the account dialog asks: the identity and a temporary password only for a new account.
struct AccountForm {
    std::string staff_number;
    std::string name;
    std::string password;
    Role role = Role::UnitClerk;
    std::string unit;
    std::string region;
};

std::optional<AccountForm> ask_account(wxWindow* parent, const wxString& title, AccountForm initial,
                                       bool new_account) {
    wxDialog dlg(parent, wxID_ANY, title);
    theme::apply(&dlg);
    auto* grid = new wxFlexGridSizer(2, 8, 12);
    grid->AddGrowableCol(1);
    auto field = [&](const wxString& label, const std::string& value, long style = 0) {
        grid->Add(new wxStaticText(&dlg, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* f = new wxTextCtrl(&dlg, wxID_ANY, from_utf8(value), wxDefaultPosition,
                                 wxSize(300, -1), style);
        grid->Add(f, 1, wxEXPAND);
        return f;
    };
    wxTextCtrl* number = nullptr;
    wxTextCtrl* name = nullptr;
    wxTextCtrl* password = nullptr;
    if (new_account) {
        number = field(_("Staff number"), initial.staff_number);
        name = field(_("Name"), initial.name);
        password = field(_("Temporary password"), {}, wxTE_PASSWORD);
    }
    grid->Add(new wxStaticText(&dlg, wxID_ANY, _("Role")), 0, wxALIGN_CENTER_VERTICAL);
    auto* role = new wxChoice(&dlg, wxID_ANY);
    for (const Role r : kStaffRoles) {
        role->Append(role_text(r));
        if (r == initial.role) role->SetSelection(static_cast<int>(role->GetCount()) - 1);
    }
    grid->Add(role, 1, wxEXPAND);
    auto* unit = field(_("Employer unit (unit HR clerks)"), initial.unit);
    auto* region = field(_("Region code (counter clerks, e.g. 6101)"), initial.region);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(grid, 0, wxALL | wxEXPAND, 16);
    column->Add(dlg.CreateButtonSizer(wxOK | wxCANCEL), 0, wxALL | wxEXPAND, 16);
    dlg.SetSizerAndFit(column);
    if (dlg.ShowModal() != wxID_OK || role->GetSelection() == wxNOT_FOUND) return std::nullopt;
    AccountForm out;
    if (new_account) {
        out.staff_number = to_utf8(number->GetValue().Strip(wxString::both));
        out.name = to_utf8(name->GetValue().Strip(wxString::both));
        out.password = to_utf8(password->GetValue());
    }
    out.role = kStaffRoles.at(static_cast<std::size_t>(role->GetSelection()));
    out.unit = to_utf8(unit->GetValue().Strip(wxString::both));
    out.region = to_utf8(region->GetValue().Strip(wxString::both));
    return out;
}

}  // namespace

StaffAdminPanel::StaffAdminPanel(wxWindow* parent, AuthService& auth, const Clock& clock,
                                 Actor actor, StaffFaceHooks faces)
    : wxPanel(parent),
      auth_(auth),
      clock_(clock),
      actor_(std::move(actor)),
      faces_(std::move(faces)) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Staff accounts"));
    title->SetFont(theme::heading_font());
    column->Add(title, 0, wxALL, 12);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Staff number"));
    list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 160);
    list_->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, 200);
    list_->AppendColumn(_("Unit or region"), wxLIST_FORMAT_LEFT, 200);
    list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 260);
    if (faces_.enrolled_at) list_->AppendColumn(_("Own face"), wxLIST_FORMAT_LEFT, 200);
    column->Add(list_, 1, wxLEFT | wxRIGHT | wxEXPAND, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto add = [&](const wxString& label, void (StaffAdminPanel::*fn)()) {
        auto* b = new wxButton(this, wxID_ANY, label);
        b->Bind(wxEVT_BUTTON, [this, fn](wxCommandEvent&) { (this->*fn)(); });
        buttons->Add(b, 0, wxRIGHT, 8);
    };
    if (role_allows(actor_.role, Permission::AccountManage)) {
        add(_("New account..."), &StaffAdminPanel::create_account);
        add(_("Disable / enable"), &StaffAdminPanel::toggle_enabled);
        add(_("Change role..."), &StaffAdminPanel::change_role);
        if (faces_.enrol) add(_("Enrol face..."), &StaffAdminPanel::enrol_face);
        if (faces_.withdraw) {
            auto* b = new wxButton(this, wxID_ANY, _("Withdraw face..."));
            b->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
                if (!selected()) return;
                const wxString reason = wxGetTextFromUser(_("Why is the face withdrawn?"),
                                                          _("Staff accounts"), wxEmptyString, this);
                if (!reason.empty()) withdraw_face(to_utf8(reason));
            });
            buttons->Add(b, 0, wxRIGHT, 8);
        }
    }
    add(_("Unlock"), &StaffAdminPanel::unlock);
    add(_("Reset password..."), &StaffAdminPanel::reset_password);
    column->Add(buttons, 0, wxALL, 12);
    SetSizer(column);
    reload();
}

void StaffAdminPanel::reload() {
    list_->DeleteAllItems();
    auto all = auth_.list_accounts(actor_);
    if (!all) {
        accounts_.clear();
        list_->InsertItem(0, translate(all.error()));
        return;
    }
    accounts_ = std::move(all).value();
    const auto now = clock_.now();
    for (std::size_t i = 0; i < accounts_.size(); ++i) {
        const auto& a = accounts_[i];
        const long row = list_->InsertItem(static_cast<long>(i), from_utf8(a.staff_number));
        list_->SetItem(row, 1, from_utf8(a.name));
        list_->SetItem(row, 2, role_text(a.role));
        list_->SetItem(row, 3, from_utf8(a.role == Role::UnitClerk ? a.unit : a.region));
        wxString status = a.status == StaffStatus::Active ? _("active") : _("disabled");
        if (a.locked_at(now)) status += wxString(", ") + _("locked");
        if (a.must_change_password) status += wxString(", ") + _("must change password");
        list_->SetItem(row, 4, status);
        if (faces_.enrolled_at) {
            const auto at = faces_.enrolled_at(a.id);
            list_->SetItem(
                row, 5,
                at ? wxString::Format(
                         _("on file since %s"),
                         wxDateTime(std::chrono::system_clock::to_time_t(*at)).Format("%Y-%m-%d"))
                   : wxString(_("not on file")));
        }
    }
}

void StaffAdminPanel::select_row(std::size_t row) {
    if (row >= accounts_.size()) return;
    list_->SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

void StaffAdminPanel::enrol_face() {
    const auto* a = selected();
    if (!a || !faces_.enrol) return;
    faces_.enrol(this, *a);
    reload();
}

void StaffAdminPanel::withdraw_face(const std::string& reason) {
    const auto* a = selected();
    if (!a || !faces_.withdraw) return;
    if (const auto error = faces_.withdraw(*a, reason)) {
        wxMessageBox(translate(*error), _("Staff accounts"), wxOK | wxICON_WARNING, this);
        return;
    }
    reload();
}

const StaffAccount* StaffAdminPanel::selected() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= accounts_.size()) return nullptr;
    return &accounts_[static_cast<std::size_t>(row)];
}

template <class T>
void StaffAdminPanel::report(const Expected<T>& result) {
    if (!result) {
        wxMessageBox(translate(result.error()), _("Staff accounts"), wxOK | wxICON_WARNING, this);
        return;
    }
    reload();
}

void StaffAdminPanel::create_account() {
    const auto form = ask_account(this, _("New account"), {}, true);
    if (!form) return;
    report(auth_.create_account(
        actor_, NewStaff{form->staff_number, form->name, form->role, form->unit, form->region},
        form->password));
}

void StaffAdminPanel::toggle_enabled() {
    const auto* a = selected();
    if (!a) return;
    const bool enable = a->status == StaffStatus::Disabled;
    const wxString reason = wxGetTextFromUser(
        enable ? _("Why is the account enabled again?") : _("Why is the account disabled?"),
        _("Staff accounts"), wxEmptyString, this);
    report(auth_.set_enabled(actor_, a->id, enable, to_utf8(reason)));
}

void StaffAdminPanel::unlock() {
    const auto* a = selected();
    if (a) report(auth_.unlock_account(actor_, a->id));
}

void StaffAdminPanel::reset_password() {
    const auto* a = selected();
    if (!a) return;
    const wxString temp = wxGetPasswordFromUser(
        _("Temporary password (at least 10 characters). Give it to the staff member in person; "
          "they must choose their own at the next sign-in."),
        _("Reset password"), wxEmptyString, this);
    if (temp.empty()) return;
    report(auth_.reset_password(actor_, a->id, to_utf8(temp)));
}

void StaffAdminPanel::change_role() {
    const auto* a = selected();
    if (!a) return;
    const auto form =
        ask_account(this, _("Change role"), {{}, {}, {}, a->role, a->unit, a->region}, false);
    if (!form) return;
    report(auth_.change_role(actor_, a->id, form->role, form->unit, form->region));
}

}  // namespace pd::ui
