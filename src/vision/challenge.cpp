#include "vision/challenge.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>

#include "vision/face_embedder.h"

namespace pd::vision {
namespace {

std::vector<Action> draw_sequence(const ChallengeConfig& config, std::uint64_t seed) {
    std::vector<Action> pool = config.pool;
    // Own Fisher-Yates over mt19937_64 (whose output the standard fixes): std::shuffle and the
    // distributions differ between standard libraries, and a seed must replay the same way on
    // Windows and Linux.
    std::mt19937_64 rng(seed);
    for (std::size_t i = pool.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng() % i);
        std::swap(pool[i - 1], pool[j]);
    }
    pool.resize(std::min(pool.size(), config.action_count));
    return pool;
}

float iou(const cv::Rect2f& a, const cv::Rect2f& b) {
    const float inter = (a & b).area();
    const float uni = a.area() + b.area() - inter;
    return uni > 0.0F ? inter / uni : 0.0F;
}

}  // namespace

std::string_view to_string(Action action) noexcept {
    switch (action) {
        case Action::nod:
            return "nod";
        case Action::shake:
            return "shake";
        case Action::blink:
            return "blink";
        case Action::open_mouth:
            return "open_mouth";
    }
    return "unknown";
}

std::string_view prompt_zh(Action action) noexcept {
    switch (action) {
        case Action::nod:
            return "请点头";
        case Action::shake:
            return "请摇头";
        case Action::blink:
            return "请眨眼";
        case Action::open_mouth:
            return "请张嘴";
    }
    return "";
}

std::optional<Action> parse_action(std::string_view name) noexcept {
    if (name == "nod") return Action::nod;
    if (name == "shake") return Action::shake;
    if (name == "blink") return Action::blink;
    if (name == "open_mouth" || name == "mouth") return Action::open_mouth;
    return std::nullopt;
}

std::string_view to_string(ChallengeFailure failure) noexcept {
    switch (failure) {
        case ChallengeFailure::none:
            return "none";
        case ChallengeFailure::timeout:
            return "timeout";
        case ChallengeFailure::face_lost:
            return "face_lost";
        case ChallengeFailure::several_faces:
            return "several_faces";
        case ChallengeFailure::face_changed:
            return "face_changed";
        case ChallengeFailure::spoof_suspected:
            return "spoof_suspected";
        case ChallengeFailure::poor_quality:
            return "poor_quality";
    }
    return "unknown";
}

std::string_view prompt_zh(ChallengeFailure failure) noexcept {
    switch (failure) {
        case ChallengeFailure::none:
            return "";
        case ChallengeFailure::timeout:
            return "动作超时，请重新开始";
        case ChallengeFailure::face_lost:
            return "未检测到人脸，请重新开始";
        case ChallengeFailure::several_faces:
            return "请保持画面中只有一人";
        case ChallengeFailure::face_changed:
            return "检测到人员变化，请重新开始";
        case ChallengeFailure::spoof_suspected:
            return "活体检测未通过";
        case ChallengeFailure::poor_quality:
            return "画面质量不佳，请调整光线和距离";
    }
    return "";
}

ActionChallenge::ActionChallenge(ChallengeConfig config, std::uint64_t seed)
    : config_(std::move(config)), sequence_(draw_sequence(config_, seed)) {}

ActionChallenge::ActionChallenge(ChallengeConfig config, std::vector<Action> sequence)
    : config_(std::move(config)), sequence_(std::move(sequence)) {}

bool ActionChallenge::comparable(const FrameMeasurement& m) const noexcept {
    return m.face_count >= 1 && m.pose_valid &&
           std::abs(m.yaw_deg) <= config_.identity_max_yaw_deg &&
           std::abs(m.pitch_deg) <= config_.identity_max_pitch_deg;
}

bool ActionChallenge::wants_embedding(const FrameMeasurement& m) const noexcept {
    if (finished() || !comparable(m)) return false;
    if (identity_check_due_ || reference_.empty()) return true;
    return !last_embedding_s_ || m.time_s - *last_embedding_s_ >= config_.embed_interval_s;
}

void ActionChallenge::prompt(const FrameMeasurement& m, std::string_view text,
                             std::vector<ChallengeEvent>& out) {
    if (text.empty() || text == last_prompt_) return;  // only changes are events
    last_prompt_ = std::string(text);
    ChallengeEvent e;
    e.kind = EventKind::prompt;
    e.time_s = m.time_s;
    e.step = step_;
    e.steps = sequence_.size();
    e.prompt = last_prompt_;
    if (state_ == ChallengeState::acting && step_ < sequence_.size()) e.action = sequence_[step_];
    out.push_back(std::move(e));
}

