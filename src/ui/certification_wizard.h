#pragma once

#include <wx/dialog.h>

#include <memory>
#include <optional>
#include <string>

#include "devices/card.h"
#include "domain/certification_service.h"
#include "ui/certification_worker.h"

class wxButton;
class wxChoice;
class wxSimplebook;
class wxScrolledWindow;
class wxStaticText;
class wxBoxSizer;

namespace pd::ui {

class CameraPreview;
class CardReaderButton;
class CertificationServices;
class ProxyPanel;
class ReceiptPreview;

// The certification at the counter, step by step: eligibility (every reason and what to do),
// an optional proxy, the camera; then the live challenge; then the result with the receipt,
// or the reason and what to try, and after three failures manual review or a home visit.
class CertificationWizard final : public wxDialog {
  public:
    enum class Step { Check, Live, Result };

    // `card`: the ID card already read for this retiree (the panel's 读卡), if any; its name and
    // number are checked against the record and its chip photo goes to the enrolment.
    CertificationWizard(wxWindow* parent, CertificationServices& services, const Uuid& retiree,
                        std::optional<devices::Card> card = std::nullopt);
    ~CertificationWizard() override;

    // The buttons' actions, public for tests and keyboard shortcuts.
    bool start();  // false (and says why on screen) when the retiree cannot be certified now
    void cancel_capture();
    void request_review();
    void request_home_visit();
    void save_pdf(const std::filesystem::path& file);
    // A card laid on the reader at the check step: it becomes the presented identity.
    void use_card(const devices::Card& card);
    // The signed-in staff member enrols their own face (required before they certify).
    void enrol_own_face();
    void enrol_retiree();

    [[nodiscard]] Step step() const { return step_; }
    [[nodiscard]] bool capturing() const { return worker_ != nullptr; }
    [[nodiscard]] const std::optional<AttemptResult>& last_attempt() const { return attempt_; }
    [[nodiscard]] wxString result_headline() const;
    [[nodiscard]] wxString result_details() const;
    [[nodiscard]] CameraPreview* preview() const { return preview_; }
    [[nodiscard]] ProxyPanel* proxy_panel() const { return proxy_; }
    [[nodiscard]] CardReaderButton* card_reader() const { return card_reader_; }
    [[nodiscard]] wxButton* start_button() const { return start_; }
    [[nodiscard]] const std::optional<devices::Card>& card() const { return card_; }
    [[nodiscard]] const std::optional<Eligibility>& eligibility() const { return eligibility_; }
    [[nodiscard]] wxString start_note() const;
    // Every reason line shown on the check step, in order (tests, screen readers).
    [[nodiscard]] std::vector<wxString> reason_lines() const;

  private:
    wxWindow* build_check_page(wxWindow* parent);
    wxWindow* build_live_page(wxWindow* parent);
    wxWindow* build_result_page(wxWindow* parent);
    void refresh_eligibility();
    void show_step(Step s);
    void on_done(const CaptureOutcome& outcome);
    void show_result(const CaptureOutcome& outcome);
    void show_error(const wxString& what);
    void show_note(const wxString& what);

    CertificationServices& services_;
    Uuid retiree_id_;
    Retiree retiree_;
    std::optional<Eligibility> eligibility_;
    std::optional<devices::Card> card_;
    std::optional<Error> staff_blocker_;
    std::vector<CaptureSource> sources_;
    std::optional<AttemptResult> attempt_;
    std::optional<ProxyAgent> proxy_at_start_;
    std::vector<std::string> forbidden_kinds_;  // of the running capture's forbidden faces
    Step step_ = Step::Check;

    wxSimplebook* book_ = nullptr;
    wxBoxSizer* reasons_ = nullptr;
    wxWindow* reasons_parent_ = nullptr;
    wxScrolledWindow* check_body_ = nullptr;
    ProxyPanel* proxy_ = nullptr;
    CardReaderButton* card_reader_ = nullptr;
    wxStaticText* card_label_ = nullptr;
    wxButton* enrol_self_ = nullptr;
    wxChoice* source_ = nullptr;
    wxButton* start_ = nullptr;
    wxStaticText* start_note_ = nullptr;
    CameraPreview* preview_ = nullptr;
    wxStaticText* live_status_ = nullptr;
    wxStaticText* headline_ = nullptr;
    wxStaticText* details_ = nullptr;
    wxButton* retry_ = nullptr;
    wxButton* print_ = nullptr;
    wxButton* pdf_ = nullptr;
    wxButton* review_ = nullptr;
    wxButton* home_visit_ = nullptr;
    ReceiptPreview* receipt_ = nullptr;
    std::unique_ptr<CertificationWorker> worker_;
};

// Translates an eligibility reason's texts (English templates, then their args).
[[nodiscard]] wxString reason_text(const EligibilityReason& r);
[[nodiscard]] wxString reason_next_step(const EligibilityReason& r);
// An action code ("nod", "shake", ...) in words.
[[nodiscard]] wxString action_label(const std::string& action);
// A failure code in a few plain words (history, review).
[[nodiscard]] wxString failure_label(const std::string& code);
// What to tell the retiree after a failed attempt, by failure code.
[[nodiscard]] wxString failure_advice(const std::string& code);

}  // namespace pd::ui
