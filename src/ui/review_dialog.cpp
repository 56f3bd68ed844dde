#include "ui/review_dialog.h"

#include <wx/button.h>
#include <wx/image.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "store/sqlite_certification_repository.h"
#include "ui/certification_services.h"
#include "ui/certification_wizard.h"
#include "ui/jpeg_image.h"
#include "ui/session.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

ReviewDialog::ReviewDialog(wxWindow* parent, CertificationServices& services,
                           const Certification& review)
    : wxDialog(parent, wxID_ANY, _("Manual review"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(services),
      review_(review) {
    SetFont(theme::base_font());
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* frames = new wxScrolledWindow(this, wxID_ANY);
    auto* fs = new wxBoxSizer(wxHORIZONTAL);
    // The failed attempts before this request hold the evidence: show each one's frames.
    int shown = 0;
    // The enrolled reference first, so the supervisor compares like with like.
    if (const auto e = services_.certifications().active_enrollment(review.retiree_id)) {
        try {
            const auto bmp = jpeg_bitmap(services_.open_image(e->photo_blob), FromDIP(220));
            if (bmp.IsOk()) {
                auto* col = new wxBoxSizer(wxVERTICAL);
                col->Add(new wxStaticText(frames, wxID_ANY, _("Enrolled photo")));
                col->Add(new wxStaticBitmap(frames, wxID_ANY, bmp));
                fs->Add(col, 0, wxRIGHT, FromDIP(16));
            }
        } catch (const std::exception&) {
            // No reference photo to show (expired or unreadable): the frames still are.
        }
    }
    auto* evidence = new wxBoxSizer(wxHORIZONTAL);
    const auto history = services_.certifications().history(review.retiree_id);
    wxString scores;
    for (const auto& c : history) {
        if (c.outcome != CertificationOutcome::Failed) continue;
        scores
            << wxString::Format(
                   _("%s: face match %.2f, liveness %.2f, reason %s"),
                   wxDateTime(std::chrono::system_clock::to_time_t(c.at)).Format("%Y-%m-%d %H:%M"),
                   c.similarity, c.liveness, failure_label(c.failure_reason))
            << "\n";
        for (const auto& blob : c.evidence_blobs) {
            if (shown >= 9) break;
            try {
                const auto bmp = jpeg_bitmap(services_.open_image(blob), FromDIP(220));
                if (bmp.IsOk()) {
                    evidence->Add(new wxStaticBitmap(frames, wxID_ANY, bmp), 0, wxRIGHT,
                                  FromDIP(6));
                    ++shown;
                }
            } catch (const std::exception&) {
                // Expired or unreadable evidence is simply not shown; the scores still are.
            }
        }
    }
    if (shown == 0)
        evidence->Add(new wxStaticText(frames, wxID_ANY, _("No evidence frames kept.")));
    auto* ecol = new wxBoxSizer(wxVERTICAL);
    ecol->Add(new wxStaticText(frames, wxID_ANY, _("Evidence frames of the failed attempts")));
    ecol->Add(evidence);
    fs->Add(ecol);
    frames->SetSizer(fs);
    frames->SetScrollRate(FromDIP(10), 0);
    frames->SetMinSize(FromDIP(wxSize(900, 270)));

    reason_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                             FromDIP(wxSize(600, 80)), wxTE_MULTILINE);
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetForegroundColour(theme::error_colour());
    auto* approve = new wxButton(this, wxID_ANY, _("Approve"));
    auto* reject = new wxButton(this, wxID_ANY, _("Reject"));
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(approve, 0, wxRIGHT, FromDIP(8));
    buttons->Add(reject, 0, wxRIGHT, FromDIP(8));
    buttons->AddStretchSpacer();
    buttons->Add(cancel, 0);

    s->Add(frames, 0, wxEXPAND | wxALL, FromDIP(8));
    s->Add(new wxStaticText(this, wxID_ANY, scores), 0, wxALL, FromDIP(8));
    s->Add(new wxStaticText(this, wxID_ANY, _("Reason for the decision (recorded)")), 0,
           wxLEFT | wxRIGHT, FromDIP(8));
    s->Add(reason_, 0, wxEXPAND | wxALL, FromDIP(8));
    s->Add(status_, 0, wxALL, FromDIP(8));
    s->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(s);

    approve->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (decide(true)) EndModal(wxID_OK);
    });
    reject->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (decide(false)) EndModal(wxID_OK);
    });
}

void ReviewDialog::set_reason(const wxString& reason) {
    reason_->ChangeValue(reason);
}

bool ReviewDialog::decide(bool approve) {
    const std::string reason = to_utf8(reason_->GetValue().Strip(wxString::both));
    if (reason.empty()) {
        status_->SetLabel(_("Write the reason for the decision first."));
        return false;
    }
    auto r =
        services_.service().decide_review(review_.id, approve, reason, services_.session().actor);
    if (!r) {
        status_->SetLabel(translate(r.error()));
        Layout();
        return false;
    }
    return true;
}

}  // namespace pd::ui
