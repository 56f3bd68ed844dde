#include "ui/certification_wizard.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/wrapsizer.h>

#include <random>

#include "ui/camera_preview.h"
#include "ui/card_draft.h"
#include "ui/card_reader_button.h"
#include "ui/certification_services.h"
#include "ui/certification_text.h"
#include "ui/enrollment_dialog.h"
#include "ui/proxy_panel.h"
#include "ui/receipt.h"
#include "ui/screen_fit.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

wxString reason_text(const EligibilityReason& r) {
    return from_utf8(substitute(to_utf8(wxGetTranslation(from_utf8(r.text))), r.args));
}

wxString reason_next_step(const EligibilityReason& r) {
    if (r.next_step.empty()) return {};
    return from_utf8(
        substitute(to_utf8(wxGetTranslation(from_utf8(r.next_step))), r.next_step_args));
}

namespace {
Retiree load_retiree(CertificationServices& services, const Uuid& id) {
    auto r = services.retirees().by_id(id);
    if (!r) throw std::runtime_error("the retiree's record was not found");
    return *r;
}
}  // namespace

wxString action_label(const std::string& action) {
    if (action == "nod") return _("nod");
    if (action == "shake") return _("shake the head");
    if (action == "blink") return _("blink");
    if (action == "open_mouth") return _("open the mouth");
    return from_utf8(action);
}

wxString failure_label(const std::string& code) {
    if (code == "timeout") return _("action not seen in time");
    if (code == "face_lost") return _("face lost");
    if (code == "poor_quality") return _("picture not clear");
    if (code == "several_faces") return _("several faces");
    if (code == "spoof_suspected") return _("not a live person");
    if (code == "face_changed") return _("face changed");
    if (code == "below_threshold") return _("face does not match the enrolment");
    if (code == "matches_forbidden") return _("face of the relative or a staff member");
    if (code == "face_matches_proxy") return _("face of the relative, not the retiree");
    if (code == "face_matches_staff") return _("face of a staff member, not the retiree");
    return from_utf8(code);
}

wxString failure_advice(const std::string& code) {
    if (code == "timeout")
        return _(
            "The action was not seen in time. Ask the retiree to follow the prompt slowly "
            "and clearly, facing the camera.");
    if (code == "face_lost" || code == "poor_quality")
        return _(
            "The face was not seen well. Turn on more light in front of the retiree, move "
            "to about 50 cm from the camera, and take off glasses and hat.");
    if (code == "several_faces")
        return _(
            "Several faces were in the picture. Only the retiree may be in front of the "
            "camera; the relative steps aside.");
    if (code == "spoof_suspected")
        return _(
            "The picture did not look like a live person. Do not show a photo or a screen; "
            "the retiree sits in front of the camera in person.");
    if (code == "face_changed")
        return _(
            "The face changed during the check. Only the retiree may be in front of the "
            "camera.");
    if (code == "below_threshold")
        return _(
            "The face did not match the enrolled photo well enough. Check the light and "
            "the distance, take off glasses, and try again; if it keeps failing, the "
            "retiree may need to enrol again.");
    if (code == "matches_forbidden")
        return _(
            "The face matched the relative or a staff member, not the retiree. Only the "
            "retiree's own face can be certified.");
    if (code == "face_matches_staff")
        return _(
            "The face is a staff member's, not the retiree's. Staff may not stand in for a "
            "retiree; this attempt is recorded. Only the retiree's own face can be certified.");
    if (code == "face_matches_proxy")
        return _(
            "The face is the assisting relative's, not the retiree's. The relative steps aside; "
            "only the retiree's own face can be certified.");
    if (code == "engine_unavailable" || code == "source_unavailable" || code == "engine_error")
        return _(
            "The camera or the face engine is not working. Check the camera cable and "
            "choose another camera; call support if it persists.");
    return _("Try again, facing the camera in good light.");
}

