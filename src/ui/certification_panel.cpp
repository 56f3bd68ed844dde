#include "ui/certification_panel.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <fstream>

#include "devices/card.h"
#include "domain/audit.h"
#include "domain/permission.h"
#include "store/audit_log.h"
#include "store/auth_context.h"
#include "store/roster_csv.h"
#include "ui/card_draft.h"
#include "ui/card_reader_button.h"
#include "ui/certification_services.h"
#include "ui/certification_text.h"
#include "ui/certification_wizard.h"
#include "ui/demo_certification.h"
#include "ui/error_panel.h"
#include "ui/review_dialog.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {

wxString outcome_label(CertificationOutcome o) {
    switch (o) {
        case CertificationOutcome::Passed:
            return _("Passed");
        case CertificationOutcome::Failed:
            return _("Failed");
        case CertificationOutcome::PendingReview:
            return _("Waiting for review");
        case CertificationOutcome::Rejected:
            return _("Rejected");
    }
    return {};
}

wxString method_text(CertificationMethod m) {
    switch (m) {
        case CertificationMethod::CounterFace:
            return _("Counter, face");
        case CertificationMethod::HomeVisit:
            return _("Home visit");
        case CertificationMethod::ManualReview:
            return _("Manual review");
        case CertificationMethod::Overseas:
            return _("Overseas");
    }
    return {};
}

wxString local_time(std::chrono::system_clock::time_point t) {
    return wxDateTime(std::chrono::system_clock::to_time_t(t)).Format("%Y-%m-%d %H:%M");
}

}  // namespace

wxWindow* make_certification_panel(wxWindow* parent, Session& session) {
    try {
        return new CertificationPanel(parent, session);
    } catch (const std::exception& e) {
        return make_error_panel(
            parent, wxString::Format(_("Certification cannot open: %s"), from_utf8(e.what())));
    }
}

CertificationPanel::CertificationPanel(wxWindow* parent, Session& session)
    : wxPanel(parent, wxID_ANY),
      session_(session),
      services_(std::make_unique<CertificationServices>(session)) {
    auto* heading = new wxStaticText(this, wxID_ANY, _("Certification"));
    heading->SetFont(theme::heading_font());
    heading->SetForegroundColour(theme::accent_colour());
    query_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_PROCESS_ENTER);
    query_->SetHint(_("Name, ID number or phone"));
    auto* find = new wxButton(this, wxID_ANY, _("Find"));
    card_reader_ =
        new CardReaderButton(this, [this](const devices::Card& card) { find_card_holder(card); });
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 160)),
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(140));
    list_->AppendColumn(_("ID number"), wxLIST_FORMAT_LEFT, FromDIP(240));
    list_->AppendColumn(_("Employer unit"), wxLIST_FORMAT_LEFT, FromDIP(320));
    eligibility_ =
        new wxStaticText(this, wxID_ANY, _("Find a retiree by name, ID number or phone."));
    eligibility_->SetFont(theme::heading_font());
    certify_ = new wxButton(this, wxID_ANY, _("Certify..."));
    certify_->SetFont(theme::heading_font());
    history_list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxLC_REPORT | wxLC_SINGLE_SEL);
    history_list_->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(170));
    history_list_->AppendColumn(_("Method"), wxLIST_FORMAT_LEFT, FromDIP(150));
    history_list_->AppendColumn(_("Place"), wxLIST_FORMAT_LEFT, FromDIP(200));
    history_list_->AppendColumn(_("Staff"), wxLIST_FORMAT_LEFT, FromDIP(150));
    history_list_->AppendColumn(_("Result"), wxLIST_FORMAT_LEFT, FromDIP(130));
    history_list_->AppendColumn(_("Receipt number"), wxLIST_FORMAT_LEFT, FromDIP(260));
    export_ = new wxButton(this, wxID_ANY, _("Export history (CSV)..."));
    review_ = new wxButton(this, wxID_ANY, _("Review..."));

    auto* search_row = new wxBoxSizer(wxHORIZONTAL);
    search_row->Add(query_, 1, wxRIGHT, FromDIP(8));
    search_row->Add(find, 0, wxRIGHT, FromDIP(12));
    search_row->Add(card_reader_, 1, wxALIGN_CENTER_VERTICAL);
    auto* action_row = new wxBoxSizer(wxHORIZONTAL);
    action_row->Add(certify_, 0, wxRIGHT, FromDIP(12));
    auto* history_row = new wxBoxSizer(wxHORIZONTAL);
    auto* history_label = new wxStaticText(this, wxID_ANY, _("Certification history"));
    history_label->SetFont(theme::base_font().Bold());
    history_row->Add(history_label, 1, wxALIGN_CENTER_VERTICAL);
    history_row->Add(review_, 0, wxRIGHT, FromDIP(8));
    history_row->Add(export_, 0);

    const int gap = FromDIP(12);
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(heading, 0, wxALL, gap);
    s->Add(search_row, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    s->Add(list_, 0, wxEXPAND | wxALL, gap);
    s->Add(eligibility_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    s->Add(action_row, 0, wxALL, gap);
    s->Add(history_row, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    s->Add(history_list_, 1, wxEXPAND | wxALL, gap);
    SetSizer(s);

    const auto do_search = [this](wxCommandEvent&) { search(query_->GetValue()); };
    query_->Bind(wxEVT_TEXT_ENTER, do_search);
    find->Bind(wxEVT_BUTTON, do_search);
    list_->Bind(wxEVT_LIST_ITEM_SELECTED,
                [this](wxListEvent& e) { select(static_cast<std::size_t>(e.GetIndex())); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_wizard(); });
    certify_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_wizard(); });
    review_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { review_selected(); });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!selected_) return;
        wxFileDialog dlg(this, _("Export history"), wxString(),
                         from_utf8(selected_->id_number + "-history.csv"), "CSV (*.csv)|*.csv",
                         wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK) return;
        try {
            export_history(std::filesystem::path(to_utf8(dlg.GetPath())));
        } catch (const std::exception& e) {
            eligibility_->SetLabel(from_utf8(e.what()));
        }
    });
    show_selected();
    // A newcomer on the demo workspace finds the retiree enrolled from the demo video at once.
    if (session_.workspace.demo && demo_video_source()) search(from_utf8(demo_retiree_id_number()));
}

