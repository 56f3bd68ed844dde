// The action challenge driven by scripted per-frame measurements: every transition and every
// failure path, deterministically (time from the frames, sequence from the seed).
#include "vision/challenge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

namespace pd::vision {
namespace {

const std::vector<float> kPersonA{1.0F, 0.0F, 0.0F, 0.0F};
const std::vector<float> kPersonB{0.0F, 1.0F, 0.0F, 0.0F};

FrameMeasurement good_frame() {
    FrameMeasurement m;
    m.face_count = 1;
    m.face_box = {200.0F, 150.0F, 240.0F, 240.0F};
    m.pose_valid = true;
    m.mouth_open = 0.05;
    m.liveness = 0.95;
    m.quality_ok = true;
    m.frontal = true;
    m.quality_score = 0.8;
    m.embedding = kPersonA;
    return m;
}

// Feeds frames at 30 fps, supplying the embedding only when the machine asks for one.
class Script {
  public:
    explicit Script(ActionChallenge& c) : c_(c) {}

    void feed(FrameMeasurement m, int frames = 1) {
        for (int i = 0; i < frames && !c_.finished(); ++i) {
            FrameMeasurement f = m;
            f.time_s = t_;
            f.frame_index = index_++;
            if (!c_.wants_embedding(f)) f.embedding.clear();
            for (auto& e : c_.update(f)) events_.push_back(std::move(e));
            t_ += 1.0 / 30.0;
        }
    }
    // Frames whose measurement depends on the frame number within the call.
    void feed_fn(int frames, const std::function<FrameMeasurement(int)>& make) {
        for (int i = 0; i < frames; ++i) feed(make(i));
    }
    void ready() { feed(good_frame(), 3); }

    [[nodiscard]] bool has(EventKind kind) const {
        return std::any_of(events_.begin(), events_.end(),
                           [&](const ChallengeEvent& e) { return e.kind == kind; });
    }
    [[nodiscard]] double time() const { return t_; }
    [[nodiscard]] const std::vector<ChallengeEvent>& events() const { return events_; }