CertificationWizard::CertificationWizard(wxWindow* parent, CertificationServices& services,
                                         const Uuid& retiree, std::optional<devices::Card> card)
    : wxDialog(parent, wxID_ANY, _("Certification"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(services),
      retiree_id_(retiree),
      retiree_(load_retiree(services, retiree)),
      card_(std::move(card)) {
    sources_ = services_.sources();

    SetFont(theme::base_font());
    SetBackgroundColour(theme::background());
    auto* title = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("Certification of %s (%s)"), from_utf8(retiree_.name.str()),
                         from_utf8(retiree_.id_number.str())));
    title->SetFont(theme::heading_font());
    title->SetForegroundColour(theme::accent_colour());

    book_ = new wxSimplebook(this, wxID_ANY);
    book_->AddPage(build_check_page(book_), _("Check"));
    book_->AddPage(build_live_page(book_), _("Live"));
    book_->AddPage(build_result_page(book_), _("Result"));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(title, 0, wxALL, FromDIP(12));
    top->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetSizer(top);
    fit_to_screen(this, FromDIP(wxSize(1000, 820)));
    refresh_eligibility();

    Bind(EVT_CAPTURE_FRAME, [this](wxThreadEvent&) {
        if (worker_)
            if (auto f = worker_->take_frame()) preview_->show_frame(std::move(*f));
    });
    Bind(EVT_CAPTURE_PROGRESS, [this](wxThreadEvent& e) {
        const auto p = e.GetPayload<ChallengeProgress>();
        preview_->show_progress(p);
        live_status_->SetLabel(
            p.steps > 0
                ? wxString::Format(_("Action %zu of %zu"), std::min(p.done + 1, p.steps), p.steps)
                : wxString());
    });
    Bind(EVT_CAPTURE_DONE, [this](wxThreadEvent& e) {
        const auto outcome = e.GetPayload<std::shared_ptr<CaptureOutcome>>();
        worker_.reset();
        on_done(*outcome);
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        worker_.reset();  // stops and joins; nothing was recorded
        e.Skip();
    });
}

CertificationWizard::~CertificationWizard() {
    worker_.reset();
}

wxWindow* CertificationWizard::build_check_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    // The reasons, the proxy and the camera scroll on a small screen; the buttons never do.
    auto* body = new wxScrolledWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    body->SetScrollRate(0, FromDIP(12));
    check_body_ = body;
    reasons_parent_ = body;
    reasons_ = new wxBoxSizer(wxVERTICAL);
    proxy_ = new ProxyPanel(body, retiree_, *services_.session().script,
                            services_.session().clock.today());
    if (auto known = services_.service().known_proxies(retiree_id_, services_.session().actor))
        proxy_->set_known(std::move(*known));
    source_ = new wxChoice(body, wxID_ANY);
    for (const auto& s : sources_) source_->Append(source_label(s));
    if (!sources_.empty()) source_->SetSelection(0);
    start_ = new wxButton(page, wxID_ANY, _("Start certification"));
    start_->SetFont(theme::heading_font());
    start_note_ = new wxStaticText(page, wxID_ANY, wxString());
    start_note_->SetForegroundColour(theme::error_colour());
    auto* enrol = new wxButton(page, wxID_ANY, _("Enrol the face..."));
    enrol_self_ = new wxButton(page, wxID_ANY, _("Enrol my own face..."));
    card_reader_ = new CardReaderButton(body, [this](const devices::Card& c) { use_card(c); });
    card_label_ = new wxStaticText(body, wxID_ANY, wxString());
    auto* card_row = new wxBoxSizer(wxHORIZONTAL);
    card_row->Add(card_reader_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    card_row->Add(card_label_, 1, wxALIGN_CENTER_VERTICAL);

    auto* camera_row = new wxBoxSizer(wxHORIZONTAL);
    camera_row->Add(new wxStaticText(body, wxID_ANY, _("Camera")), 0,
                    wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    camera_row->Add(source_, 1, wxALIGN_CENTER_VERTICAL);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(start_, 0, wxRIGHT, FromDIP(12));
    buttons->Add(enrol, 0, wxRIGHT, FromDIP(12));
    buttons->Add(enrol_self_, 0, wxRIGHT, FromDIP(12));
    buttons->Add(start_note_, 1, wxALIGN_CENTER_VERTICAL);

    auto* inner = new wxBoxSizer(wxVERTICAL);
    inner->Add(card_row, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    inner->Add(reasons_, 0, wxEXPAND | wxBOTTOM, FromDIP(12));
    inner->Add(proxy_, 0, wxEXPAND | wxBOTTOM, FromDIP(12));
    inner->Add(camera_row, 0, wxEXPAND | wxBOTTOM, FromDIP(12));
    body->SetSizer(inner);

    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(body, 1, wxEXPAND | wxBOTTOM, FromDIP(8));
    s->Add(buttons, 0, wxEXPAND);
    page->SetSizer(s);

    start_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start(); });
    enrol->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { enrol_retiree(); });
    enrol_self_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { enrol_own_face(); });
    return page;
}

