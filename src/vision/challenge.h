#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pd::vision {

enum class Action { nod, shake, blink, open_mouth };

[[nodiscard]] std::string_view to_string(Action action) noexcept;
[[nodiscard]] std::string_view prompt_zh(Action action) noexcept;  // "请点头", "请摇头", ...
[[nodiscard]] std::optional<Action> parse_action(std::string_view name) noexcept;

enum class ChallengeFailure {
    none,
    timeout,          // an action was not done within its time, or no start within ready time
    face_lost,        // no face for longer than the grace time
    several_faces,    // more than one face for several frames
    face_changed,     // the embedding no longer matches the face the challenge started with
    spoof_suspected,  // smoothed passive liveness stayed below the minimum
    poor_quality,     // the picture never (or for too long) met the quality bar
};

[[nodiscard]] std::string_view to_string(ChallengeFailure failure) noexcept;
[[nodiscard]] std::string_view prompt_zh(ChallengeFailure failure) noexcept;

// Thresholds are documented in docs/vision.md; all are settings.
struct ChallengeConfig {
    std::vector<Action> pool{Action::nod, Action::shake, Action::blink, Action::open_mouth};
    std::size_t action_count = 2;   // drawn from pool without repetition
    double ready_timeout_s = 10.0;  // to show one good, frontal face before the first action
    int ready_frames = 3;           // consecutive good frames needed to start
    double action_timeout_s = 8.0;
    double face_lost_grace_s = 1.0;
    int several_faces_grace_frames = 3;
    double poor_quality_grace_s = 4.0;      // during actions, continuous bad quality allowed
    double yaw_turn_deg = 15.0;             // shake: yaw this far from the start pose ...
    double yaw_return_deg = 8.0;            // ... then back within this
    double pitch_nod_deg = 10.0;            // nod: pitch this far from the start pose ...
    double pitch_return_deg = 6.0;          // ... then back within this
    double mouth_closed_ratio = 0.15;       // open mouth: from below this ...
    double mouth_open_ratio = 0.35;         // ... to above this
    double liveness_min = 0.5;              // smoothed passive liveness must stay above
    double spoof_grace_s = 1.0;             // ... except for this long
    double identity_min_similarity = 0.42;  // every embedding vs the reference (= verify)
    double identity_max_yaw_deg = 25.0;     // only near-frontal embeddings are compared
    double identity_max_pitch_deg = 20.0;
    double embed_interval_s = 1.0;  // how often the driver should supply an embedding
    double track_min_iou = 0.2;     // a face box jumping more than this triggers an identity check
    bool require_embedding = true;  // no start without a reference embedding
};

// Everything the state machine needs from one frame: plain numbers, so tests can script it.
struct FrameMeasurement {
    std::int64_t frame_index = 0;
    double time_s = 0.0;  // frame timestamp: the machine's only clock
    int face_count = 0;
    cv::Rect2f face_box;  // primary face
    bool pose_valid = false;
    double yaw_deg = 0.0;
    double pitch_deg = 0.0;
    double roll_deg = 0.0;
    bool eyes_closed = false;
    double mouth_open = 0.0;
    double liveness = 1.0;    // smoothed passive liveness, 0..1
    bool quality_ok = false;  // quality without the frontal requirement
    bool frontal = false;
    double quality_score = 0.0;
    std::string quality_prompt;    // first quality issue's prompt, when not ok
    std::vector<float> embedding;  // empty when not computed for this frame
};

enum class ChallengeState { waiting_for_face, acting, succeeded, failed };

enum class EventKind { prompt, action_started, action_completed, succeeded, failed };

struct ChallengeEvent {
    EventKind kind = EventKind::prompt;
    double time_s = 0.0;
    std::optional<Action> action;
    std::size_t step = 0;   // 0-based index of the action concerned
    std::size_t steps = 0;  // number of actions
    std::string prompt;     // UTF-8 Chinese prompt to show / speak
    ChallengeFailure failure = ChallengeFailure::none;
};

struct ActionOutcome {
    Action action = Action::nod;
    bool done = false;
    double started_s = 0.0;
    double finished_s = 0.0;
    double peak = 0.0;  // largest excursion seen (degrees, mouth ratio, or 1 for a blink)
};

struct ChallengeResult {
    bool success = false;
    ChallengeFailure failure = ChallengeFailure::none;
    std::string detail;  // English, for logs
    std::vector<ActionOutcome> actions;
    double min_liveness = 1.0;
    double mean_liveness = 0.0;
    double min_identity_similarity = 1.0;
    std::int64_t best_frame_index = -1;  // best-quality frontal frame
    double best_quality = 0.0;
    std::vector<std::int64_t> evidence_frames;  // frame indices (best frame, failing frame)
    double duration_s = 0.0;
};

// The action challenge: waits for one good frontal face, then asks for each action in turn.
// Deterministic: time comes from the frames, the random sequence from the seed.
class ActionChallenge {
  public:
    ActionChallenge(ChallengeConfig config, std::uint64_t seed);
    ActionChallenge(ChallengeConfig config, std::vector<Action> sequence);

    std::vector<ChallengeEvent> update(const FrameMeasurement& m);

    // Whether the driver should compute an embedding for this frame before update(): at the
    // start, periodically, and after the face box jumped; only for near-frontal faces.
    [[nodiscard]] bool wants_embedding(const FrameMeasurement& m) const noexcept;
    [[nodiscard]] ChallengeState state() const noexcept { return state_; }
    [[nodiscard]] bool finished() const noexcept {
        return state_ == ChallengeState::succeeded || state_ == ChallengeState::failed;
    }
    [[nodiscard]] const std::vector<Action>& sequence() const noexcept { return sequence_; }
    [[nodiscard]] std::size_t current_step() const noexcept { return step_; }
    [[nodiscard]] const ChallengeResult& result() const noexcept { return result_; }
    [[nodiscard]] const ChallengeConfig& config() const noexcept { return config_; }

  private:
    void fail(ChallengeFailure why, const FrameMeasurement& m, std::string detail,
              std::vector<ChallengeEvent>& out);
    void start_action(const FrameMeasurement& m, std::vector<ChallengeEvent>& out);
    bool judge_action(const FrameMeasurement& m);
    [[nodiscard]] bool comparable(const FrameMeasurement& m) const noexcept;
    void prompt(const FrameMeasurement& m, std::string_view text, std::vector<ChallengeEvent>& out);

    ChallengeConfig config_;
    std::vector<Action> sequence_;
    ChallengeState state_ = ChallengeState::waiting_for_face;
    ChallengeResult result_;

    std::optional<double> start_s_;
    std::optional<double> lost_since_;
    std::optional<double> low_liveness_since_;
    std::optional<double> bad_quality_since_;
    std::optional<cv::Rect2f> last_box_;
    std::optional<double> last_embedding_s_;
    bool identity_check_due_ = true;
    bool ever_saw_face_ = false;
    int several_frames_ = 0;
    int good_frames_ = 0;
    double liveness_sum_ = 0.0;
    std::int64_t liveness_n_ = 0;
    std::vector<float> reference_;
    std::string last_prompt_;

    std::size_t step_ = 0;
    double action_start_s_ = 0.0;
    int phase_ = 0;
    double base_yaw_ = 0.0;
    double base_pitch_ = 0.0;
};

}  // namespace pd::vision