CertificationPanel::~CertificationPanel() = default;

void CertificationPanel::search(const wxString& text) {
    run_search(text, SearchField::Auto);
}

bool CertificationPanel::run_search(const wxString& text, SearchField field) {
    if (query_->GetValue() != text) query_->ChangeValue(text);
    results_.clear();
    list_->DeleteAllItems();
    const std::string q = to_utf8(text.Strip(wxString::both));
    bool failed = false;
    if (!q.empty()) {
        try {
            auto keys = session_.workspace.directory->search(SearchQuery{q, field, 50});
            results_ = session_.workspace.directory->rows(keys);
        } catch (const std::exception& e) {
            failed = true;
            eligibility_->SetLabel(from_utf8(e.what()));
        }
    }
    for (std::size_t i = 0; i < results_.size(); ++i) {
        const long row = list_->InsertItem(static_cast<long>(i), from_utf8(results_[i].name));
        list_->SetItem(row, 1, from_utf8(results_[i].id_number));
        list_->SetItem(row, 2, from_utf8(results_[i].employer_unit));
    }
    if (results_.empty()) {
        selected_.reset();
        card_.reset();
        show_selected();
        if (!q.empty() && !failed)
            eligibility_->SetLabel(_("Nobody found. Check the spelling or the number."));
    } else {
        list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        select(0);
    }
    return !failed;
}

void CertificationPanel::select(std::size_t row) {
    if (row >= results_.size()) return;
    // A card read belongs to its holder: selecting someone else drops it. The list's own
    // selection event for the same retiree (after a card search) keeps it.
    if (!selected_ || selected_->id != results_[row].id) card_.reset();
    selected_ = results_[row];
    show_selected();
}