  private:
    ActionChallenge& c_;
    double t_ = 0.0;
    std::int64_t index_ = 0;
    std::vector<ChallengeEvent> events_;
};

FrameMeasurement with_yaw(double yaw) {
    auto m = good_frame();
    m.yaw_deg = yaw;
    m.frontal = std::abs(yaw) <= 15.0;
    return m;
}

FrameMeasurement with_pitch(double pitch) {
    auto m = good_frame();
    m.pitch_deg = pitch;
    m.frontal = std::abs(pitch) <= 15.0;
    return m;
}

// A head turn of `peak` degrees and back, over 30 frames.
void turn(Script& s, double peak, bool yaw) {
    s.feed_fn(30, [&](int i) {
        const double v = peak * std::sin(3.14159 * i / 29.0);
        return yaw ? with_yaw(v) : with_pitch(v);
    });
}

TEST(ActionSequence, SameSeedSameSequenceDifferentSeedsVary) {
    ChallengeConfig cfg;
    ActionChallenge a(cfg, 42);
    ActionChallenge b(cfg, 42);
    EXPECT_EQ(a.sequence(), b.sequence());
    ASSERT_EQ(a.sequence().size(), 2U);
    EXPECT_NE(a.sequence()[0], a.sequence()[1]);
    std::set<std::vector<Action>> seen;
    std::set<Action> actions;
    for (std::uint64_t seed = 0; seed < 64; ++seed) {
        ActionChallenge c(cfg, seed);
        seen.insert(c.sequence());
        actions.insert(c.sequence().begin(), c.sequence().end());
    }
    EXPECT_GT(seen.size(), 6U);
    EXPECT_EQ(actions.size(), 4U);
}

TEST(ActionSequence, ParsesAndNamesActions) {
    EXPECT_EQ(parse_action("nod"), Action::nod);
    EXPECT_EQ(parse_action("open_mouth"), Action::open_mouth);
    EXPECT_FALSE(parse_action("wave").has_value());
    EXPECT_EQ(prompt_zh(Action::shake), "请摇头");
    EXPECT_EQ(prompt_zh(Action::nod), "请点头");
    EXPECT_EQ(prompt_zh(Action::blink), "请眨眼");
    EXPECT_EQ(prompt_zh(Action::open_mouth), "请张嘴");
}

TEST(ActionChallenge, ShakeSucceedsAfterTurnAndReturn) {
    ActionChallenge c({}, std::vector<Action>{Action::shake});
    Script s(c);
    s.ready();
    EXPECT_EQ(c.state(), ChallengeState::acting);
    EXPECT_TRUE(s.has(EventKind::action_started));
    turn(s, 25.0, true);
    ASSERT_EQ(c.state(), ChallengeState::succeeded);
    EXPECT_TRUE(c.result().success);
    EXPECT_TRUE(s.has(EventKind::action_completed));
    EXPECT_TRUE(s.has(EventKind::succeeded));
    ASSERT_EQ(c.result().actions.size(), 1U);
    EXPECT_TRUE(c.result().actions[0].done);
    EXPECT_GE(c.result().actions[0].peak, 20.0);
    EXPECT_GE(c.result().best_frame_index, 0);
    EXPECT_FALSE(c.result().evidence_frames.empty());
}

TEST(ActionChallenge, SmallTurnIsNotAShake) {
    ActionChallenge c({}, std::vector<Action>{Action::shake});
    Script s(c);
    s.ready();
    for (int k = 0; k < 10; ++k) turn(s, 10.0, true);  // 10 s of 10-degree turns
    EXPECT_EQ(c.state(), ChallengeState::failed);
    EXPECT_EQ(c.result().failure, ChallengeFailure::timeout);
}

TEST(ActionChallenge, NodSucceeds) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    Script s(c);
    s.ready();
    turn(s, -15.0, false);
    EXPECT_TRUE(c.result().success);
}

TEST(ActionChallenge, BlinkNeedsOpenClosedOpen) {
    ActionChallenge c({}, std::vector<Action>{Action::blink});
    Script s(c);
    s.ready();
    auto closed = good_frame();
    closed.eyes_closed = true;
    s.feed(closed, 3);
    EXPECT_EQ(c.state(), ChallengeState::acting);
    s.feed(good_frame(), 1);
    EXPECT_TRUE(c.result().success);
}

TEST(ActionChallenge, EyesThatNeverOpenAgainTimeOut) {
    ActionChallenge c({}, std::vector<Action>{Action::blink});
    Script s(c);
    s.ready();
    auto closed = good_frame();
    closed.eyes_closed = true;
    s.feed(closed, 30 * 9);
    EXPECT_EQ(c.result().failure, ChallengeFailure::timeout);
}

TEST(ActionChallenge, OpenMouthNeedsClosedThenOpen) {
    ActionChallenge c({}, std::vector<Action>{Action::open_mouth});
    Script s(c);
    s.ready();
    auto open = good_frame();
    open.mouth_open = 0.5;
    s.feed(open, 2);
    EXPECT_TRUE(c.result().success);
    EXPECT_GE(c.result().actions[0].peak, 0.5);
}

TEST(ActionChallenge, TwoActionsInTurnWithPromptsAndProgress) {
    ActionChallenge c({}, std::vector<Action>{Action::blink, Action::shake});
    Script s(c);
    s.ready();
    auto closed = good_frame();
    closed.eyes_closed = true;
    s.feed(closed, 2);
    s.feed(good_frame(), 1);
    EXPECT_EQ(c.current_step(), 1U);
    EXPECT_EQ(c.state(), ChallengeState::acting);
    turn(s, 20.0, true);
    ASSERT_TRUE(c.result().success);
    std::vector<std::string> prompts;
    for (const auto& e : s.events()) {
        if (e.kind == EventKind::action_started) prompts.push_back(e.prompt);
        EXPECT_EQ(e.steps, 2U);
    }
    EXPECT_EQ(prompts, (std::vector<std::string>{"请眨眼", "请摇头"}));
}

TEST(ActionChallenge, NoMotionTimesOutWithEvidence) {
    ChallengeConfig cfg;
    cfg.action_timeout_s = 3.0;
    ActionChallenge c(cfg, std::vector<Action>{Action::nod});
    Script s(c);
    s.ready();
    s.feed(good_frame(), 30 * 4);
    EXPECT_EQ(c.result().failure, ChallengeFailure::timeout);
    EXPECT_TRUE(s.has(EventKind::failed));
    EXPECT_GE(c.result().evidence_frames.size(), 2U);
    EXPECT_NEAR(s.time(), 3.1 + 3.0 / 30.0, 0.1);  // stopped right after the timeout
}

TEST(ActionChallenge, ShortDropoutIsToleratedLongOneIsFaceLost) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    Script s(c);
    s.ready();
    FrameMeasurement none;
    s.feed(none, 15);  // 0.5 s
    s.feed(good_frame(), 5);
    EXPECT_EQ(c.state(), ChallengeState::acting);
    s.feed(none, 40);  // 1.3 s
    EXPECT_EQ(c.result().failure, ChallengeFailure::face_lost);
}

TEST(ActionChallenge, SeveralFacesFailAfterGraceFrames) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    Script s(c);
    s.ready();
    auto two = good_frame();
    two.face_count = 2;
    s.feed(two, 2);
    s.feed(good_frame(), 1);
    EXPECT_EQ(c.state(), ChallengeState::acting);
    s.feed(two, 3);
    EXPECT_EQ(c.result().failure, ChallengeFailure::several_faces);
}

