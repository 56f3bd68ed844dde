// The action challenge over real footage: actions the people in the videos really perform are
// recognised; a crowd appearing mid-challenge fails it.
#include <gtest/gtest.h>

#include "test_support.h"
#include "vision/challenge_session.h"
#include "vision/frame_source.h"

namespace pd::vision {
namespace {

ChallengeResult run(const std::string& video, std::vector<Action> actions,
                    std::vector<EvidenceFrame>* evidence = nullptr) {
    ChallengeSession session(test::shared_engine(), SessionOptions{}, std::move(actions));
    auto source = start_source(make_video_reader(test::faces_dir("video") / video),
                               Pacing::as_fast_as_possible);
    while (!session.finished()) {
        auto f = source->wait_next(std::chrono::seconds(10));
        if (!f) break;
        (void)session.process(f->image, f->timestamp_s);
    }
    if (evidence) *evidence = session.evidence();
    if (session.result().success) {
        EXPECT_FALSE(session.best_frame().empty());
        EXPECT_EQ(session.best_template().size(), 512U);
    }
    return session.result();
}

TEST(ChallengeVideo, D12NodThenShakePasses) {
    // The order the man in the clip really moves: a bow at ~2 s, turns at ~3 s.
    const auto r = run("liveportrait_d12.mp4", {Action::nod, Action::shake});
    EXPECT_TRUE(r.success) << to_string(r.failure) << ": " << r.detail;
    EXPECT_GT(r.min_liveness, 0.5);
    EXPECT_GT(r.min_identity_similarity, 0.42);
    EXPECT_GE(r.best_frame_index, 0);
}

TEST(ChallengeVideo, D12BlinkAndOpenMouthPass) {
    const auto r = run("liveportrait_d12.mp4", {Action::blink, Action::open_mouth});
    EXPECT_TRUE(r.success) << to_string(r.failure) << ": " << r.detail;
}

TEST(ChallengeVideo, CrowdOnStageFailsWithEvidence) {
    std::vector<EvidenceFrame> evidence;
    // Blink never happens before the shot widens to several people.
    const auto r = run("face_recognition_short_hamilton_clip.mp4", {Action::blink}, &evidence);
    EXPECT_FALSE(r.success);
    EXPECT_NE(r.failure, ChallengeFailure::none);
    EXPECT_FALSE(r.evidence_frames.empty());
    EXPECT_FALSE(evidence.empty());
}

}  // namespace
}  // namespace pd::vision
