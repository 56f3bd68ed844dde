#include "vision/image_io.h"

#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "vision/error.h"

namespace pd::vision {
namespace {

std::string size_text(const cv::Mat& m) {
    return std::to_string(m.cols) + "x" + std::to_string(m.rows);
}

void check_size(const cv::Mat& m, const ImageLimits& limits) {
    if (m.empty() || m.cols <= 0 || m.rows <= 0) {
        throw VisionError(ErrorCode::image_empty, "image is empty (0 pixels)");
    }
    if (m.cols < limits.min_side || m.rows < limits.min_side) {
        throw VisionError(ErrorCode::image_too_small, "image is " + size_text(m) + "; at least " +
                                                          std::to_string(limits.min_side) +
                                                          " pixels per side are needed");
    }
    if (static_cast<std::int64_t>(m.cols) * m.rows > limits.max_pixels) {
        throw VisionError(ErrorCode::image_too_large, "image is " + size_text(m) + "; at most " +
                                                          std::to_string(limits.max_pixels) +
                                                          " pixels are accepted");
    }
}

}  // namespace

cv::Mat to_bgr8(const cv::Mat& frame, const ImageLimits& limits) {
    if (frame.dims > 2) {
        throw VisionError(ErrorCode::unsupported_format,
                          "image has " + std::to_string(frame.dims) + " dimensions; need 2");
    }
    check_size(frame, limits);
    cv::Mat eight;
    switch (frame.depth()) {
        case CV_8U:
            eight = frame;
            break;
        case CV_8S:
            frame.convertTo(eight, CV_8U, 1.0, 128.0);
            break;
        case CV_16U:
            frame.convertTo(eight, CV_8U, 1.0 / 256.0);
            break;
        case CV_16S:
            frame.convertTo(eight, CV_8U, 1.0 / 256.0, 128.0);
            break;
        case CV_32F:
        case CV_64F:
            frame.convertTo(eight, CV_8U, 255.0);
            break;
        default:
            throw VisionError(ErrorCode::unsupported_format,
                              "image pixel depth " + std::to_string(frame.depth()) +
                                  " is not supported (need 8/16-bit or float)");
    }
    cv::Mat bgr;
    switch (eight.channels()) {
        case 1:
            cv::cvtColor(eight, bgr, cv::COLOR_GRAY2BGR);
            break;
        case 3:
            bgr = eight;
            break;
        case 4:
            cv::cvtColor(eight, bgr, cv::COLOR_BGRA2BGR);
            break;
        default:
            throw VisionError(ErrorCode::unsupported_format,
                              "image has " + std::to_string(eight.channels()) +
                                  " channels; need 1 (grey), 3 (colour) or 4 (with alpha)");
    }
    return bgr;
}

cv::Mat decode_image(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    if (bytes.empty()) throw VisionError(ErrorCode::image_empty, "image data is empty (0 bytes)");
    cv::Mat decoded;
    try {
        const cv::Mat buf(1, static_cast<int>(bytes.size()), CV_8U,
                          const_cast<std::uint8_t*>(bytes.data()));
        // IMREAD_COLOR applies the EXIF orientation (the anti-spoof samples depend on it).
        decoded = cv::imdecode(buf, cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        throw VisionError(ErrorCode::image_unreadable, "image data is corrupt: " + e.msg);
    }
    if (decoded.empty()) {
        throw VisionError(ErrorCode::image_unreadable,
                          "data is not a readable image (unknown format or corrupt)");
    }
    return to_bgr8(decoded, limits);
}

cv::Mat load_image(const std::filesystem::path& file, const ImageLimits& limits) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        throw VisionError(ErrorCode::image_unreadable, "no such image file: " + file.string());
    }
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw VisionError(ErrorCode::image_unreadable, "cannot stat " + file.string());
    if (size == 0) throw VisionError(ErrorCode::image_empty, file.string() + " is 0 bytes");
    std::ifstream in(file, std::ios::binary);
    std::vector<std::uint8_t> bytes(size);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
        throw VisionError(ErrorCode::image_unreadable, "cannot read " + file.string());
    }
    try {
        return decode_image(bytes, limits);
    } catch (const VisionError& e) {
        throw VisionError(e.code(), file.string() + ": " + e.what());
    }
}

}  // namespace pd::vision
