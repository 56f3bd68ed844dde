#include "ui/due_list_panel.h"

#include <wx/button.h>
#include <wx/combobox.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <tuple>

#include "domain/audit.h"
#include "domain/permission.h"
#include "store/audit_log.h"
#include "store/auth_context.h"
#include "store/roster_csv.h"
#include "ui/certification_panel.h"
#include "ui/certification_services.h"
#include "ui/certification_text.h"
#include "ui/error_panel.h"
#include "ui/main_frame.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {

// Validity ends first, called first; ties by unit and name so the order never jumps.
bool by_validity(const ValidityRow& a, const ValidityRow& b) {
    return std::tie(a.valid_until, a.employer_unit, a.name, a.id_number) <
           std::tie(b.valid_until, b.employer_unit, b.name, b.id_number);
}

// Never certified: an office calls unit by unit.
bool by_unit(const ValidityRow& a, const ValidityRow& b) {
    return std::tie(a.employer_unit, a.name, a.id_number) <
           std::tie(b.employer_unit, b.name, b.id_number);
}

constexpr const char* list_code(DueListPanel::List which) {
    switch (which) {
        case DueListPanel::List::DueThisMonth:
            return "due_this_month";
        case DueListPanel::List::Overdue:
            return "overdue";
        case DueListPanel::List::NeverCertified:
            return "never_certified";
    }
    return "";
}

constexpr std::size_t index_of(DueListPanel::List which) {
    return static_cast<std::size_t>(which);
}

}  // namespace

// A virtual list over one of the panel's row vectors: the never-certified list of a large
// workspace can hold many thousands, and only the rows on screen are drawn.
class DueListCtrl final : public wxListCtrl {
  public:
    DueListCtrl(wxWindow* parent, const std::vector<ValidityRow>& rows, const Clock& clock)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
          rows_(rows),
          clock_(clock) {
        AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(140));
        AppendColumn(_("ID number"), wxLIST_FORMAT_LEFT, FromDIP(240));
        AppendColumn(_("Employer unit"), wxLIST_FORMAT_LEFT, FromDIP(280));
        AppendColumn(_("Phone"), wxLIST_FORMAT_LEFT, FromDIP(170));
        AppendColumn(_("Valid until"), wxLIST_FORMAT_LEFT, FromDIP(270));
    }

    void reload() {
        today_ = clock_.today();
        SetItemCount(static_cast<long>(rows_.size()));
        Refresh();
    }

    [[nodiscard]] wxString OnGetItemText(long item, long column) const override {
        if (item < 0 || static_cast<std::size_t>(item) >= rows_.size()) return {};
        const ValidityRow& r = rows_[static_cast<std::size_t>(item)];
        switch (column) {
            case 0:
                return from_utf8(r.name);
            case 1:
                return from_utf8(r.id_number);
            case 2:
                return from_utf8(r.employer_unit);
            case 3:
                return from_utf8(r.phone);
            case 4:
                return valid_until_text(r);
            default:
                return {};
        }
    }

  private:
    [[nodiscard]] wxString valid_until_text(const ValidityRow& r) const {
        if (!r.valid_until) return _("Never certified");
        const wxString date = from_utf8(to_iso(*r.valid_until));
        const auto late = (std::chrono::sys_days{today_} - std::chrono::sys_days{*r.valid_until});
        // How long the pension has been at risk decides whom to call first.
        if (late.count() > 0)
            return wxString::Format(_("%s (%d days overdue)"), date,
                                    static_cast<int>(late.count()));
        return date;
    }

    const std::vector<ValidityRow>& rows_;
    const Clock& clock_;
    Date today_{};
};

wxWindow* make_due_list_panel(wxWindow* parent, Session& session) {
    try {
        return new DueListPanel(parent, session);
    } catch (const std::exception& e) {
        return make_error_panel(
            parent, wxString::Format(_("The due lists cannot open: %s"), from_utf8(e.what())));
    }
}

