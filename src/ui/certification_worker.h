#pragma once

#include <wx/event.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "ui/certification_services.h"
#include "vision/challenge.h"
#include "vision/challenge_session.h"
#include "vision/verifier.h"

namespace pd::ui {

// What the preview shows: the newest frame, already scaled to the preview's size on the worker.
struct PreviewFrame {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;  // width * height * 3
    std::optional<wxRect> face;      // in preview pixels
    bool quality_ok = false;
};

// The state of the challenge the wizard shows beside the picture.
struct ChallengeProgress {
    std::string prompt;  // UTF-8 Chinese, from the vision layer
    std::optional<vision::Action> action;
    std::size_t step = 0;
    std::size_t steps = 0;
    std::size_t done = 0;
    bool loading = false;  // models / camera still opening
};

// The end of one capture. Plain values: the UI thread seals and records them.
struct CaptureOutcome {
    bool challenge_passed = false;
    bool cancelled = false;
    std::string error;  // engine or source problem (English, for the message box)
    vision::ChallengeResult result;
    vision::MatchDecision match;  // certification only
    bool verified = false;        // challenge passed and the face matched the enrolment
    std::string failure_code;     // engine / verification code when not verified
    vision::FaceTemplate best_template;
    std::vector<std::uint8_t> best_jpeg;
    std::vector<std::vector<std::uint8_t>> evidence_jpegs;
    std::vector<std::string> actions;
    std::string model_version;
};

struct CaptureJob {
    CaptureSource source;
    vision::ChallengeConfig challenge;
    std::vector<vision::Action> sequence;  // empty: drawn at random from challenge.pool
    std::uint64_t seed = 0;
    // Certification: the enrolled template and the faces that must not pass. Empty enrolled:
    // an enrolment capture (quality + one action, no comparison).
    std::vector<vision::FaceTemplate> enrolled;
    std::vector<vision::FaceTemplate> forbidden;
    vision::VerifyConfig verify;
};

wxDECLARE_EVENT(EVT_CAPTURE_FRAME, wxThreadEvent);     // a new PreviewFrame: call take_frame()
wxDECLARE_EVENT(EVT_CAPTURE_PROGRESS, wxThreadEvent);  // payload: ChallengeProgress
wxDECLARE_EVENT(EVT_CAPTURE_DONE, wxThreadEvent);      // payload: shared_ptr<CaptureOutcome>

// Owns the frame source, the face engine and the challenge on its own thread; the UI only gets
// events. The newest frame replaces an unread one, so a slow UI never builds a queue. The
// destructor stops and joins: closing the wizard mid-challenge writes nothing (the worker
// never touches the store).
class CertificationWorker {
  public:
    CertificationWorker(CaptureJob job, wxEvtHandler* target);
    ~CertificationWorker();
    CertificationWorker(const CertificationWorker&) = delete;
    CertificationWorker& operator=(const CertificationWorker&) = delete;

    void set_preview_size(int width, int height);
    [[nodiscard]] std::optional<PreviewFrame> take_frame();
    void cancel() { thread_.request_stop(); }

  private:
    void run(std::stop_token stop);
    void post_frame(const cv::Mat& bgr, const vision::FrameAnalysis& analysis,
                    const vision::FrameMeasurement& m);
    void post_progress(const ChallengeProgress& p);

    CaptureJob job_;
    wxEvtHandler* target_;
    std::mutex mutex_;
    std::optional<PreviewFrame> latest_;
    std::atomic<bool> frame_pending_{false};
    std::atomic<int> preview_w_{640};
    std::atomic<int> preview_h_{480};
    std::jthread thread_;  // last: started after everything it uses exists
};

}  // namespace pd::ui
