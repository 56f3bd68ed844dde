// Hostile frames through the whole engine: never a crash, always a result or a specific error.
#include <gtest/gtest.h>

#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "test_support.h"
#include "vision/error.h"
#include "vision/image_io.h"

namespace pd::vision {
namespace {

ErrorCode analyze_code(const cv::Mat& m) {
    try {
        (void)test::shared_engine().analyze(m);
    } catch (const VisionError& e) {
        return e.code();
    }
    return ErrorCode::invalid_argument;  // "no error" marker
}

TEST(HostileInput, RefusedFramesHaveSpecificCodes) {
    EXPECT_EQ(analyze_code(cv::Mat()), ErrorCode::image_empty);
    EXPECT_EQ(analyze_code(cv::Mat(1, 1, CV_8UC3, cv::Scalar::all(0))), ErrorCode::image_too_small);
    EXPECT_EQ(analyze_code(cv::Mat(1, 4000, CV_8UC3, cv::Scalar::all(0))),
              ErrorCode::image_too_small);
    EXPECT_EQ(analyze_code(cv::Mat(64, 64, CV_8UC2, cv::Scalar::all(0))),
              ErrorCode::unsupported_format);
    // 60 MP: refused before any network sees it (only the header is allocated here).
    const cv::Mat huge(7800, 7800, CV_8UC1, cv::Scalar::all(0));
    EXPECT_EQ(analyze_code(huge), ErrorCode::image_too_large);
}

TEST(HostileInput, UnusualButValidFramesAreAnalysed) {
    auto& engine = test::shared_engine();
    const cv::Mat face = load_image(test::faces_dir("antispoof") / "image_T1.jpg");
    cv::Mat grey;
    cv::cvtColor(face, grey, cv::COLOR_BGR2GRAY);
    EXPECT_TRUE(engine.analyze(grey).primary.has_value());
    cv::Mat deep;
    face.convertTo(deep, CV_16UC3, 256.0);
    EXPECT_TRUE(engine.analyze(deep).primary.has_value());
    cv::Mat bgra;
    cv::cvtColor(face, bgra, cv::COLOR_BGR2BGRA);
    EXPECT_TRUE(engine.analyze(bgra).primary.has_value());
    cv::Mat nan(480, 640, CV_32FC3, cv::Scalar::all(std::numeric_limits<float>::quiet_NaN()));
    EXPECT_NO_THROW((void)engine.analyze(nan));
    // Thin, extreme aspect ratios and a face cut by the frame edge.
    EXPECT_NO_THROW((void)engine.analyze(cv::Mat(32, 3000, CV_8UC3, cv::Scalar::all(128))));
    EXPECT_NO_THROW((void)engine.analyze(face(cv::Rect(0, 0, face.cols / 2, face.rows / 3))));
    // A large but allowed photo.
    cv::Mat big;
    cv::resize(face, big, {6000, 8000});
    EXPECT_NO_THROW((void)engine.detect(big, true));
}

TEST(HostileInput, RandomNoiseNeverCrashes) {
    auto& engine = test::shared_engine();
    cv::RNG rng(1234);
    for (int i = 0; i < 20; ++i) {
        cv::Mat m(rng.uniform(32, 700), rng.uniform(32, 700), CV_8UC3);
        rng.fill(m, cv::RNG::UNIFORM, 0, 256);
        EXPECT_NO_THROW((void)engine.analyze(m));
    }
}

TEST(HostileInput, CorruptFilesGiveReadableErrors) {
    std::vector<std::uint8_t> jpeg;
    cv::imencode(".jpg", load_image(test::faces_dir("antispoof") / "image_T1.jpg"), jpeg);
    cv::RNG rng(99);
    for (int i = 0; i < 20; ++i) {
        auto bytes = jpeg;
        for (int k = 0; k < 50; ++k) bytes[rng.uniform(0, static_cast<int>(bytes.size()))] ^= 0xFF;
        bytes.resize(static_cast<std::size_t>(rng.uniform(1, static_cast<int>(bytes.size()))));
        try {
            const cv::Mat m = decode_image(bytes);
            (void)test::shared_engine().analyze(m);
        } catch (const VisionError& e) {
            EXPECT_FALSE(std::string(e.what()).empty());
        }
    }
}

}  // namespace
}  // namespace pd::vision
