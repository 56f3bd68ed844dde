#include "ui/enrollment_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/image.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <random>

#include "ui/camera_preview.h"
#include "ui/certification_services.h"
#include "ui/certification_text.h"
#include "ui/jpeg_image.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

wxString EnrollmentDialog::consent_text() {
    return _(
        "I agree that the pension agency takes and keeps a photo and a face template of me, "
        "encrypted, only to certify each year that I am entitled to my pension. I can ask "
        "for them to be deleted when I no longer certify by face.");
}

EnrollmentDialog::EnrollmentDialog(wxWindow* parent, CertificationServices& services,
                                   const Uuid& retiree, std::vector<CaptureSource> sources)
    : wxDialog(parent, wxID_ANY, _("Enrol the face"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(services),
      retiree_(retiree),
      sources_(std::move(sources)) {
    SetFont(theme::base_font());
    auto* consent_label = new wxStaticText(this, wxID_ANY, wxString());
    consent_label->SetFont(theme::base_font());
    set_wrapped(consent_label, consent_text(), FromDIP(860));
    consent_ =
        new wxCheckBox(this, wxID_ANY, _("The retiree read this (or had it read out) and agrees"));
    source_ = new wxChoice(this, wxID_ANY);
    for (const auto& s : sources_) source_->Append(source_label(s));
    if (!sources_.empty()) source_->SetSelection(0);
    capture_ = new wxButton(this, wxID_ANY, _("Capture"));
    preview_ = new CameraPreview(this);
    preview_->SetMinSize(FromDIP(wxSize(560, 420)));
    photo_ = new wxStaticBitmap(this, wxID_ANY, wxBitmap(FromDIP(240), FromDIP(240)));
    status_ = new wxStaticText(this, wxID_ANY, _("Consent comes first, then the capture."));
    matches_ = new wxCheckBox(this, wxID_ANY,
                              _("I checked: the person in front of me matches the ID card"));
    confirm_ = new wxButton(this, wxID_OK, _("Confirm enrolment"));
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(source_, 1, wxRIGHT, FromDIP(8));
    row->Add(capture_, 0);
    auto* pics = new wxBoxSizer(wxHORIZONTAL);
    pics->Add(preview_, 1, wxEXPAND | wxRIGHT, FromDIP(8));
    pics->Add(photo_, 0);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(confirm_, 0, wxRIGHT, FromDIP(8));
    buttons->Add(cancel, 0);
    auto* s = new wxBoxSizer(wxVERTICAL);
    for (auto [w, flag] : {std::pair<wxWindow*, int>{consent_label, 0}, {consent_, 0}}) {
        s->Add(w, flag, wxALL, FromDIP(8));
    }
    s->Add(row, 0, wxEXPAND | wxALL, FromDIP(8));
    s->Add(pics, 1, wxEXPAND | wxALL, FromDIP(8));
    s->Add(status_, 0, wxALL, FromDIP(8));
    s->Add(matches_, 0, wxALL, FromDIP(8));
    s->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(s);
    // Fits a 1024x768 screen: the consent wraps, the preview takes what is left.
    SetSize(FromDIP(wxSize(900, 760)));

    consent_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { update_buttons(); });
    matches_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { update_buttons(); });
    capture_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { start_capture(); });
    confirm_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (confirm()) EndModal(wxID_OK);
    });
    Bind(EVT_CAPTURE_FRAME, [this](wxThreadEvent&) {
        if (worker_)
            if (auto f = worker_->take_frame()) preview_->show_frame(std::move(*f));
    });
    Bind(EVT_CAPTURE_PROGRESS,
         [this](wxThreadEvent& e) { preview_->show_progress(e.GetPayload<ChallengeProgress>()); });
    Bind(EVT_CAPTURE_DONE, [this](wxThreadEvent& e) {
        worker_.reset();
        on_done(e.GetPayload<std::shared_ptr<CaptureOutcome>>());
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        worker_.reset();
        e.Skip();
    });
    update_buttons();
}

EnrollmentDialog::~EnrollmentDialog() {
    worker_.reset();
}

void EnrollmentDialog::give_consent(bool yes) {
    consent_->SetValue(yes);
    update_buttons();
}

void EnrollmentDialog::confirm_identity(bool yes) {
    matches_->SetValue(yes);
    update_buttons();
}

void EnrollmentDialog::update_buttons() {
    capture_->Enable(consent_->GetValue() && !worker_ && !sources_.empty());
    matches_->Enable(captured());
    confirm_->Enable(captured() && matches_->GetValue());
}

bool EnrollmentDialog::start_capture() {
    if (!consent_->GetValue() || worker_ || sources_.empty()) return false;
    const int sel = source_->GetSelection();
    const CaptureSource& source = sources_[static_cast<std::size_t>(std::max(sel, 0))];
    CaptureJob job;
    job.source = source;
    job.challenge = services_.challenge;
    job.challenge.action_count = 1;  // quality + one liveness action
    if (!source.fixed_actions.empty()) job.sequence = {source.fixed_actions.front()};
    job.seed = std::random_device{}();
    outcome_.reset();
    status_->SetLabel(_("Follow the prompt on the picture."));
    worker_ = std::make_unique<CertificationWorker>(std::move(job), this);
    const wxSize ps = preview_->GetClientSize();
    worker_->set_preview_size(ps.x, ps.y);
    update_buttons();
    return true;
}

void EnrollmentDialog::on_done(std::shared_ptr<CaptureOutcome> outcome) {
    outcome_ = std::move(outcome);
    if (captured() && !outcome_->best_template.empty()) {
        photo_->SetBitmap(jpeg_bitmap(outcome_->best_jpeg, FromDIP(240)));
        status_->SetLabel(_("Captured. Compare the picture with the ID card, then confirm."));
    } else {
        status_->SetLabel(wxString::Format(_("Capture failed (%s). Check light and distance, "
                                             "then capture again."),
                                           from_utf8(outcome_->failure_code)));
        outcome_.reset();
    }
    update_buttons();
    Layout();
}

bool EnrollmentDialog::confirm() {
    if (!captured() || !matches_->GetValue()) return false;
    try {
        Session& session = services_.session();
        const std::string t = services_.seal_template(retiree_, outcome_->best_template);
        const std::string p = services_.seal_image(retiree_, "reference-photo", outcome_->best_jpeg,
                                                   reference_photo_retention);
        const ConsentRecord consent{consent_version, to_utf8(consent_text()), "retiree",
                                    session.actor.staff_id, session.clock.now()};
        auto e = services_.service().begin_enrollment(retiree_, consent, t, p,
                                                      outcome_->model_version, session.actor);
        if (!e) {
            status_->SetLabel(translate(e.error()));
            return false;
        }
        auto c = services_.service().confirm_enrollment(e->id, session.actor);
        if (!c) {
            status_->SetLabel(translate(c.error()));
            return false;
        }
        return true;
    } catch (const std::exception& ex) {
        status_->SetLabel(from_utf8(ex.what()));
        return false;
    }
}

}  // namespace pd::ui
