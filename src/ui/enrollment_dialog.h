#pragma once

#include <wx/dialog.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "devices/card.h"
#include "ui/certification_worker.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxStaticBitmap;
class wxStaticText;

namespace pd::ui {

class CameraPreview;
class CardReaderButton;
class CertificationServices;

// Whose face is enrolled: a retiree (the reference they are certified against, checked against
// their ID card) or a staff member (kept only so that their face is refused at the counter).
struct EnrolmentSubject {
    enum class Kind { Retiree, Staff } kind = Kind::Retiree;
    Uuid id;                // retiree uuid / staff account id
    std::string name;       // UTF-8, for the title
    std::string id_number;  // retiree: the number the ID card must carry
};

// 实名注册: consent first (the text shown is recorded with who and when), then a live capture
// that passes the quality checks and one liveness action, then the clerk confirms that the
// person matches the ID card, with the card's chip photo beside the live image when a photo
// decoder is configured. Only the confirmation makes the new reference active. A card of
// somebody else is refused before anything is stored.
class EnrollmentDialog final : public wxDialog {
  public:
    EnrollmentDialog(wxWindow* parent, CertificationServices& services, EnrolmentSubject subject,
                     std::vector<CaptureSource> sources,
                     std::optional<devices::Card> card = std::nullopt);
    ~EnrollmentDialog() override;

    // For tests and the buttons.
    bool start_capture();
    bool confirm();
    // What 读卡 does with a card read here (or the one the wizard already read).
    void use_card(const devices::Card& card);
    [[nodiscard]] bool captured() const { return outcome_ && outcome_->challenge_passed; }
    [[nodiscard]] bool capturing() const { return worker_ != nullptr; }
    [[nodiscard]] bool card_mismatch() const { return card_mismatch_; }
    [[nodiscard]] bool chip_photo_shown() const { return chip_shown_; }
    [[nodiscard]] wxString chip_note() const;
    [[nodiscard]] wxString status() const;
    [[nodiscard]] CardReaderButton* card_reader() const { return card_reader_; }
    void give_consent(bool yes);
    void confirm_identity(bool yes);

    // The consent wording, versioned: a change of words gets a new version.
    static constexpr const char* consent_version = "2026-1";
    [[nodiscard]] static wxString consent_text();
    static constexpr const char* staff_consent_version = "staff-2026-1";
    [[nodiscard]] static wxString staff_consent_text();

  private:
    [[nodiscard]] bool retiree() const { return subject_.kind == EnrolmentSubject::Kind::Retiree; }
    void on_done(std::shared_ptr<CaptureOutcome> outcome);
    void update_buttons();
    void show_status(const wxString& text, bool error);

    CertificationServices& services_;
    EnrolmentSubject subject_;
    std::vector<CaptureSource> sources_;
    std::shared_ptr<CaptureOutcome> outcome_;
    std::unique_ptr<CertificationWorker> worker_;
    bool card_mismatch_ = false;
    bool chip_shown_ = false;
    wxCheckBox* consent_ = nullptr;
    wxChoice* source_ = nullptr;
    wxButton* capture_ = nullptr;
    CameraPreview* preview_ = nullptr;
    wxStaticBitmap* photo_ = nullptr;
    CardReaderButton* card_reader_ = nullptr;
    wxStaticText* card_identity_ = nullptr;
    wxStaticBitmap* chip_ = nullptr;
    wxStaticText* chip_note_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxCheckBox* matches_ = nullptr;
    wxButton* confirm_ = nullptr;
};

}  // namespace pd::ui
