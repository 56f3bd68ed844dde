// Pose and mouth signals move where video/annotations.csv says. The annotations are coarse and
// eyeballed, so only robust, segment-level statements are asserted.
#include <gtest/gtest.h>

#include <cmath>

#include "test_support.h"
#include "vision/frame_source.h"

namespace pd::vision {
namespace {

struct Sample {
    double t, yaw, pitch, mouth;
};

struct Segment {
    double start, end;
    std::string motion;
};

std::vector<Sample> analyse(const std::filesystem::path& video) {
    auto source = start_source(make_video_reader(video), Pacing::as_fast_as_possible);
    auto& engine = test::shared_engine();
    std::vector<Sample> out;
    while (auto f = source->wait_next(std::chrono::seconds(10))) {
        const auto a = engine.analyze(f->image, f->timestamp_s);
        if (a.primary && a.primary->pose.valid) {
            out.push_back({f->timestamp_s, a.primary->pose.yaw_deg, a.primary->pose.pitch_deg,
                           a.primary->mouth_open});
        }
    }
    return out;
}

std::vector<Segment> segments(const std::string& file) {
    std::vector<Segment> s;
    for (const auto& row : test::read_csv(test::faces_dir("video") / "annotations.csv")) {
        if (row.at(0) == file) s.push_back({std::stod(row.at(1)), std::stod(row.at(2)), row.at(3)});
    }
    return s;
}

// Mean of f over the samples inside segments whose motion text passes `pick`.
template <class Pick, class F>
double mean_over(const std::vector<Sample>& xs, const std::vector<Segment>& segs, Pick pick, F f) {
    double sum = 0.0;
    int n = 0;
    for (const auto& seg : segs) {
        if (!pick(seg.motion)) continue;
        for (const auto& x : xs) {
            if (x.t >= seg.start && x.t <= seg.end) {
                sum += f(x);
                ++n;
            }
        }
    }
    EXPECT_GT(n, 0);
    return n > 0 ? sum / n : 0.0;
}

bool starts(const std::string& s, const char* p) {
    return s.rfind(p, 0) == 0;
}
bool contains(const std::string& s, const char* p) {
    return s.find(p) != std::string::npos;
}

TEST(VideoSignals, D12YawTurnsAndMouthOpening) {
    const auto xs = analyse(test::faces_dir("video") / "liveportrait_d12.mp4");
    ASSERT_GT(xs.size(), 170U);  // 183 frames, a face in (nearly) every one
    const auto segs = segments("liveportrait_d12.mp4");
    auto abs_yaw = [](const Sample& x) { return std::abs(x.yaw); };
    auto yaw = [](const Sample& x) { return x.yaw; };
    const double frontal = mean_over(
        xs, segs, [](auto& m) { return m == "frontal"; }, abs_yaw);
    const double turned = mean_over(
        xs, segs, [](auto& m) { return starts(m, "yaw"); }, abs_yaw);
    EXPECT_GT(turned, frontal + 5.0);
    // Direction: "toward image right" reads positive, "toward image left" negative.
    EXPECT_GT(mean_over(
                  xs, segs, [](auto& m) { return contains(m, "toward image right"); }, yaw),
              5.0);
    EXPECT_LT(mean_over(
                  xs, segs, [](auto& m) { return contains(m, "toward image left"); }, yaw),
              -5.0);
    auto mouth = [](const Sample& x) { return x.mouth; };
    EXPECT_GT(mean_over(
                  xs, segs, [](auto& m) { return contains(m, "mouth open"); }, mouth),
              2.0 * mean_over(
                        xs, segs, [](auto& m) { return m == "frontal"; }, mouth));
}

TEST(VideoSignals, D3HeadBowAndMouthOpening) {
    const auto xs = analyse(test::faces_dir("video") / "liveportrait_d3.mp4");
    ASSERT_GT(xs.size(), 330U);  // 354 frames
    const auto segs = segments("liveportrait_d3.mp4");
    auto pitch = [](const Sample& x) { return x.pitch; };
    auto mouth = [](const Sample& x) { return x.mouth; };
    auto frontal = [](const std::string& m) {
        return contains(m, "frontal") && !contains(m, "mouth");
    };
    EXPECT_LT(mean_over(
                  xs, segs, [](auto& m) { return starts(m, "pitch down"); }, pitch),
              mean_over(xs, segs, frontal, pitch) - 3.0);
    EXPECT_GT(mean_over(
                  xs, segs, [](auto& m) { return contains(m, "mouth open"); }, mouth),
              4.0 * mean_over(xs, segs, frontal, mouth));
    auto abs_yaw = [](const Sample& x) { return std::abs(x.yaw); };
    EXPECT_GT(mean_over(
                  xs, segs, [](auto& m) { return starts(m, "yaw"); }, abs_yaw),
              mean_over(xs, segs, frontal, abs_yaw));
}

}  // namespace
}  // namespace pd::vision