TEST(ActionChallenge, BystanderWhileWaitingOnlyPrompts) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    Script s(c);
    auto two = good_frame();
    two.face_count = 2;
    s.feed(two, 10);
    EXPECT_EQ(c.state(), ChallengeState::waiting_for_face);
    bool prompted = false;
    for (const auto& e : s.events()) prompted |= e.prompt == "请保持画面中只有一人";
    EXPECT_TRUE(prompted);
    s.ready();
    EXPECT_EQ(c.state(), ChallengeState::acting);
}

TEST(ActionChallenge, SwappedPersonIsFaceChanged) {
    ChallengeConfig cfg;
    cfg.embed_interval_s = 0.5;
    ActionChallenge c(cfg, std::vector<Action>{Action::nod});
    Script s(c);
    s.ready();
    auto other = good_frame();
    other.embedding = kPersonB;
    s.feed(other, 30);
    EXPECT_EQ(c.result().failure, ChallengeFailure::face_changed);
    EXPECT_LT(c.result().min_identity_similarity, 0.1);
}

TEST(ActionChallenge, BoxJumpAsksForEmbeddingAtOnceAndBlocksProgress) {
    ActionChallenge c({}, std::vector<Action>{Action::open_mouth});
    Script s(c);
    s.ready();
    auto moved = good_frame();
    moved.face_box = {20.0F, 20.0F, 100.0F, 100.0F};
    moved.embedding = kPersonB;
    s.feed(moved, 1);  // jump: no embedding asked for yet on this frame (periodic not due)
    moved.mouth_open = 0.6;
    s.feed(moved, 1);  // the machine asks now, the swapped face is caught
    EXPECT_EQ(c.result().failure, ChallengeFailure::face_changed);
}

TEST(ActionChallenge, TurnedHeadEmbeddingsAreNotCompared) {
    ActionChallenge c({}, std::vector<Action>{Action::shake});
    Script s(c);
    s.ready();
    auto profile = with_yaw(40.0);
    profile.embedding = kPersonB;  // a profile looks unlike the frontal reference
    s.feed(profile, 10);
    EXPECT_EQ(c.state(), ChallengeState::acting);
    s.feed(good_frame(), 2);
    EXPECT_TRUE(c.result().success);
}

TEST(ActionChallenge, LowLivenessIsSpoofAfterGrace) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    Script s(c);
    s.ready();
    auto flat = good_frame();
    flat.liveness = 0.1;
    s.feed(flat, 10);  // a third of a second: tolerated
    s.feed(good_frame(), 2);
    EXPECT_EQ(c.state(), ChallengeState::acting);
    s.feed(flat, 40);
    EXPECT_EQ(c.result().failure, ChallengeFailure::spoof_suspected);
    EXPECT_LE(c.result().min_liveness, 0.1);
}

TEST(ActionChallenge, NeverGoodEnoughToStartIsPoorQuality) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    Script s(c);
    auto dark = good_frame();
    dark.quality_ok = false;
    dark.quality_prompt = "光线太暗";
    s.feed(dark, 30 * 11);
    EXPECT_EQ(c.result().failure, ChallengeFailure::poor_quality);
    bool prompted = false;
    for (const auto& e : s.events()) prompted |= e.prompt == "光线太暗";
    EXPECT_TRUE(prompted);
}

TEST(ActionChallenge, NoFaceAtAllIsFaceLost) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    Script s(c);
    s.feed(FrameMeasurement{}, 30 * 11);
    EXPECT_EQ(c.result().failure, ChallengeFailure::face_lost);
}

TEST(ActionChallenge, LongBadQualityWhileActingIsPoorQuality) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    Script s(c);
    s.ready();
    auto blurry = good_frame();
    blurry.quality_ok = false;
    s.feed(blurry, 30 * 5);
    EXPECT_EQ(c.result().failure, ChallengeFailure::poor_quality);
}

TEST(ActionChallenge, DoesNotStartWithoutReferenceEmbedding) {
    ActionChallenge c({}, std::vector<Action>{Action::nod});
    auto m = good_frame();
    m.embedding.clear();
    for (int i = 0; i < 10; ++i) {
        m.time_s = i / 30.0;
        c.update(m);
    }
    EXPECT_EQ(c.state(), ChallengeState::waiting_for_face);
}

TEST(ActionChallenge, FinishedChallengeIgnoresFrames) {
    ActionChallenge c({}, std::vector<Action>{Action::open_mouth});
    Script s(c);
    s.ready();
    auto open = good_frame();
    open.mouth_open = 0.5;
    s.feed(open, 1);
    ASSERT_TRUE(c.finished());
    EXPECT_TRUE(c.update(FrameMeasurement{}).empty());
    EXPECT_TRUE(c.result().success);
}

}  // namespace
}  // namespace pd::vision
