#pragma once

#include <cstdint>
#include <deque>
#include <opencv2/core.hpp>
#include <vector>

#include "vision/challenge.h"
#include "vision/face_engine.h"
#include "vision/liveness_model.h"

namespace pd::vision {

// Turns one analysed frame into the state machine's plain measurement.
[[nodiscard]] FrameMeasurement measure(const FrameAnalysis& analysis, double smoothed_liveness,
                                       std::int64_t frame_index, double frontal_limit_deg = 15.0);

struct SessionOptions {
    ChallengeConfig challenge;
    std::size_t liveness_window = 8;   // frames averaged by LivenessSmoother
    std::size_t evidence_history = 3;  // recent frames kept for failure evidence
};

struct EvidenceFrame {
    std::int64_t frame_index = 0;
    double time_s = 0.0;
    cv::Mat image;  // BGR, deep copy
};

// Drives an ActionChallenge with real frames: analysis, smoothing, embeddings on demand, and
// keeping the frames the result refers to. One session per certification attempt.
class ChallengeSession {
  public:
    ChallengeSession(FaceEngine& engine, SessionOptions options, std::uint64_t seed);
    ChallengeSession(FaceEngine& engine, SessionOptions options, std::vector<Action> sequence);

    // Analyses one frame and advances the challenge; returns the events it produced.
    std::vector<ChallengeEvent> process(const cv::Mat& frame, double time_s);

    [[nodiscard]] bool finished() const noexcept { return challenge_.finished(); }
    [[nodiscard]] const ChallengeResult& result() const noexcept { return challenge_.result(); }
    [[nodiscard]] const ActionChallenge& challenge() const noexcept { return challenge_; }
    [[nodiscard]] const FrameAnalysis& last_analysis() const noexcept { return last_; }
    [[nodiscard]] const FrameMeasurement& last_measurement() const noexcept { return last_m_; }
    // The best-quality frontal frame and its template (for verification against enrolment).
    [[nodiscard]] const cv::Mat& best_frame() const noexcept { return best_.image; }
    // Computed on request (one embedding), empty when no good frame was seen.
    [[nodiscard]] FaceTemplate best_template();
    // Best frame plus the last frames before the end (for the audit trail on failure).
    [[nodiscard]] std::vector<EvidenceFrame> evidence() const;

  private:
    FaceEngine* engine_;
    SessionOptions options_;
    ActionChallenge challenge_;
    LivenessSmoother smoother_;
    FrameAnalysis last_;
    FrameMeasurement last_m_;
    std::int64_t next_index_ = 0;
    EvidenceFrame best_;
    Landmarks68 best_landmarks_{};
    std::deque<EvidenceFrame> recent_;
};

}  // namespace pd::vision
