#include "ui/enrollment_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <random>

#include "ui/camera_preview.h"
#include "ui/card_draft.h"
#include "ui/card_reader_button.h"
#include "ui/certification_services.h"
#include "ui/certification_text.h"
#include "ui/chip_photo.h"
#include "ui/jpeg_image.h"
#include "ui/screen_fit.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {
// The chip photo is 102 x 126: shown at 1.5x so the clerk can compare it with the live face.
constexpr int kChipScale2 = 3;  // numerator over 2
constexpr int kPhotoBox = 160;

// What the capture box shows before there is a capture: a light frame that says so, not a
// black square that looks like a broken camera.
wxBitmap placeholder(const wxWindow* w, int size, const wxString& text) {
    wxBitmap bmp(size, size);
    wxMemoryDC dc(bmp);
    dc.SetBackground(wxBrush(wxColour(232, 232, 232)));
    dc.Clear();
    dc.SetPen(wxPen(wxColour(190, 190, 190)));
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    dc.DrawRectangle(0, 0, size, size);
    dc.SetFont(w->GetFont());
    dc.SetTextForeground(theme::muted_colour());
    const wxSize ext = dc.GetTextExtent(text);
    dc.DrawText(text, (size - ext.x) / 2, (size - ext.y) / 2);
    dc.SelectObject(wxNullBitmap);
    return bmp;
}
}  // namespace

wxString EnrollmentDialog::consent_text() {
    return _(
        "I agree that the pension agency takes and keeps a photo and a face template of me, "
        "encrypted, only to certify each year that I am entitled to my pension. I can ask "
        "for them to be deleted when I no longer certify by face.");
}

wxString EnrollmentDialog::staff_consent_text() {
    return _(
        "I agree that this workstation keeps a photo and a face template of me, encrypted, only "
        "so that my face is refused if it is ever presented in place of a retiree's. They are "
        "deleted when I withdraw them or leave.");
}