void CertificationPanel::find_card_holder(const devices::Card& card) {
    const RetireeDraft on_card = draft_from_card(card.text);
    card_.reset();
    if (on_card.id_number.empty()) {
        selected_.reset();
        show_selected();
        set_wrapped(eligibility_, _("The card carries no ID number to search for."),
                    std::max(GetClientSize().x - FromDIP(24), FromDIP(400)));
        eligibility_->SetForegroundColour(theme::error_colour());
        Layout();
        return;
    }
    if (!run_search(from_utf8(on_card.id_number), SearchField::IdNumber))
        return;  // the store's error is on screen
    // The search may match more than the exact number; only the card's own holder counts.
    std::optional<std::size_t> holder;
    for (std::size_t i = 0; i < results_.size() && !holder; ++i)
        if (results_[i].id_number == on_card.id_number) holder = i;
    if (!holder) {
        // Never a silent nothing: the clerk must know to register the card holder first.
        selected_.reset();
        show_selected();
        set_wrapped(eligibility_,
                    wxString::Format(_("No retiree with the ID number %s is registered. Register "
                                       "them under Retirees first."),
                                     from_utf8(on_card.id_number)),
                    std::max(GetClientSize().x - FromDIP(24), FromDIP(400)));
        eligibility_->SetForegroundColour(theme::error_colour());
        Layout();
        return;
    }
    list_->SetItemState(static_cast<long>(*holder), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                        wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    list_->EnsureVisible(static_cast<long>(*holder));
    select(*holder);
    // After select(), which drops the card of a newly selected retiree.
    card_ = card;
    show_selected();
}

std::optional<PresentedIdentity> CertificationPanel::presented() const {
    if (!card_) return std::nullopt;
    const RetireeDraft on_card = draft_from_card(card_->text);
    return PresentedIdentity{on_card.name, on_card.id_number};
}

wxString CertificationPanel::eligibility_text() const {
    return eligibility_->GetLabel();
}

void CertificationPanel::show_selected() {
    history_.clear();
    history_list_->DeleteAllItems();
    certify_->Enable(selected_.has_value());
    export_->Enable(selected_.has_value());
    review_->Enable(false);
    if (!selected_) {
        Layout();
        return;
    }
    wxString text;
    auto e = services_->service().eligibility(selected_->id, presented(), session_.actor);
    if (!e) {
        text = translate(e.error());
    } else if (e->can_certify()) {
        text = _("Can be certified now.");
        for (const auto& r : e->reasons) text << "\n" << reason_text(r);
    } else {
        for (const auto& r : e->reasons) {
            if (!text.empty()) text << "\n";
            text << reason_text(r);
            if (const wxString n = reason_next_step(r); !n.empty())
                text << "\n    " << wxString::Format(_("What to do: %s"), n);
        }
    }
    set_wrapped(eligibility_, text, std::max(GetClientSize().x - FromDIP(24), FromDIP(400)));
    eligibility_->SetForegroundColour(e && e->can_certify() ? wxColour(0, 110, 40)
                                                            : theme::error_colour());

    auto h = services_->service().history(selected_->id, session_.actor);
    if (h) history_ = *h;
    for (std::size_t i = 0; i < history_.size(); ++i) {
        const auto& c = history_[i];
        const long row = history_list_->InsertItem(static_cast<long>(i), local_time(c.at));
        history_list_->SetItem(row, 1, method_text(c.method));
        history_list_->SetItem(row, 2, from_utf8(c.place));
        history_list_->SetItem(row, 3, from_utf8(c.staff_name));
        history_list_->SetItem(row, 4, outcome_label(c.outcome));
        history_list_->SetItem(row, 5, from_utf8(c.receipt_number));
        if (c.outcome == CertificationOutcome::PendingReview) review_->Enable(true);
    }
    Layout();
}

void CertificationPanel::open_wizard() {
    if (!selected_) return;
    // The wizard has its own 读卡: the panel's watch must not take the cards meanwhile.
    card_reader_->pause_watch(true);
    try {
        CertificationWizard wizard(this, *services_, selected_->id, card_);
        wizard.ShowModal();
    } catch (const std::exception& e) {
        eligibility_->SetLabel(from_utf8(e.what()));
    }
    card_reader_->pause_watch(false);
    show_selected();
}

void CertificationPanel::review_selected() {
    for (const auto& c : history_) {
        if (c.outcome != CertificationOutcome::PendingReview) continue;
        ReviewDialog dlg(this, *services_, c);
        dlg.ShowModal();
        break;
    }
    show_selected();
}

void CertificationPanel::export_history(const std::filesystem::path& file) const {
    // Personal data leaving the workstation: only roles allowed to export, and audited.
    if (!allows(session_.actor, Permission::RetireeExport)) {
        session_.auth->audit().append(make_audit(
            session_.actor, session_.clock.now(), AuditAction::PermissionDenied, "retiree",
            selected_ ? selected_->id.str() : "", "denied", "retiree.export"));
        throw std::runtime_error(to_utf8(
            _("Your role does not allow exporting retirees' data; a supervisor can export it.")));
    }
    std::ofstream out(file, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + file.string());
    out << "\xEF\xBB\xBF";  // a BOM, so spreadsheet programs read the Chinese as UTF-8
    const std::string header[] = {"date",     "method",      "place",          "staff",
                                  "result",   "valid_until", "receipt_number", "similarity",
                                  "liveness", "actions",     "proxy",          "failure_reason"};
    store::write_csv_line(out, header);
    const auto score = [](double v) { return wxString::Format("%.3f", v).ToStdString(); };
    for (const auto& c : history_) {
        std::string actions;
        for (const auto& a : c.actions) actions += (actions.empty() ? "" : " ") + a;
        const std::string fields[] = {
            to_utf8(local_time(c.at)),
            std::string(to_string(c.method)),
            c.place,
            c.staff_name,
            std::string(to_string(c.outcome)),
            to_iso(c.valid_until),
            c.receipt_number,
            score(c.similarity),
            score(c.liveness),
            actions,
            c.proxy ? c.proxy->name.str() + " (" + c.proxy->relationship + ")" : "",
            c.failure_reason};
        store::write_csv_line(out, fields);
    }
    if (!out) throw std::runtime_error("cannot write " + file.string());
    session_.auth->audit().append(
        make_audit(session_.actor, session_.clock.now(), AuditAction::Export, "retiree",
                   selected_ ? selected_->id.str() : "", "ok",
                   std::to_string(history_.size()) + " certifications to " + file.string()));
}

}  // namespace pd::ui