DueListPanel::DueListPanel(wxWindow* parent, Session& session)
    : wxPanel(parent, wxID_ANY),
      session_(session),
      services_(std::make_unique<CertificationServices>(session)) {
    auto* heading = new wxStaticText(this, wxID_ANY, _("Due for certification"));
    heading->SetFont(theme::heading_font());
    heading->SetForegroundColour(theme::accent_colour());
    auto* unit_label = new wxStaticText(this, wxID_ANY, _("Employer &unit:"));
    unit_ = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, nullptr,
                           wxCB_DROPDOWN | wxTE_PROCESS_ENTER);
    refresh_ = new wxButton(this, wxID_REFRESH, _("&Refresh"));
    export_ = new wxButton(this, wxID_ANY, _("&Export CSV..."));
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetFont(theme::base_font().Bold());
    book_ = new wxNotebook(this, wxID_ANY);
    for (std::size_t i = 0; i < list_count; ++i) {
        lists_[i] = new DueListCtrl(book_, rows_[i], session_.clock);
        book_->AddPage(lists_[i], wxString());
    }
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("Double-click a row to certify that retiree at the counter."));
    hint->SetForegroundColour(theme::muted_colour());
    message_ = new wxStaticText(this, wxID_ANY, wxString());

    // A unit HR clerk only ever sees their own unit: the filter shows it and stays put.
    if (session_.actor.role == Role::UnitClerk) {
        unit_->SetValue(from_utf8(session_.actor.unit));
        unit_->Enable(false);
    } else {
        unit_->Append(_("All units"));
        unit_->SetSelection(0);
    }

    const int gap = FromDIP(12);
    auto* filter_row = new wxBoxSizer(wxHORIZONTAL);
    filter_row->Add(unit_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    filter_row->Add(unit_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    filter_row->Add(refresh_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    filter_row->Add(export_, 0, wxALIGN_CENTER_VERTICAL);
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(heading, 0, wxALL, gap);
    s->Add(filter_row, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    s->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    s->Add(book_, 1, wxEXPAND | wxALL, gap);
    s->Add(hint, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    s->Add(message_, 0, wxEXPAND | wxALL, gap);
    SetSizer(s);

    unit_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { refresh(); });
    unit_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { refresh(); });
    refresh_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refresh(); });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        // Refused before a file is chosen: the clerk learns at once who can export.
        if (!allows(session_.actor, Permission::RetireeExport)) {
            export_csv({});
            return;
        }
        wxFileDialog dlg(this, _("Export the due lists"), wxString(), "due-for-certification.csv",
                         "CSV (*.csv)|*.csv", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK) return;
        export_csv(std::filesystem::path(to_utf8(dlg.GetPath())));
    });
    for (std::size_t i = 0; i < list_count; ++i) {
        const auto which = static_cast<List>(i);
        lists_[i]->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                        [this, which](wxListEvent& e) { certify_row(which, e.GetIndex()); });
    }
    refresh();
}

DueListPanel::~DueListPanel() = default;

void DueListPanel::set_unit(const wxString& unit) {
    if (unit.empty() && session_.actor.role != Role::UnitClerk) {
        unit_->SetSelection(0);
    } else {
        unit_->SetValue(unit);
    }
    refresh();
}

wxString DueListPanel::unit() const {
    const wxString v = unit_->GetValue().Strip(wxString::both);
    if (session_.actor.role != Role::UnitClerk && v == _("All units")) return {};
    return v;
}

void DueListPanel::refresh() {
    // Every unit of a provincial workspace (a million retirees) takes about a second
    // (docs/performance.md): the clerk sees it is working.
    const wxBusyCursor busy;
    for (auto& r : rows_) r.clear();
    const std::string unit = to_utf8(this->unit());
    show_message({}, false);
    try {
        auto lists = services_->service().due_lists(unit, session_.actor);
        if (!lists) {
            if (lists.error().code == "permission.denied") {
                session_.auth->audit().append(
                    make_audit(session_.actor, session_.clock.now(), AuditAction::PermissionDenied,
                               "retiree", "", "denied", "due lists for unit '" + unit + "'"));
            }
            show_message(translate(lists.error()), true);
        } else {
            rows_[index_of(List::DueThisMonth)] = std::move(lists->due_this_month);
            rows_[index_of(List::Overdue)] = std::move(lists->overdue);
            rows_[index_of(List::NeverCertified)] = std::move(lists->never_certified);
            std::ranges::sort(rows_[index_of(List::DueThisMonth)], by_validity);
            std::ranges::sort(rows_[index_of(List::Overdue)], by_validity);
            std::ranges::sort(rows_[index_of(List::NeverCertified)], by_unit);
            // Names, ID numbers and phones on screen: a view of personal data, audited like
            // opening a record.
            session_.auth->audit().append(make_audit(
                session_.actor, session_.clock.now(), AuditAction::RetireeViewed, "retiree", "",
                "ok",
                "due lists for " + (unit.empty() ? std::string("all units in scope") : unit) +
                    ": " + std::to_string(rows_[0].size()) + " due this month, " +
                    std::to_string(rows_[1].size()) + " overdue, " +
                    std::to_string(rows_[2].size()) + " never certified"));
            if (unit.empty()) fill_units();
        }
    } catch (const std::exception& e) {
        for (auto& r : rows_) r.clear();
        show_message(from_utf8(e.what()), true);
    }

    for (std::size_t i = 0; i < list_count; ++i) {
        lists_[i]->reload();
        book_->SetPageText(i, page_label(static_cast<List>(i)));
    }
    const int total = static_cast<int>(rows_[0].size() + rows_[1].size() + rows_[2].size());
    summary_->SetLabel(
        wxString::Format(_("%d to call in: %d due this month, %d overdue, %d never certified."),
                         total, static_cast<int>(rows_[0].size()),
                         static_cast<int>(rows_[1].size()), static_cast<int>(rows_[2].size())));
    Layout();
}

