#include "vision/challenge_session.h"

#include <cmath>

#include "vision/image_io.h"

namespace pd::vision {

FrameMeasurement measure(const FrameAnalysis& a, double smoothed_liveness, std::int64_t frame_index,
                         double frontal_limit_deg) {
    FrameMeasurement m;
    m.frame_index = frame_index;
    m.time_s = a.timestamp_s;
    m.face_count = static_cast<int>(a.faces.size());
    m.liveness = smoothed_liveness;
    m.quality_score = a.quality.score;
    // Frontality is judged separately so turning the head during an action is not "poor".
    m.quality_ok = true;
    for (auto issue : a.quality.issues) {
        if (issue == QualityIssue::not_frontal || issue == QualityIssue::several_faces) continue;
        m.quality_ok = false;
        if (m.quality_prompt.empty()) m.quality_prompt = std::string(prompt_zh(issue));
    }
    if (a.primary) {
        const auto& p = *a.primary;
        m.face_box = p.face.box;
        m.pose_valid = p.pose.valid;
        m.yaw_deg = p.pose.yaw_deg;
        m.pitch_deg = p.pose.pitch_deg;
        m.roll_deg = p.pose.roll_deg;
        m.eyes_closed = p.eyes.closed;
        m.mouth_open = p.mouth_open;
        m.frontal = p.pose.valid && std::abs(p.pose.yaw_deg) <= frontal_limit_deg &&
                    std::abs(p.pose.pitch_deg) <= frontal_limit_deg;
    } else {
        m.quality_ok = false;
    }
    return m;
}

ChallengeSession::ChallengeSession(FaceEngine& engine, SessionOptions options, std::uint64_t seed)
    : engine_(&engine),
      options_(std::move(options)),
      challenge_(options_.challenge, seed),
      smoother_(options_.liveness_window) {}

ChallengeSession::ChallengeSession(FaceEngine& engine, SessionOptions options,
                                   std::vector<Action> sequence)
    : engine_(&engine),
      options_(std::move(options)),
      challenge_(options_.challenge, std::move(sequence)),
      smoother_(options_.liveness_window) {}

std::vector<ChallengeEvent> ChallengeSession::process(const cv::Mat& frame, double time_s) {
    if (challenge_.finished()) return {};
    const cv::Mat bgr = to_bgr8(frame);
    last_ = engine_->analyze(bgr, time_s);
    if (last_.primary) smoother_.add(last_.primary->liveness);
    const std::int64_t index = next_index_++;
    last_m_ = measure(last_, smoother_.value(), index);
    if (last_.primary && challenge_.wants_embedding(last_m_)) {
        last_m_.embedding = engine_->embed(bgr, last_.primary->landmarks);
    }
    const double best_before = challenge_.result().best_quality;
    auto events = challenge_.update(last_m_);
    const auto& r = challenge_.result();
    if (r.best_frame_index == index && r.best_quality > best_before) {
        best_ = {index, time_s, bgr.clone()};
        best_landmarks_ = last_.primary->landmarks;
    }
    recent_.push_back({index, time_s, bgr.clone()});
    while (recent_.size() > options_.evidence_history) recent_.pop_front();
    return events;
}

FaceTemplate ChallengeSession::best_template() {
    if (best_.image.empty()) return {};
    return engine_->embed(best_.image, best_landmarks_);
}

std::vector<EvidenceFrame> ChallengeSession::evidence() const {
    std::vector<EvidenceFrame> out;
    if (!best_.image.empty()) out.push_back(best_);
    for (const auto& f : recent_) out.push_back(f);
    return out;
}

}  // namespace pd::vision