void CertificationWizard::enrol_retiree() {
    // The enrolment dialog reads cards itself: the wizard's watch pauses meanwhile.
    card_reader_->pause_watch(true);
    try {
        EnrollmentDialog dlg(this, services_,
                             EnrolmentSubject{EnrolmentSubject::Kind::Retiree, retiree_id_,
                                              retiree_.name.str(), retiree_.id_number.str()},
                             sources_, card_);
        dlg.ShowModal();
    } catch (const std::exception& e) {
        show_error(from_utf8(e.what()));
    }
    card_reader_->pause_watch(false);
    refresh_eligibility();
}

void CertificationWizard::enrol_own_face() {
    const auto staff = Uuid::parse(services_.session().actor.staff_id);
    if (!staff) {
        show_error(_("Only a signed-in staff account can enrol its own face."));
        return;
    }
    try {
        EnrollmentDialog dlg(
            this, services_,
            EnrolmentSubject{
                EnrolmentSubject::Kind::Staff, *staff, services_.session().actor.staff_name, {}},
            sources_);
        dlg.ShowModal();
    } catch (const std::exception& e) {
        show_error(from_utf8(e.what()));
    }
    refresh_eligibility();
}

void CertificationWizard::use_card(const devices::Card& card) {
    card_ = card;
    refresh_eligibility();
}

wxString CertificationWizard::start_note() const {
    return start_note_->GetLabel();
}

std::vector<wxString> CertificationWizard::reason_lines() const {
    std::vector<wxString> out;
    for (const auto* item : reasons_->GetChildren())
        if (auto* t = dynamic_cast<wxStaticText*>(item->GetWindow())) out.push_back(t->GetLabel());
    return out;
}

wxWindow* CertificationWizard::build_live_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    preview_ = new CameraPreview(page);
    live_status_ = new wxStaticText(page, wxID_ANY, wxString());
    live_status_->SetFont(theme::heading_font());
    auto* cancel = new wxButton(page, wxID_ANY, _("Stop"));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(live_status_, 1, wxALIGN_CENTER_VERTICAL);
    row->Add(cancel, 0);
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(preview_, 1, wxEXPAND | wxBOTTOM, FromDIP(8));
    s->Add(row, 0, wxEXPAND);
    page->SetSizer(s);
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel_capture(); });
    preview_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        if (worker_) worker_->set_preview_size(e.GetSize().x, e.GetSize().y);
        e.Skip();
    });
    return page;
}