void DueListPanel::fill_units() {
    // The units with someone to call, so a supervisor can pick one instead of typing its name.
    std::set<std::string> found;
    for (const auto& list : rows_)
        for (const auto& r : list) found.insert(r.employer_unit);
    std::vector<std::string> units(found.begin(), found.end());
    // Only when they changed: the combo box is not rebuilt under the user's hands.
    if (units == known_units_) return;
    known_units_ = std::move(units);
    const wxString current = unit_->GetValue();
    unit_->Clear();
    unit_->Append(_("All units"));
    for (const auto& u : known_units_) unit_->Append(from_utf8(u));
    unit_->ChangeValue(current);
}

wxString DueListPanel::page_label(List which) const {
    const int n = static_cast<int>(rows_[index_of(which)].size());
    switch (which) {
        case List::DueThisMonth:
            return wxString::Format(_("Due this month (%d)"), n);
        case List::Overdue:
            return wxString::Format(_("Overdue (%d)"), n);
        case List::NeverCertified:
            return wxString::Format(_("Never certified (%d)"), n);
    }
    return {};
}

const std::vector<ValidityRow>& DueListPanel::rows(List which) const {
    return rows_[index_of(which)];
}

wxListCtrl* DueListPanel::list_ctrl(List which) const {
    return lists_[index_of(which)];
}

void DueListPanel::show_list(List which) {
    book_->SetSelection(index_of(which));
}

wxString DueListPanel::message() const {
    return message_->GetLabel();
}

void DueListPanel::show_message(const wxString& text, bool error) {
    message_->SetForegroundColour(error ? theme::error_colour() : theme::muted_colour());
    set_wrapped(message_, text, std::max(GetClientSize().x - FromDIP(24), FromDIP(400)));
    Layout();
}

bool DueListPanel::export_csv(const std::filesystem::path& file) {
    // Personal data leaving the workstation: only roles allowed to export, and audited.
    if (!allows(session_.actor, Permission::RetireeExport)) {
        try {
            session_.auth->audit().append(make_audit(session_.actor, session_.clock.now(),
                                                     AuditAction::PermissionDenied, "retiree", "",
                                                     "denied", "retiree.export (due lists)"));
        } catch (const std::exception&) {
            // The refusal stands whether or not it could be logged.
        }
        show_message(
            _("Your role does not allow exporting retirees' data; a supervisor can export it."),
            true);
        return false;
    }
    std::size_t written = 0;
    try {
        std::ofstream out(file, std::ios::binary);
        if (!out) throw std::runtime_error("cannot write " + file.string());
        out << "\xEF\xBB\xBF";  // a BOM, so spreadsheet programs read the Chinese as UTF-8
        const std::string header[] = {"list",          "name",  "id_number",
                                      "employer_unit", "phone", "valid_until"};
        store::write_csv_line(out, header);
        for (std::size_t i = 0; i < list_count; ++i) {
            for (const auto& r : rows_[i]) {
                const std::string fields[] = {std::string(list_code(static_cast<List>(i))),
                                              r.name,
                                              r.id_number,
                                              r.employer_unit,
                                              r.phone,
                                              r.valid_until ? to_iso(*r.valid_until) : ""};
                store::write_csv_line(out, fields);
                ++written;
            }
        }
        out.close();
        if (!out) throw std::runtime_error("cannot write " + file.string());
        const std::string unit = to_utf8(this->unit());
        session_.auth->audit().append(make_audit(
            session_.actor, session_.clock.now(), AuditAction::Export, "retiree", "", "ok",
            std::to_string(written) + " retirees of the due lists for " +
                (unit.empty() ? std::string("all units in scope") : unit) + " to " +
                file.string()));
    } catch (const std::exception& e) {
        show_message(wxString::Format(_("The export failed: %s"), from_utf8(e.what())), true);
        return false;
    }
    show_message(wxString::Format(_("Exported %d retirees to %s."), static_cast<int>(written),
                                  from_path(file)),
                 false);
    return true;
}

void DueListPanel::certify_row(List which, long row) {
    const auto& list = rows_[index_of(which)];
    if (row < 0 || static_cast<std::size_t>(row) >= list.size()) return;
    const wxString id_number = from_utf8(list[static_cast<std::size_t>(row)].id_number);
    auto* frame = dynamic_cast<MainFrame*>(wxGetTopLevelParent(this));
    if (frame == nullptr) return;  // shown on its own (tests): there is no area to switch to
    if (auto* panel = dynamic_cast<CertificationPanel*>(frame->show_area("certification")))
        panel->search(id_number);
}

}  // namespace pd::ui
