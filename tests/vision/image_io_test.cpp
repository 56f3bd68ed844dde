// Hostile and unusual images at the boundary: each is converted or refused with a specific
// error code, never a crash.
#include "vision/image_io.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <opencv2/imgcodecs.hpp>

#include "vision/error.h"

namespace pd::vision {
namespace {

ErrorCode code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const VisionError& e) {
        return e.code();
    }
    ADD_FAILURE() << "no VisionError thrown";
    return ErrorCode::invalid_argument;
}

TEST(ToBgr8, ConvertsGreyAlpha16BitAndFloat) {
    EXPECT_EQ(to_bgr8(cv::Mat(64, 64, CV_8UC1, cv::Scalar(9))).type(), CV_8UC3);
    EXPECT_EQ(to_bgr8(cv::Mat(64, 64, CV_8UC4, cv::Scalar(1, 2, 3, 4))).type(), CV_8UC3);
    const cv::Mat deep = to_bgr8(cv::Mat(64, 64, CV_16UC3, cv::Scalar(65535, 256, 0)));
    EXPECT_EQ(deep.type(), CV_8UC3);
    EXPECT_EQ(deep.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 1, 0));
    EXPECT_EQ(to_bgr8(cv::Mat(64, 64, CV_32FC1, cv::Scalar(0.5))).at<cv::Vec3b>(0, 0)[0], 128);
    EXPECT_EQ(to_bgr8(cv::Mat(64, 64, CV_16UC1, cv::Scalar(1000))).type(), CV_8UC3);
}

TEST(ToBgr8, RefusesWhatItCannotUse) {
    EXPECT_EQ(code_of([] { (void)to_bgr8(cv::Mat()); }), ErrorCode::image_empty);
    EXPECT_EQ(code_of([] { (void)to_bgr8(cv::Mat(1, 1, CV_8UC3)); }), ErrorCode::image_too_small);
    EXPECT_EQ(code_of([] { (void)to_bgr8(cv::Mat(64, 64, CV_8UC2)); }),
              ErrorCode::unsupported_format);
    ImageLimits tight;
    tight.max_pixels = 100 * 100;
    EXPECT_EQ(code_of([&] { (void)to_bgr8(cv::Mat(200, 200, CV_8UC3), tight); }),
              ErrorCode::image_too_large);
    const int dims[] = {2, 32, 32};
    EXPECT_EQ(code_of([&] { (void)to_bgr8(cv::Mat(3, dims, CV_8U)); }),
              ErrorCode::unsupported_format);
}

TEST(DecodeImage, CorruptAndTruncatedData) {
    const std::vector<std::uint8_t> empty;
    EXPECT_EQ(code_of([&] { (void)decode_image(empty); }), ErrorCode::image_empty);
    const std::vector<std::uint8_t> junk(1000, 0x5A);
    EXPECT_EQ(code_of([&] { (void)decode_image(junk); }), ErrorCode::image_unreadable);
    std::vector<std::uint8_t> jpeg;
    cv::imencode(".jpg", cv::Mat(120, 160, CV_8UC3, cv::Scalar(10, 100, 200)), jpeg);
    // Truncated JPEGs may decode partially (libjpeg pads) or not at all: either is fine, a
    // crash is not.
    for (std::size_t keep : {jpeg.size() / 2, std::size_t{20}, std::size_t{2}}) {
        const std::vector<std::uint8_t> cut(jpeg.begin(), jpeg.begin() + static_cast<long>(keep));
        try {
            (void)decode_image(cut);
        } catch (const VisionError& e) {
            EXPECT_TRUE(e.code() == ErrorCode::image_unreadable ||
                        e.code() == ErrorCode::image_too_small)
                << e.what();
        }
    }
    std::vector<std::uint8_t> png;
    cv::imencode(".png", cv::Mat(1, 1, CV_8UC3), png);
    EXPECT_EQ(code_of([&] { (void)decode_image(png); }), ErrorCode::image_too_small);
}

TEST(LoadImage, MissingEmptyAndTextFiles) {
    EXPECT_EQ(code_of([] { (void)load_image("/nonexistent/photo.jpg"); }),
              ErrorCode::image_unreadable);
    const auto dir = std::filesystem::temp_directory_path();
    const auto empty = dir / "pd_vision_empty.jpg";
    std::ofstream(empty).close();
    EXPECT_EQ(code_of([&] { (void)load_image(empty); }), ErrorCode::image_empty);
    const auto text = dir / "pd_vision_text.jpg";
    std::ofstream(text) << "not an image at all";
    EXPECT_EQ(code_of([&] { (void)load_image(text); }), ErrorCode::image_unreadable);
    EXPECT_EQ(code_of([&] { (void)load_image(dir); }), ErrorCode::image_unreadable);
    std::filesystem::remove(empty);
    std::filesystem::remove(text);
}

TEST(LoadImage, SixteenBitPngIsConverted) {
    const auto file = std::filesystem::temp_directory_path() / "pd_vision_16bit.png";
    cv::imwrite(file.string(), cv::Mat(64, 64, CV_16UC3, cv::Scalar(40000, 20000, 100)));
    const cv::Mat m = load_image(file);
    EXPECT_EQ(m.type(), CV_8UC3);
    std::filesystem::remove(file);
}

}  // namespace
}  // namespace pd::vision
