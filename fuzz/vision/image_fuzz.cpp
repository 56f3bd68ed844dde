// Fuzzes the vision layer's input boundary. Any input must end in a value or a VisionError;
// crashes, sanitizer reports and other exception types are bugs.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

#include "vision/error.h"
#include "vision/image_io.h"
#include "vision/quality.h"

namespace {

// The first 8 bytes choose a raw frame's shape and type; the rest are its pixels (repeated).
cv::Mat raw_frame(std::span<const std::uint8_t> data) {
    if (data.size() < 8) return {};
    const int rows = 1 + (data[0] | (data[1] << 8)) % 700;
    const int cols = 1 + (data[2] | (data[3] << 8)) % 700;
    static constexpr int kDepths[] = {CV_8U, CV_8S, CV_16U, CV_16S, CV_32S, CV_32F, CV_64F};
    const int depth = kDepths[data[4] % 7];
    const int channels = 1 + data[5] % 5;
    cv::Mat m(rows, cols, CV_MAKETYPE(depth, channels));
    auto* dst = m.ptr<std::uint8_t>();
    const std::size_t n = m.total() * m.elemSize();
    const auto pixels = data.subspan(8);
    for (std::size_t i = 0; i < n; ++i) dst[i] = pixels.empty() ? 0 : pixels[i % pixels.size()];
    return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    pd::vision::ImageLimits limits;
    limits.max_pixels = 4'000'000;  // keep iterations fast; the limit itself is tested too
    // Encoded image first; what no codec recognises is read as a raw frame instead.
    cv::Mat bgr;
    try {
        bgr = pd::vision::decode_image(bytes, limits);
    } catch (const pd::vision::VisionError&) {
        try {
            bgr = pd::vision::to_bgr8(raw_frame(bytes), limits);
        } catch (const pd::vision::VisionError&) {
            return 0;
        }
    }
    // Arbitrary (also out-of-frame and negative) face boxes through the quality measurements.
    float box[4] = {0, 0, 0, 0};
    std::memcpy(box, data, std::min(size, sizeof box));
    for (float& v : box) {
        if (!(v > -1e6F && v < 1e6F)) v = 0;
    }
    const cv::Rect2f face(box[0], box[1], std::abs(box[2]), std::abs(box[3]));
    (void)pd::vision::assess_quality(bgr, face, 1, {}, true);
    return 0;
}