void ActionChallenge::fail(ChallengeFailure why, const FrameMeasurement& m, std::string detail,
                           std::vector<ChallengeEvent>& out) {
    state_ = ChallengeState::failed;
    result_.success = false;
    result_.failure = why;
    result_.detail = std::move(detail);
    result_.duration_s = m.time_s - start_s_.value_or(m.time_s);
    result_.mean_liveness =
        liveness_n_ > 0 ? liveness_sum_ / static_cast<double>(liveness_n_) : 0.0;
    if (result_.best_frame_index >= 0) result_.evidence_frames.push_back(result_.best_frame_index);
    result_.evidence_frames.push_back(m.frame_index);
    ChallengeEvent e;
    e.kind = EventKind::failed;
    e.time_s = m.time_s;
    e.step = step_;
    e.steps = sequence_.size();
    e.failure = why;
    e.prompt = std::string(prompt_zh(why));
    if (step_ < sequence_.size()) e.action = sequence_[step_];
    out.push_back(std::move(e));
}

void ActionChallenge::start_action(const FrameMeasurement& m, std::vector<ChallengeEvent>& out) {
    action_start_s_ = m.time_s;
    phase_ = 0;
    base_yaw_ = m.yaw_deg;
    base_pitch_ = m.pitch_deg;
    result_.actions.push_back({sequence_[step_], false, m.time_s, 0.0, 0.0});
    // The starting frame counts as the action's first observation (eyes open, mouth closed);
    // no action can complete on a single frame.
    (void)judge_action(m);
    ChallengeEvent e;
    e.kind = EventKind::action_started;
    e.time_s = m.time_s;
    e.action = sequence_[step_];
    e.step = step_;
    e.steps = sequence_.size();
    e.prompt = std::string(prompt_zh(sequence_[step_]));
    last_prompt_ = e.prompt;
    out.push_back(std::move(e));
}

bool ActionChallenge::judge_action(const FrameMeasurement& m) {
    auto& outcome = result_.actions.back();
    auto excursion = [&](double value, double base, double go, double back) {
        const double d = std::abs(value - base);
        outcome.peak = std::max(outcome.peak, d);
        if (phase_ == 0 && d >= go) phase_ = 1;
        return phase_ == 1 && d <= back;
    };
    switch (sequence_[step_]) {
        case Action::nod:
            return m.pose_valid && excursion(m.pitch_deg, base_pitch_, config_.pitch_nod_deg,
                                             config_.pitch_return_deg);
        case Action::shake:
            return m.pose_valid &&
                   excursion(m.yaw_deg, base_yaw_, config_.yaw_turn_deg, config_.yaw_return_deg);
        case Action::blink:
            // open -> closed -> open: a photo's eyes never close, a closed-eye photo never opens.
            if (phase_ == 0 && !m.eyes_closed) phase_ = 1;
            if (phase_ == 1 && m.eyes_closed) {
                phase_ = 2;
                outcome.peak = 1.0;
            }
            return phase_ == 2 && !m.eyes_closed;
        case Action::open_mouth:
            outcome.peak = std::max(outcome.peak, m.mouth_open);
            if (phase_ == 0 && m.mouth_open <= config_.mouth_closed_ratio) phase_ = 1;
            return phase_ == 1 && m.mouth_open >= config_.mouth_open_ratio;
    }
    return false;
}