EnrollmentDialog::EnrollmentDialog(wxWindow* parent, CertificationServices& services,
                                   EnrolmentSubject subject, std::vector<CaptureSource> sources,
                                   std::optional<devices::Card> card)
    : wxDialog(parent, wxID_ANY,
               wxString::Format(subject.kind == EnrolmentSubject::Kind::Retiree
                                    ? _("Enrol the face of %s")
                                    : _("Enrol the staff member's own face: %s"),
                                from_utf8(subject.name)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(services),
      subject_(std::move(subject)),
      sources_(std::move(sources)) {
    SetFont(theme::base_font());
    auto* consent_label = new wxStaticText(this, wxID_ANY, wxString());
    set_wrapped(consent_label, retiree() ? consent_text() : staff_consent_text(), FromDIP(900));
    consent_ = new wxCheckBox(this, wxID_ANY,
                              retiree() ? _("The retiree read this (or had it read out) and agrees")
                                        : _("The staff member read this and agrees"));
    source_ = new wxChoice(this, wxID_ANY);
    for (const auto& s : sources_) source_->Append(source_label(s));
    if (!sources_.empty()) source_->SetSelection(0);
    capture_ = new wxButton(this, wxID_ANY, _("Capture"));
    preview_ = new CameraPreview(this);
    preview_->SetMinSize(FromDIP(wxSize(480, 360)));
    photo_ = new wxStaticBitmap(this, wxID_ANY,
                                placeholder(this, FromDIP(kPhotoBox), _("Not captured yet")));

    // The live capture and, for a retiree, the card's chip photo, side by side.
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(new wxStaticText(this, wxID_ANY, _("Captured")), 0, wxBOTTOM, FromDIP(4));
    column->Add(photo_, 0, wxBOTTOM, FromDIP(8));
    if (retiree()) {
        const wxSize chip_size(devices::Photo::kWidth * kChipScale2 / 2,
                               devices::Photo::kHeight * kChipScale2 / 2);
        column->Add(new wxStaticText(this, wxID_ANY, _("Chip photo of the ID card")), 0, wxBOTTOM,
                    FromDIP(4));
        chip_ = new wxStaticBitmap(this, wxID_ANY, wxBitmap(FromDIP(chip_size)));
        chip_->Hide();
        chip_note_ = new wxStaticText(this, wxID_ANY, wxString());
        chip_note_->SetForegroundColour(theme::muted_colour());
        set_wrapped(chip_note_, _("Read the ID card to compare its chip photo."),
                    FromDIP(kPhotoBox + 40));
        column->Add(chip_, 0, wxBOTTOM, FromDIP(4));
        column->Add(chip_note_, 0);
    }
    auto* pics = new wxBoxSizer(wxHORIZONTAL);
    pics->Add(preview_, 1, wxEXPAND | wxRIGHT, FromDIP(8));
    pics->Add(column, 0);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(source_, 1, wxRIGHT, FromDIP(8));
    row->Add(capture_, 0);

    status_ = new wxStaticText(this, wxID_ANY, _("Consent comes first, then the capture."));
    matches_ =
        new wxCheckBox(this, wxID_ANY,
                       retiree() ? _("I checked: the person in front of me matches the ID card")
                                 : _("I checked: this is the staff member named above, in person"));
    confirm_ = new wxButton(this, wxID_OK, _("Confirm enrolment"));
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(confirm_, 0, wxRIGHT, FromDIP(8));
    buttons->Add(cancel, 0);

    const int gap = FromDIP(8);
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(consent_label, 0, wxALL, gap);
    s->Add(consent_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    s->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    s->Add(pics, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    if (retiree()) {
        card_reader_ = new CardReaderButton(this, [this](const devices::Card& c) { use_card(c); });
        card_identity_ = new wxStaticText(this, wxID_ANY, _("ID card: not read (typed in)"));
        auto* card_row = new wxBoxSizer(wxHORIZONTAL);
        card_row->Add(card_reader_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
        card_row->Add(card_identity_, 1, wxALIGN_CENTER_VERTICAL);
        s->Add(card_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    }
    s->Add(status_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    s->Add(matches_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    s->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(s);
    // Fits a 1024x768 screen: the consent wraps, the preview takes what is left.
    fit_to_screen(this, FromDIP(wxSize(960, 760)));

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
    if (card && retiree()) use_card(*card);
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

wxString EnrollmentDialog::chip_note() const {
    return chip_note_ != nullptr ? chip_note_->GetLabel() : wxString();
}

wxString EnrollmentDialog::status() const {
    return status_->GetLabel();
}

void EnrollmentDialog::show_status(const wxString& text, bool error) {
    set_wrapped(status_, text, FromDIP(900));
    status_->SetForegroundColour(error ? theme::error_colour() : GetForegroundColour());
    Layout();
}

void EnrollmentDialog::update_buttons() {
    capture_->Enable(consent_->GetValue() && !worker_ && !sources_.empty() && !card_mismatch_);
    matches_->Enable(captured() && !card_mismatch_);
    confirm_->Enable(captured() && matches_->GetValue() && !card_mismatch_);
}

void EnrollmentDialog::use_card(const devices::Card& card) {
    if (!retiree()) return;
    const RetireeDraft on_card = draft_from_card(card.text);
    // Somebody else's card must not vouch for this face: nothing is stored, confirm is off.
    card_mismatch_ = on_card.id_number != subject_.id_number;
    card_identity_->SetLabel(wxString::Format(_("ID card: %s, %s"), from_utf8(on_card.name),
                                              from_utf8(on_card.id_number)));
    card_identity_->SetForegroundColour(card_mismatch_ ? theme::error_colour()
                                                       : GetForegroundColour());
    if (card_mismatch_) {
        chip_->Hide();
        chip_shown_ = false;
        chip_note_->Show();
        chip_note_->SetLabel(wxString());
        show_status(wxString::Format(_("This ID card is not the retiree's: it carries %s, the "
                                       "record %s. Enrol only with the retiree's own card."),
                                     from_utf8(on_card.id_number), from_utf8(subject_.id_number)),
                    true);
        if (matches_->GetValue()) matches_->SetValue(false);
    } else {
        const ChipPhoto photo = chip_photo(card);
        chip_shown_ = photo.image.IsOk();
        if (chip_shown_) {
            chip_->SetBitmap(wxBitmap(photo.image.Scale(
                FromDIP(devices::Photo::kWidth * kChipScale2 / 2),
                FromDIP(devices::Photo::kHeight * kChipScale2 / 2), wxIMAGE_QUALITY_HIGH)));
            chip_->Show();
            chip_note_->Hide();
        } else {
            chip_->Hide();
            chip_note_->Show();
            set_wrapped(chip_note_, photo.unavailable, FromDIP(kPhotoBox + 40));
        }
        // Same number, different name (often a traditional character): the face may still be
        // enrolled, but the record needs correcting before certification can pass.
        if (on_card.name != subject_.name) {
            show_status(wxString::Format(_("The card's ID number is the retiree's, but its name "
                                           "%s differs from the record's %s: enrolment may go "
                                           "on; the record needs a data-correction request."),
                                         from_utf8(on_card.name), from_utf8(subject_.name)),
                        false);
            status_->SetForegroundColour(theme::accent_colour());
        } else {
            show_status(captured()
                            ? _("Captured. Compare the picture with the ID card, then confirm.")
                            : _("The card is the retiree's. Consent, then capture."),
                        false);
        }
    }
    update_buttons();
    Layout();
}

bool EnrollmentDialog::start_capture() {
    if (!consent_->GetValue() || worker_ || sources_.empty() || card_mismatch_) return false;
    const int sel = source_->GetSelection();
    const CaptureSource& source = sources_[static_cast<std::size_t>(std::max(sel, 0))];
    CaptureJob job;
    job.source = source;
    job.challenge = services_.challenge;
    job.challenge.action_count = 1;  // quality + one liveness action
    if (!source.fixed_actions.empty()) job.sequence = {source.fixed_actions.front()};
    job.seed = std::random_device{}();
    outcome_.reset();
    show_status(_("Follow the prompt on the picture."), false);
    worker_ = std::make_unique<CertificationWorker>(std::move(job), this);
    const wxSize ps = preview_->GetClientSize();
    worker_->set_preview_size(ps.x, ps.y);
    update_buttons();
    return true;
}

void EnrollmentDialog::on_done(std::shared_ptr<CaptureOutcome> outcome) {
    outcome_ = std::move(outcome);
    if (captured() && !outcome_->best_template.empty()) {
        photo_->SetBitmap(jpeg_bitmap(outcome_->best_jpeg, FromDIP(kPhotoBox)));
        show_status(retiree() ? _("Captured. Compare the picture with the ID card, then confirm.")
                              : _("Captured. Check it is the staff member, then confirm."),
                    false);
    } else {
        show_status(wxString::Format(_("Capture failed (%s). Check light and distance, "
                                       "then capture again."),
                                     from_utf8(outcome_->failure_code)),
                    true);
        outcome_.reset();
    }
    update_buttons();
}

bool EnrollmentDialog::confirm() {
    if (!captured() || !matches_->GetValue() || card_mismatch_) return false;
    try {
        Session& session = services_.session();
        if (!retiree()) {
            const ConsentRecord consent{staff_consent_version, to_utf8(staff_consent_text()),
                                        "staff", session.actor.staff_id, session.clock.now()};
            auto f = services_.enrol_staff_face(subject_.id, consent, outcome_->best_template,
                                                outcome_->best_jpeg, outcome_->model_version);
            if (!f) {
                show_status(translate(f.error()), true);
                return false;
            }
            return true;
        }
        const std::string t = services_.seal_template(subject_.id, outcome_->best_template);
        const std::string p = services_.seal_image(subject_.id, "reference-photo",
                                                   outcome_->best_jpeg, reference_photo_retention);
        const ConsentRecord consent{consent_version, to_utf8(consent_text()), "retiree",
                                    session.actor.staff_id, session.clock.now()};
        auto e = services_.service().begin_enrollment(subject_.id, consent, t, p,
                                                      outcome_->model_version, session.actor);
        if (!e) {
            show_status(translate(e.error()), true);
            return false;
        }
        auto c = services_.service().confirm_enrollment(e->id, session.actor);
        if (!c) {
            show_status(translate(c.error()), true);
            return false;
        }
        return true;
    } catch (const std::exception& ex) {
        show_status(from_utf8(ex.what()), true);
        return false;
    }
}

}  // namespace pd::ui