wxWindow* CertificationWizard::build_result_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    headline_ = new wxStaticText(page, wxID_ANY, wxString());
    wxFont big = theme::heading_font();
    big.SetPointSize(theme::base_point_size * 3);
    big.MakeBold();
    headline_->SetFont(big);
    details_ = new wxStaticText(page, wxID_ANY, wxString());
    details_->SetFont(theme::heading_font());  // read across the counter: large
    retry_ = new wxButton(page, wxID_ANY, _("Try again"));
    print_ = new wxButton(page, wxID_ANY, _("Print receipt..."));
    pdf_ = new wxButton(page, wxID_ANY, _("Save receipt as PDF..."));
    review_ = new wxButton(page, wxID_ANY, _("Request manual review"));
    home_visit_ = new wxButton(page, wxID_ANY, _("Request a home visit"));
    auto* close = new wxButton(page, wxID_ANY, _("Close"));
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    for (auto* b : {retry_, print_, pdf_, review_, home_visit_, close})
        buttons->Add(b, 0, wxRIGHT | wxBOTTOM, FromDIP(8));
    receipt_ = new ReceiptPreview(page);
    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(headline_, 0, wxBOTTOM, FromDIP(16));
    text->Add(details_, 1, wxEXPAND);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(text, 1, wxEXPAND | wxRIGHT, FromDIP(12));
    row->Add(receipt_, 0, wxEXPAND);
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(row, 1, wxEXPAND | wxBOTTOM, FromDIP(12));
    s->Add(buttons, 0, wxEXPAND);
    page->SetSizer(s);

    retry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        refresh_eligibility();
        show_step(Step::Check);
    });
    print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (attempt_) print_receipt(this, make_receipt(retiree_, attempt_->record));
    });
    pdf_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!attempt_) return;
        wxFileDialog dlg(this, _("Save receipt as PDF"), wxString(),
                         from_utf8(attempt_->record.receipt_number + ".pdf"), "PDF (*.pdf)|*.pdf",
                         wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() == wxID_OK) save_pdf(std::filesystem::path(to_utf8(dlg.GetPath())));
    });
    review_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { request_review(); });
    home_visit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { request_home_visit(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    return page;
}

void CertificationWizard::refresh_eligibility() {
    reasons_->Clear(true);
    std::optional<PresentedIdentity> presented;
    if (card_) {
        const RetireeDraft on_card = draft_from_card(card_->text);
        presented = PresentedIdentity{on_card.name, on_card.id_number};
        card_label_->SetLabel(wxString::Format(_("ID card read: %s, %s"), from_utf8(on_card.name),
                                               from_utf8(on_card.id_number)));
    } else {
        card_label_->SetLabel(_("No ID card read: lay the retiree's card on the reader."));
    }
    staff_blocker_ = services_.staff_readiness();
    // Offered to a real account whose face is not on file yet; re-enrolment is in Staff accounts.
    const auto self = Uuid::parse(services_.session().actor.staff_id);
    enrol_self_->Show(self && !services_.staff_faces().face(*self));
    auto e = services_.service().eligibility(retiree_id_, presented, services_.session().actor);
    if (!e) {
        eligibility_.reset();
        auto* t = new wxStaticText(reasons_parent_, wxID_ANY, translate(e.error()));
        t->SetForegroundColour(theme::error_colour());
        reasons_->Add(t, 0, wxBOTTOM, FromDIP(8));
    } else {
        eligibility_ = *e;
        const int wrap = FromDIP(900);
        if (e->can_certify()) {
            auto* ok = new wxStaticText(reasons_parent_, wxID_ANY,
                                        _("This retiree can be certified now."));
            ok->SetFont(theme::heading_font());
            ok->SetForegroundColour(wxColour(0, 110, 40));
            reasons_->Add(ok, 0, wxBOTTOM, FromDIP(8));
        }
        for (const auto& r : e->reasons) {
            auto* t = new wxStaticText(reasons_parent_, wxID_ANY, wxString());
            t->SetFont(theme::heading_font());
            set_wrapped(t, reason_text(r), wrap);
            t->SetForegroundColour(r.blocking ? theme::error_colour() : theme::accent_colour());
            reasons_->Add(t, 0, wxTOP, FromDIP(6));
            if (const wxString next = reason_next_step(r); !next.empty()) {
                auto* n = new wxStaticText(reasons_parent_, wxID_ANY, wxString());
                set_wrapped(n, wxString::Format(_("What to do: %s"), next), wrap);
                reasons_->Add(n, 0, wxLEFT, FromDIP(24));
            }
        }
    }
    // The clerk's own readiness is not the retiree's eligibility, but blocks just the same.
    if (staff_blocker_) {
        auto* t = new wxStaticText(reasons_parent_, wxID_ANY, wxString());
        t->SetFont(theme::heading_font());
        set_wrapped(t, translate(*staff_blocker_), FromDIP(900));
        t->SetForegroundColour(theme::error_colour());
        reasons_->Add(t, 0, wxTOP, FromDIP(6));
    }
    const bool can = eligibility_ && eligibility_->can_certify() && !staff_blocker_;
    start_->Enable(can);
    start_note_->SetLabel(can ? wxString()
                              : wxString(_("Certification cannot start: see the reasons above.")));
    check_body_->Layout();
    check_body_->FitInside();
    check_body_->GetParent()->Layout();
}

void CertificationWizard::show_step(Step s) {
    step_ = s;
    book_->ChangeSelection(static_cast<std::size_t>(s));
    Layout();
}

bool CertificationWizard::start() {
    refresh_eligibility();
    if (!eligibility_ || !eligibility_->can_certify() || staff_blocker_) return false;
    if (!proxy_->valid()) {
        start_note_->SetLabel(_("Check the relative's details: a field is marked in red."));
        return false;
    }
    const int sel = source_->GetSelection();
    if (sel == wxNOT_FOUND || sources_.empty()) {
        start_note_->SetLabel(
            _("No camera was found. Connect a webcam and open the wizard again."));
        return false;
    }
    try {
        const CaptureSource& source = sources_[static_cast<std::size_t>(sel)];
        services_.remember_source(source);
        proxy_at_start_ = proxy_->proxy();
        CaptureJob job;
        job.source = source;
        job.challenge = services_.challenge;
        job.sequence = source.fixed_actions;
        job.seed = std::random_device{}();
        auto enrolled = services_.enrolled_template(retiree_id_);
        if (!enrolled) {
            start_note_->SetLabel(_("The retiree is not enrolled yet."));
            return false;
        }
        job.enrolled = {std::move(*enrolled)};
        auto forbidden = services_.forbidden_templates(proxy_at_start_);
        job.forbidden = std::move(forbidden.templates);
        forbidden_kinds_ = std::move(forbidden.kinds);
        job.verify = services_.verify;
        preview_->clear();
        show_step(Step::Live);
        worker_ = std::make_unique<CertificationWorker>(std::move(job), this);
        const wxSize ps = preview_->GetClientSize();
        worker_->set_preview_size(ps.x, ps.y);
        return true;
    } catch (const std::exception& e) {
        show_error(from_utf8(e.what()));
        return false;
    }
}

void CertificationWizard::cancel_capture() {
    worker_.reset();  // joins; the attempt is not recorded
    refresh_eligibility();
    show_step(Step::Check);
}

void CertificationWizard::on_done(const CaptureOutcome& outcome) {
    attempt_.reset();
    // A broken camera or engine is not the retiree's failed attempt: nothing is recorded.
    if (outcome.failure_code == "engine_unavailable" ||
        outcome.failure_code == "source_unavailable" || outcome.failure_code == "engine_error") {
        show_result(outcome);
        return;
    }
    try {
        FaceAttempt a;
        a.passed = outcome.verified;
        a.similarity = outcome.match.retiree_score;
        a.liveness = outcome.result.mean_liveness;
        a.actions = outcome.actions;
        a.failure_reason = outcome.verified ? std::string() : outcome.failure_code;
        if (outcome.match.reason == vision::MatchReason::matches_forbidden &&
            outcome.match.forbidden_index >= 0 &&
            static_cast<std::size_t>(outcome.match.forbidden_index) < forbidden_kinds_.size())
            a.matched_other =
                forbidden_kinds_[static_cast<std::size_t>(outcome.match.forbidden_index)];
        a.model_version = outcome.model_version;
        if (!outcome.best_jpeg.empty())
            a.evidence_blobs.push_back(services_.seal_image(retiree_id_, "evidence-frame",
                                                            outcome.best_jpeg, evidence_retention));
        for (const auto& j : outcome.evidence_jpegs)
            if (!j.empty())
                a.evidence_blobs.push_back(
                    services_.seal_image(retiree_id_, "evidence-frame", j, evidence_retention));
        auto r = services_.service().record_attempt(retiree_id_, a, proxy_at_start_,
                                                    services_.session().actor);
        if (!r) {
            show_error(translate(r.error()));
            show_step(Step::Check);
            return;
        }
        attempt_ = *r;
    } catch (const std::exception& e) {
        show_error(from_utf8(e.what()));
    }
    show_result(outcome);
}

void CertificationWizard::show_result(const CaptureOutcome& outcome) {
    const bool passed = attempt_ && attempt_->record.outcome == CertificationOutcome::Passed;
    // A technical failure is not the retiree's: say so, no attempt was counted.
    headline_->SetLabel(passed     ? _("Certification passed")
                        : attempt_ ? _("Not certified")
                                   : _("The face check could not run"));
    headline_->SetForegroundColour(passed ? wxColour(0, 110, 40) : theme::error_colour());
    wxString d;
    if (passed) {
        const auto& c = attempt_->record;
        d << wxString::Format(_("Valid until: %s"), from_utf8(to_iso(c.valid_until))) << "\n"
          << wxString::Format(_("Receipt number: %s"), from_utf8(c.receipt_number)) << "\n"
          << wxString::Format(_("Face match %.2f, liveness %.2f, actions: %s"), c.similarity,
                              c.liveness, from_utf8([&] {
                                  std::string s;
                                  for (const auto& x : c.actions)
                                      s += (s.empty() ? "" : "、") + to_utf8(action_label(x));
                                  return s;
                              }()));
    } else {
        // The service's reason names who the face was (staff, proxy) where the engine can't.
        const std::string& recorded = attempt_ ? attempt_->record.failure_reason : std::string();
        d << failure_advice(recorded.rfind("face_matches_", 0) == 0 ? recorded
                                                                    : outcome.failure_code);
        if (!outcome.error.empty())
            d << "\n\n" << wxString::Format(_("Technical detail: %s"), from_utf8(outcome.error));
        if (attempt_)
            d << "\n\n"
              << wxString::Format(_("Failed attempts in a row: %d"),
                                  attempt_->consecutive_failures);
    }
    set_wrapped(details_, d, FromDIP(passed ? 640 : 900));
    const auto has = [&](NextStep s) {
        return attempt_ && std::find(attempt_->next_steps.begin(), attempt_->next_steps.end(), s) !=
                               attempt_->next_steps.end();
    };
    receipt_->Show(passed);
    if (passed) receipt_->show(make_receipt(retiree_, attempt_->record));
    retry_->Show(!passed);
    print_->Show(passed);
    pdf_->Show(passed);
    review_->Show(has(NextStep::ManualReview));
    home_visit_->Show(has(NextStep::HomeVisit));
    show_step(Step::Result);
    book_->GetPage(2)->Layout();
}

void CertificationWizard::request_review() {
    auto r = services_.service().request_review(retiree_id_, services_.session().actor);
    if (!r) return show_error(translate(r.error()));
    show_note(
        _("Manual review requested: a supervisor will look at the evidence frames and "
          "scores and decide."));
    review_->Disable();
}

void CertificationWizard::request_home_visit() {
    auto r = services_.service().request_home_visit(
        retiree_id_, to_utf8(_("Face certification failed at the counter")),
        services_.session().actor);
    if (!r) return show_error(translate(r.error()));
    show_note(_("Home visit requested: a draft case is in the home-visit queue."));
    home_visit_->Disable();
}

void CertificationWizard::save_pdf(const std::filesystem::path& file) {
    if (!attempt_) return;
    try {
        save_receipt_pdf(make_receipt(retiree_, attempt_->record), file);
    } catch (const std::exception& e) {
        show_error(from_utf8(e.what()));
    }
}

wxString CertificationWizard::result_headline() const {
    return headline_->GetLabel();
}

wxString CertificationWizard::result_details() const {
    return details_->GetLabel();
}

void CertificationWizard::show_error(const wxString& what) {
    // On the page, not in a modal box: the clerk reads it where they look, and tests never block.
    wxStaticText* where = step_ == Step::Result ? details_ : start_note_;
    where->SetLabel(what);
    where->SetForegroundColour(theme::error_colour());
    where->GetParent()->Layout();
}

void CertificationWizard::show_note(const wxString& what) {
    set_wrapped(details_, details_->GetLabel() + "\n\n" + what, FromDIP(900));
    details_->GetParent()->Layout();
}

}  // namespace pd::ui
