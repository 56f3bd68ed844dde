#include "ui/audit_viewer_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {

// Every action, in the order the filter lists them (after "All actions").
constexpr std::array kActions{
    AuditAction::SignIn,
    AuditAction::SignInFailed,
    AuditAction::SignOut,
    AuditAction::ScreenLocked,
    AuditAction::ScreenUnlocked,
    AuditAction::SessionEnded,
    AuditAction::PasswordChanged,
    AuditAction::PasswordReset,
    AuditAction::AccountUnlocked,
    AuditAction::AccountCreated,
    AuditAction::AccountDisabled,
    AuditAction::AccountEnabled,
    AuditAction::RoleChanged,
    AuditAction::FirstAdministrator,
    AuditAction::RetireeViewed,
    AuditAction::RetireeCreated,
    AuditAction::RetireeChanged,
    AuditAction::RetireeStatusChanged,
    AuditAction::Certification,
    AuditAction::Export,
    AuditAction::SettingChanged,
    AuditAction::PermissionDenied,
    AuditAction::AuditExported,
    AuditAction::StaffFaceEnrolled,
    AuditAction::StaffFaceWithdrawn,
};

// Stored in UTC, shown in the workstation's local time.
wxString local_time(std::chrono::system_clock::time_point t) {
    const auto secs = std::chrono::system_clock::to_time_t(t);
    return wxDateTime(secs).Format("%Y-%m-%d %H:%M:%S");
}

std::chrono::system_clock::time_point start_of_local_day(const wxDateTime& d) {
    wxDateTime day = d;
    day.ResetTime();
    return std::chrono::system_clock::from_time_t(day.GetTicks());
}

wxString changes_text(const std::vector<FieldChange>& changes) {
    wxString out;
    for (const auto& c : changes) {
        if (!out.empty()) out += "; ";
        out += from_utf8(c.field) + ": " + from_utf8(c.before) + " -> " + from_utf8(c.after);
    }
    return out;
}

}  // namespace

AuditViewerPanel::AuditViewerPanel(wxWindow* parent, const AuditReader& reader, AuditSink& sink,
                                   const Clock& clock, Actor actor)
    : wxPanel(parent), reader_(reader), sink_(sink), clock_(clock), actor_(std::move(actor)) {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Audit log"));
    title->SetFont(theme::heading_font());
    column->Add(title, 0, wxALL, 12);

    auto* filters = new wxFlexGridSizer(4, 8, 12);
    auto label = [&](const wxString& text) {
        filters->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    label(_("Staff member"));
    person_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(220, -1));
    filters->Add(person_, 1, wxEXPAND);
    label(_("Retiree or account id"));
    subject_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(320, -1));
    filters->Add(subject_, 1, wxEXPAND);
    label(_("Action"));
    action_ = new wxChoice(this, wxID_ANY);
    action_->Append(_("All actions"));
    for (const auto a : kActions) action_->Append(from_utf8(to_string(a)));
    action_->SetSelection(0);
    filters->Add(action_, 1, wxEXPAND);
    label(_("From / to (dates, inclusive)"));
    auto* dates = new wxBoxSizer(wxHORIZONTAL);
    const wxDateTime today = wxDateTime(std::chrono::system_clock::to_time_t(clock_.now()));
    from_ = new wxDatePickerCtrl(this, wxID_ANY, today - wxDateSpan::Days(30));
    to_ = new wxDatePickerCtrl(this, wxID_ANY, today);
    dates->Add(from_, 0, wxRIGHT, 8);
    dates->Add(to_);
    filters->Add(dates);
    column->Add(filters, 0, wxLEFT | wxRIGHT, 12);

    auto* search_button = new wxButton(this, wxID_ANY, _("Search"));
    search_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { search(); });
    column->Add(search_button, 0, wxALL, 12);

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("#"), wxLIST_FORMAT_RIGHT, 60);
    list_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, 190);
    list_->AppendColumn(_("Staff member"), wxLIST_FORMAT_LEFT, 180);
    list_->AppendColumn(_("Workstation"), wxLIST_FORMAT_LEFT, 120);
    list_->AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, 170);
    list_->AppendColumn(_("Subject"), wxLIST_FORMAT_LEFT, 260);
    list_->AppendColumn(_("Outcome"), wxLIST_FORMAT_LEFT, 80);
    list_->AppendColumn(_("Detail"), wxLIST_FORMAT_LEFT, 260);
    list_->AppendColumn(_("Changes"), wxLIST_FORMAT_LEFT, 360);
    column->Add(list_, 1, wxLEFT | wxRIGHT | wxEXPAND, 12);
    status_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    column->Add(status_, 0, wxALL, 12);
    SetSizer(column);
    search();
}

void AuditViewerPanel::search() {
    AuditQuery q;
    q.staff = to_utf8(person_->GetValue().Strip(wxString::both));
    q.subject_id = to_utf8(subject_->GetValue().Strip(wxString::both));
    if (const int sel = action_->GetSelection(); sel > 0) {
        q.action = kActions.at(static_cast<std::size_t>(sel - 1));
    }
    q.from = start_of_local_day(from_->GetValue());
    q.to = start_of_local_day(to_->GetValue() + wxDateSpan::Days(1));
    q.limit = 5000;  // a screenful of history; the CSV export has everything
    list_->DeleteAllItems();
    auto found = read_audit(actor_, reader_, sink_, clock_.now(), q);
    if (!found) {
        entries_.clear();
        status_->SetLabel(translate(found.error()));
        return;
    }
    entries_ = std::move(found).value();
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const auto& e = entries_[i];
        const long row = list_->InsertItem(static_cast<long>(i),
                                           wxString::Format("%lld", static_cast<long long>(e.seq)));
        list_->SetItem(row, 1, local_time(e.at));
        list_->SetItem(row, 2, from_utf8(e.staff_name));
        list_->SetItem(row, 3, from_utf8(e.workstation));
        list_->SetItem(row, 4, from_utf8(to_string(e.action)));
        list_->SetItem(row, 5, from_utf8(e.subject_type + " " + e.subject_id));
        list_->SetItem(row, 6, from_utf8(e.outcome));
        list_->SetItem(row, 7, from_utf8(e.detail));
        list_->SetItem(row, 8, changes_text(e.changes));
    }
    status_->SetLabel(wxString::Format(_("%zu entries"), entries_.size()));
}

}  // namespace pd::ui
