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

namespace pd::vision {
namespace {

// A camera stand-in: delivers `frames_per_connection` frames, then "unplugs"; the first
// `failed_opens` re-opens fail as if the device were still missing.
class FlakyCamera final : public FrameReader {
  public:
    FlakyCamera(int frames_per_connection, int failed_opens)
        : per_connection_(frames_per_connection), failed_opens_(failed_opens) {}
    bool open(std::string& error) override {
        if (opened_ > 0 && failed_opens_-- > 0) {
            error = "device gone";
            return false;
        }
        ++opened_;
        left_ = per_connection_;
        return true;
    }
    std::optional<cv::Mat> read(double& ts) override {
        if (left_-- <= 0) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ts = static_cast<double>(count_++) * 0.033;
        return cv::Mat(48, 64, CV_8UC3, cv::Scalar::all(count_ % 255));
    }
    void close() override {}
    CaptureMode mode() const override { return {64, 48, 30.0}; }
    bool is_live() const override { return true; }
    std::string description() const override { return "flaky"; }

  private:
    int per_connection_;
    int failed_opens_;
    int opened_ = 0;
    int left_ = 0;
    int count_ = 0;
};

TEST(FrameSource, UnpluggedCameraReconnectsAndKeepsDelivering) {
    auto src = start_source(std::make_unique<FlakyCamera>(5, 2), Pacing::realtime,
                            std::chrono::milliseconds(5), -1);
    int got = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (got < 12 && std::chrono::steady_clock::now() < deadline) {
        if (src->wait_next(std::chrono::milliseconds(100))) ++got;
    }
    EXPECT_GE(got, 12);  // frames from at least three connections
    EXPECT_GE(src->reconnects(), 2);
    EXPECT_EQ(src->mode().width, 64);
}

TEST(FrameSource, CameraThatNeverComesBackIsReported) {
    auto src = start_source(std::make_unique<FlakyCamera>(3, 1000), Pacing::realtime,
                            std::chrono::milliseconds(5), 3);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (src->status() != SourceStatus::failed && std::chrono::steady_clock::now() < deadline) {
        (void)src->wait_next(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(src->status(), SourceStatus::failed);
    EXPECT_EQ(src->last_error(), "device gone");
}

}  // namespace
}  // namespace pd::vision