std::vector<ChallengeEvent> ActionChallenge::update(const FrameMeasurement& m) {
    std::vector<ChallengeEvent> out;
    if (finished()) return out;
    if (!start_s_) start_s_ = m.time_s;
    const bool acting = state_ == ChallengeState::acting;

    // Exactly one face, throughout.
    if (m.face_count == 0) {
        several_frames_ = 0;
        if (!lost_since_) lost_since_ = m.time_s;
        if (acting && m.time_s - *lost_since_ > config_.face_lost_grace_s) {
            fail(ChallengeFailure::face_lost, m, "no face for more than the grace time", out);
            return out;
        }
        identity_check_due_ = true;  // whoever comes back must be re-identified
        prompt(m, "请正对摄像头", out);
    } else {
        lost_since_.reset();
        ever_saw_face_ = true;
    }
    if (m.face_count > 1) {
        ++several_frames_;
        if (acting && several_frames_ >= config_.several_faces_grace_frames) {
            fail(ChallengeFailure::several_faces, m, "more than one face in the picture", out);
            return out;
        }
        prompt(m, "请保持画面中只有一人", out);
    } else if (m.face_count == 1) {
        several_frames_ = 0;
    }

    if (m.face_count >= 1) {
        // Tracking: a jump of the face box means someone or something else may be in front.
        if (last_box_ && iou(*last_box_, m.face_box) < config_.track_min_iou) {
            identity_check_due_ = true;
        }
        last_box_ = m.face_box;
        // Identity: while waiting, the newest single-face embedding is the candidate reference;
        // once acting, every embedding must match the reference the actions started with.
        // Embeddings of turned heads are unreliable (a profile scores low against a frontal
        // face of the same person), so only near-frontal frames take part.
        if (!m.embedding.empty() && comparable(m)) {
            last_embedding_s_ = m.time_s;
            if (!acting) {
                if (m.face_count == 1) reference_ = m.embedding;
            } else {
                const double s = cosine_similarity(reference_, m.embedding);
                result_.min_identity_similarity = std::min(result_.min_identity_similarity, s);
                if (s < config_.identity_min_similarity) {
                    fail(ChallengeFailure::face_changed, m,
                         "face no longer matches the face the challenge started with", out);
                    return out;
                }
            }
            if (m.face_count == 1) identity_check_due_ = false;
        }
    }

    // Passive liveness must hold while acting.
    if (acting && m.face_count >= 1) {
        liveness_sum_ += m.liveness;
        ++liveness_n_;
        result_.min_liveness = std::min(result_.min_liveness, m.liveness);
        if (m.liveness < config_.liveness_min) {
            if (!low_liveness_since_) low_liveness_since_ = m.time_s;
            if (m.time_s - *low_liveness_since_ >= config_.spoof_grace_s) {
                fail(ChallengeFailure::spoof_suspected, m,
                     "passive liveness below the minimum for too long", out);
                return out;
            }
        } else {
            low_liveness_since_.reset();
        }
    }

    // Keep the best frontal frame as evidence (and for the final verification).
    if (m.face_count == 1 && m.quality_ok && m.frontal && m.quality_score > result_.best_quality) {
        result_.best_quality = m.quality_score;
        result_.best_frame_index = m.frame_index;
    }

    if (state_ == ChallengeState::waiting_for_face) {
        const bool good =
            m.face_count == 1 && m.quality_ok && m.frontal && m.liveness >= config_.liveness_min;
        good_frames_ = good ? good_frames_ + 1 : 0;
        if (!good) identity_check_due_ = true;  // re-take the reference within the good run
        if (!good && m.face_count == 1) {
            prompt(m, !m.quality_prompt.empty() ? m.quality_prompt : "请正视摄像头", out);
        }
        // The reference must come from this run of good frames, not from someone earlier.
        const bool identity_ready =
            !config_.require_embedding || (!reference_.empty() && !identity_check_due_);
        if (good_frames_ >= config_.ready_frames && identity_ready) {
            state_ = ChallengeState::acting;
            if (sequence_.empty()) {
                state_ = ChallengeState::succeeded;
            } else {
                start_action(m, out);
                return out;
            }
        } else if (m.time_s - *start_s_ > config_.ready_timeout_s) {
            fail(ever_saw_face_ ? ChallengeFailure::poor_quality : ChallengeFailure::face_lost, m,
                 ever_saw_face_ ? "no good frontal face within the ready time"
                                : "no face within the ready time",
                 out);
            return out;
        } else {
            return out;
        }
    }

    if (state_ == ChallengeState::acting) {
        if (m.face_count == 1) {
            if (!m.quality_ok) {
                if (!bad_quality_since_) bad_quality_since_ = m.time_s;
                if (m.time_s - *bad_quality_since_ > config_.poor_quality_grace_s) {
                    fail(ChallengeFailure::poor_quality, m, "picture quality too poor for too long",
                         out);
                    return out;
                }
            } else {
                bad_quality_since_.reset();
            }
            // Identity must be settled before an action can count (e.g. after a box jump).
            if (!identity_check_due_ && judge_action(m)) {
                auto& outcome = result_.actions.back();
                outcome.done = true;
                outcome.finished_s = m.time_s;
                ChallengeEvent e;
                e.kind = EventKind::action_completed;
                e.time_s = m.time_s;
                e.action = sequence_[step_];
                e.step = step_;
                e.steps = sequence_.size();
                out.push_back(std::move(e));
                ++step_;
                if (step_ < sequence_.size()) {
                    start_action(m, out);
                } else {
                    state_ = ChallengeState::succeeded;
                }
            }
        }
        if (state_ == ChallengeState::acting &&
            m.time_s - action_start_s_ > config_.action_timeout_s) {
            fail(ChallengeFailure::timeout, m,
                 std::string("action ") + std::string(to_string(sequence_[step_])) +
                     " not done in time",
                 out);
            return out;
        }
    }

    if (state_ == ChallengeState::succeeded) {
        result_.success = true;
        result_.failure = ChallengeFailure::none;
        result_.duration_s = m.time_s - *start_s_;
        result_.mean_liveness =
            liveness_n_ > 0 ? liveness_sum_ / static_cast<double>(liveness_n_) : m.liveness;
        if (liveness_n_ == 0) result_.min_liveness = m.liveness;
        if (result_.best_frame_index >= 0) {
            result_.evidence_frames.push_back(result_.best_frame_index);
        }
        ChallengeEvent e;
        e.kind = EventKind::succeeded;
        e.time_s = m.time_s;
        e.step = sequence_.size();
        e.steps = sequence_.size();
        e.prompt = "认证动作完成";
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace pd::vision
