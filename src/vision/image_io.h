#pragma once

#include <cstdint>
#include <filesystem>
#include <opencv2/core.hpp>
#include <span>

namespace pd::vision {

// What the engine accepts. Smaller images cannot hold a detectable face; larger ones would cost
// hundreds of MB per copy, so they are refused with a clear error rather than risked.
struct ImageLimits {
    int min_side = 32;
    std::int64_t max_pixels = 50'000'000;
};

// Reads an image file as 8-bit BGR with its EXIF orientation applied. Throws VisionError:
// image_unreadable (missing, not an image, corrupt), image_empty, image_too_small,
// image_too_large, unsupported_format.
[[nodiscard]] cv::Mat load_image(const std::filesystem::path& file, const ImageLimits& limits = {});

// Decodes an in-memory encoded image (JPEG, PNG, ...) the same way.
[[nodiscard]] cv::Mat decode_image(std::span<const std::uint8_t> bytes,
                                   const ImageLimits& limits = {});

// Normalises any frame to 8-bit, 3-channel BGR: grey, BGRA, 16-bit and float frames are
// converted (16-bit by >> 8, float assumed 0..1). Throws like load_image.
[[nodiscard]] cv::Mat to_bgr8(const cv::Mat& frame, const ImageLimits& limits = {});

}  // namespace pd::vision
