#include "vision/frame_source.h"

#include <gtest/gtest.h>

#include <thread>

#include "test_support.h"
#include "vision/error.h"

namespace pd::vision {
namespace {

using namespace std::chrono_literals;

TEST(FrameSource, FolderDeliversEveryImageInOrderThenEnds) {
    auto src =
        open_source(test::faces_dir("verification/images").string(), Pacing::as_fast_as_possible);
    std::int64_t n = 0;
    double last_t = -1.0;
    while (auto f = src->wait_next(5s)) {
        EXPECT_EQ(f->index, n++);
        EXPECT_GT(f->timestamp_s, last_t);
        last_t = f->timestamp_s;
        EXPECT_FALSE(f->image.empty());
    }
    EXPECT_EQ(n, 40);
    EXPECT_EQ(src->status(), SourceStatus::ended);
    EXPECT_GT(src->mode().width, 0);
}

TEST(FrameSource, VideoAsFastAsPossibleIsLosslessAndReportsItsMode) {
    auto src = open_source((test::faces_dir("video") / "liveportrait_d12.mp4").string(),
                           Pacing::as_fast_as_possible);
    std::int64_t n = 0;
    while (auto f = src->wait_next(5s)) ++n;
    EXPECT_GE(n, 180);
    const auto mode = src->mode();
    EXPECT_EQ(mode.width, 512);
    EXPECT_EQ(mode.height, 512);
    EXPECT_NEAR(mode.fps, 25.0, 0.5);
}

TEST(FrameSource, RealtimePlaybackKeepsTheRecordedRateAndNeverBlocks) {
    auto src =
        open_source((test::faces_dir("video") / "liveportrait_d12.mp4").string(), Pacing::realtime);
    const auto t0 = std::chrono::steady_clock::now();
    (void)src->try_latest();  // returns at once, frame or not
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 50ms);
    std::this_thread::sleep_for(600ms);
    const auto f = src->try_latest();
    ASSERT_TRUE(f.has_value());
    // After ~0.6 s of wall time the newest frame is ~0.6 s into the media (not frame 1, not
    // the end): frames that were not taken were dropped, newest wins.
    EXPECT_GT(f->timestamp_s, 0.3);
    EXPECT_LT(f->timestamp_s, 1.2);
    EXPECT_FALSE(src->try_latest().has_value());  // nothing newer yet
}

TEST(FrameSource, MissingCameraIsReportedNotHung) {
    CameraRequest r;
    r.device = "/dev/video-pd-does-not-exist";
    auto src = start_source(make_camera_reader(r), Pacing::realtime, 10ms, 2);
    EXPECT_FALSE(src->wait_next(2s).has_value());
    EXPECT_EQ(src->status(), SourceStatus::failed);
    EXPECT_EQ(src->reconnects(), 2);
    EXPECT_NE(src->last_error().find("cannot open camera"), std::string::npos);
}

TEST(FrameSource, UnknownSpecThrowsSourceUnavailable) {
    try {
        (void)open_source("/no/such/video.mp4");
        FAIL();
    } catch (const VisionError& e) {
        EXPECT_EQ(e.code(), ErrorCode::source_unavailable);
    }
}

TEST(FrameSource, DestroyingARunningSourceDoesNotHang) {
    auto src = open_source((test::faces_dir("video") / "liveportrait_d3.mp4").string(),
                           Pacing::as_fast_as_possible);
    (void)src->wait_next(2s);
    src.reset();  // producer is blocked waiting for the consumer: must still stop
    SUCCEED();
}

}  // namespace
}  // namespace pd::vision
