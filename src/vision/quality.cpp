#include "vision/quality.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace pd::vision {

std::string_view to_string(QualityIssue issue) noexcept {
    switch (issue) {
        case QualityIssue::no_face:
            return "no_face";
        case QualityIssue::several_faces:
            return "several_faces";
        case QualityIssue::too_far:
            return "too_far";
        case QualityIssue::too_close:
            return "too_close";
        case QualityIssue::off_centre:
            return "off_centre";
        case QualityIssue::too_dark:
            return "too_dark";
        case QualityIssue::too_bright:
            return "too_bright";
        case QualityIssue::low_contrast:
            return "low_contrast";
        case QualityIssue::overexposed:
            return "overexposed";
        case QualityIssue::underexposed:
            return "underexposed";
        case QualityIssue::blurry:
            return "blurry";
        case QualityIssue::not_frontal:
            return "not_frontal";
    }
    return "unknown";
}

std::string_view prompt_zh(QualityIssue issue) noexcept {
    switch (issue) {
        case QualityIssue::no_face:
            return "请正对摄像头";
        case QualityIssue::several_faces:
            return "请保持画面中只有一人";
        case QualityIssue::too_far:
            return "请靠近一些";
        case QualityIssue::too_close:
            return "请离远一些";
        case QualityIssue::off_centre:
            return "请将脸部移到画面中央";
        case QualityIssue::too_dark:
            return "光线太暗";
        case QualityIssue::too_bright:
            return "光线太亮";
        case QualityIssue::low_contrast:
            return "画面不清晰，请调整光线";
        case QualityIssue::overexposed:
            return "脸部过亮，请避开强光";
        case QualityIssue::underexposed:
            return "脸部过暗，请面向光源";
        case QualityIssue::blurry:
            return "请保持不动";
        case QualityIssue::not_frontal:
            return "请正视摄像头";
    }
    return "";
}

QualityReport assess_quality(const cv::Mat& bgr, const cv::Rect2f& face, int face_count,
                             const HeadPose& pose, bool require_frontal,
                             const QualityConfig& config) {
    QualityReport q;
    if (face_count <= 0 || bgr.empty()) {
        q.issues.push_back(QualityIssue::no_face);
        return q;
    }
    if (face_count > 1) q.issues.push_back(QualityIssue::several_faces);

    q.face_height = face.height / static_cast<double>(bgr.rows);
    if (q.face_height < config.min_face_height) q.issues.push_back(QualityIssue::too_far);
    if (q.face_height > config.max_face_height) q.issues.push_back(QualityIssue::too_close);

    const double dx = (face.x + face.width / 2.0) / bgr.cols - 0.5;
    const double dy = (face.y + face.height / 2.0) / bgr.rows - 0.5;
    q.centre_offset = std::max(std::abs(dx), std::abs(dy));
    if (q.centre_offset > config.max_centre_offset) q.issues.push_back(QualityIssue::off_centre);

    const cv::Rect roi = cv::Rect(face) & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (roi.width < 4 || roi.height < 4) {
        q.issues.push_back(QualityIssue::too_far);
        return q;
    }
    // Measure on a fixed-size face so thresholds do not depend on distance or camera mode.
    cv::Mat grey;
    cv::cvtColor(bgr(roi), grey, cv::COLOR_BGR2GRAY);
    const double s = 112.0 / roi.height;
    cv::resize(grey, grey, cv::Size(std::max(1, static_cast<int>(roi.width * s)), 112), 0, 0,
               s < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Scalar mean;
    cv::Scalar stddev;
    cv::meanStdDev(grey, mean, stddev);
    q.brightness = mean[0];
    q.contrast = stddev[0];
    const double n = static_cast<double>(grey.total());
    q.clipped_high = cv::countNonZero(grey >= 250) / n;
    q.clipped_low = cv::countNonZero(grey <= 5) / n;
    cv::Mat lap;
    cv::Laplacian(grey, lap, CV_32F);
    cv::Scalar lm;
    cv::Scalar ls;
    cv::meanStdDev(lap, lm, ls);
    q.sharpness = ls[0] * ls[0];

    if (q.brightness < config.min_brightness) q.issues.push_back(QualityIssue::too_dark);
    if (q.brightness > config.max_brightness) q.issues.push_back(QualityIssue::too_bright);
    if (q.contrast < config.min_contrast) q.issues.push_back(QualityIssue::low_contrast);
    if (q.clipped_high > config.max_clipped_high) q.issues.push_back(QualityIssue::overexposed);
    if (q.clipped_low > config.max_clipped_low) q.issues.push_back(QualityIssue::underexposed);
    if (q.sharpness < config.min_sharpness) q.issues.push_back(QualityIssue::blurry);
    if (require_frontal && pose.valid &&
        (std::abs(pose.yaw_deg) > config.max_frontal_yaw_deg ||
         std::abs(pose.pitch_deg) > config.max_frontal_pitch_deg)) {
        q.issues.push_back(QualityIssue::not_frontal);
    }

    // A smooth score for ranking frames: sharp, well lit, frontal, big enough.
    auto clamp01 = [](double v) { return std::clamp(v, 0.0, 1.0); };
    const double sharp = clamp01(q.sharpness / (4.0 * config.min_sharpness));
    const double light = 1.0 - clamp01(std::abs(q.brightness - 128.0) / 128.0);
    const double size = clamp01(q.face_height / (2.0 * config.min_face_height));
    const double frontal =
        pose.valid ? 1.0 - clamp01((std::abs(pose.yaw_deg) + std::abs(pose.pitch_deg)) / 60.0)
                   : 0.5;
    q.score = 0.35 * sharp + 0.2 * light + 0.15 * size + 0.3 * frontal;
    if (face_count > 1) q.score *= 0.5;
    return q;
}

}  // namespace pd::vision
