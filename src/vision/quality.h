#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vision/face_types.h"

namespace pd::vision {

// Why a frame is not good enough, each with a short prompt for the retiree.
enum class QualityIssue {
    no_face,
    several_faces,
    too_far,
    too_close,
    off_centre,
    too_dark,
    too_bright,
    low_contrast,
    overexposed,
    underexposed,
    blurry,
    not_frontal,
};

[[nodiscard]] std::string_view to_string(QualityIssue issue) noexcept;
// Simplified Chinese prompt, UTF-8 ("请靠近一些", "光线太暗", ...).
[[nodiscard]] std::string_view prompt_zh(QualityIssue issue) noexcept;

// Thresholds (documented in docs/vision.md). Fractions are of the frame; levels are 0..255 grey.
struct QualityConfig {
    double min_face_height = 0.18;  // face box height / frame height
    double max_face_height = 0.80;
    double max_centre_offset = 0.22;  // |face centre - frame centre| / frame size, per axis
    double min_brightness = 60.0;     // mean grey of the face
    double max_brightness = 205.0;
    double min_contrast = 18.0;         // grey standard deviation of the face
    double max_clipped_high = 0.20;     // share of face pixels >= 250
    double max_clipped_low = 0.25;      // share of face pixels <= 5
    double min_sharpness = 40.0;        // variance of the Laplacian on a 112-px-high face
    double max_frontal_yaw_deg = 20.0;  // only checked when `require_frontal`
    double max_frontal_pitch_deg = 20.0;
};

struct QualityReport {
    std::vector<QualityIssue> issues;  // empty = good
    double face_height = 0.0;
    double centre_offset = 0.0;
    double brightness = 0.0;
    double contrast = 0.0;
    double clipped_high = 0.0;
    double clipped_low = 0.0;
    double sharpness = 0.0;
    double score = 0.0;  // 0..1, higher is better; used to keep the best frame
    [[nodiscard]] bool ok() const noexcept { return issues.empty(); }
};

// Judges the primary face. `face_count` is how many faces the detector kept.
[[nodiscard]] QualityReport assess_quality(const cv::Mat& bgr, const cv::Rect2f& face,
                                           int face_count, const HeadPose& pose,
                                           bool require_frontal, const QualityConfig& config = {});

}  // namespace pd::vision
