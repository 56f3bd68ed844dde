#pragma once

#include <wx/dialog.h>

#include <memory>
#include <optional>
#include <vector>

#include "ui/certification_worker.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxStaticBitmap;
class wxStaticText;

namespace pd::ui {

class CameraPreview;
class CertificationServices;

// 实名注册: consent first (the text shown is recorded with who and when), then a live capture
// that passes the quality checks and one liveness action, then the clerk confirms that the
// person matches the ID card. Only the confirmation makes the new reference active.
class EnrollmentDialog final : public wxDialog {
  public:
    EnrollmentDialog(wxWindow* parent, CertificationServices& services, const Uuid& retiree,
                     std::vector<CaptureSource> sources);
    ~EnrollmentDialog() override;

    // For tests and the buttons.
    bool start_capture();
    bool confirm();
    [[nodiscard]] bool captured() const { return outcome_ && outcome_->challenge_passed; }
    [[nodiscard]] bool capturing() const { return worker_ != nullptr; }
    void give_consent(bool yes);
    void confirm_identity(bool yes);

    // The consent wording, versioned: a change of words gets a new version.
    static constexpr const char* consent_version = "2026-1";
    [[nodiscard]] static wxString consent_text();

  private:
    void on_done(std::shared_ptr<CaptureOutcome> outcome);
    void update_buttons();

    CertificationServices& services_;
    Uuid retiree_;
    std::vector<CaptureSource> sources_;
    std::shared_ptr<CaptureOutcome> outcome_;
    std::unique_ptr<CertificationWorker> worker_;
    wxCheckBox* consent_ = nullptr;
    wxChoice* source_ = nullptr;
    wxButton* capture_ = nullptr;
    CameraPreview* preview_ = nullptr;
    wxStaticBitmap* photo_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxCheckBox* matches_ = nullptr;
    wxButton* confirm_ = nullptr;
};

}  // namespace pd::ui
