#include "vision/face_detector.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace pd::vision {

FaceDetector::FaceDetector(cv::dnn::Net net, DetectorConfig config)
    : net_(std::move(net)), config_(config), out_names_{"boxes", "scores"} {}

cv::Mat FaceDetector::make_blob(const cv::Mat& bgr, double& to_frame) const {
    const double scale = std::min(static_cast<double>(kInputWidth) / bgr.cols,
                                  static_cast<double>(kInputHeight) / bgr.rows);
    const int w = std::clamp(static_cast<int>(std::lround(bgr.cols * scale)), 1, kInputWidth);
    const int h = std::clamp(static_cast<int>(std::lround(bgr.rows * scale)), 1, kInputHeight);
    cv::Mat canvas(kInputHeight, kInputWidth, CV_8UC3, cv::Scalar(127, 127, 127));
    cv::resize(bgr, canvas(cv::Rect(0, 0, w, h)), cv::Size(w, h), 0, 0,
               scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    to_frame = 1.0 / scale;
    return cv::dnn::blobFromImage(canvas, 1.0 / 128.0, cv::Size(), cv::Scalar(127, 127, 127),
                                  config_.rgb_input, false, CV_32F);
}

std::vector<FaceBox> FaceDetector::raw_detect(const cv::Mat& bgr, cv::Point2f offset) {
    double to_frame = 1.0;
    const cv::Mat blob = make_blob(bgr, to_frame);
    net_.setInput(blob, "input");
    std::vector<cv::Mat> outs;
    net_.forward(outs, out_names_);
    const cv::Mat& boxes = outs[0];   // [1, N, 4]
    const cv::Mat& scores = outs[1];  // [1, N, 2]
    const int n = boxes.size[1];
    const auto* b = boxes.ptr<float>();
    const auto* s = scores.ptr<float>();
    std::vector<FaceBox> found;
    for (int i = 0; i < n; ++i) {
        const float score = s[2 * i + 1];
        if (!(score >= config_.score_threshold)) continue;  // also drops NaN
        const auto fx = static_cast<float>(kInputWidth * to_frame);
        const auto fy = static_cast<float>(kInputHeight * to_frame);
        const auto w = static_cast<float>(bgr.cols);
        const auto h = static_cast<float>(bgr.rows);
        const float x1 = std::clamp(b[4 * i + 0] * fx, 0.0F, w);
        const float y1 = std::clamp(b[4 * i + 1] * fy, 0.0F, h);
        const float x2 = std::clamp(b[4 * i + 2] * fx, 0.0F, w);
        const float y2 = std::clamp(b[4 * i + 3] * fy, 0.0F, h);
        if (x2 - x1 < config_.min_face_px || y2 - y1 < config_.min_face_px) continue;
        found.push_back({cv::Rect2f(x1 + offset.x, y1 + offset.y, x2 - x1, y2 - y1), score});
    }
    return found;
}

std::vector<FaceBox> FaceDetector::detect(const cv::Mat& bgr) {
    return suppress_overlaps(raw_detect(bgr, {0.0F, 0.0F}), config_.nms_iou);
}

std::vector<FaceBox> FaceDetector::detect_thorough(const cv::Mat& bgr) {
    auto all = raw_detect(bgr, {0.0F, 0.0F});
    // Tiles of half the frame (plus overlap) double the effective resolution.
    const int tw = std::max(bgr.cols / 2 + bgr.cols / 8, 1);
    const int th = std::max(bgr.rows / 2 + bgr.rows / 8, 1);
    if (bgr.cols >= kInputWidth && bgr.rows >= kInputHeight) {
        for (int y : {0, bgr.rows - th}) {
            for (int x : {0, (bgr.cols - tw) / 2, bgr.cols - tw}) {
                const cv::Rect tile(x, y, tw, th);
                auto part = raw_detect(bgr(tile),
                                       cv::Point2f(static_cast<float>(x), static_cast<float>(y)));
                // Tiles exist for small faces; a big face seen by a tile is often a half face,
                // and faces cut by a tile edge are judged by the whole-frame pass instead.
                const auto fx = static_cast<float>(x);
                const auto fy = static_cast<float>(y);
                const auto fw = static_cast<float>(tw);
                const auto fh = static_cast<float>(th);
                for (auto& f : part) {
                    const bool on_edge = (f.box.x <= fx + 2 && x > 0) ||
                                         (f.box.y <= fy + 2 && y > 0) ||
                                         (f.box.br().x >= fx + fw - 2 && x + tw < bgr.cols) ||
                                         (f.box.br().y >= fy + fh - 2 && y + th < bgr.rows);
                    const bool small = f.box.height < fh / 4.0F;
                    if (!on_edge && small) all.push_back(f);
                }
            }
        }
    }
    return suppress_overlaps(std::move(all), config_.nms_iou);
}

std::vector<FaceBox> suppress_overlaps(std::vector<FaceBox> boxes, float iou) {
    std::sort(boxes.begin(), boxes.end(),
              [](const FaceBox& a, const FaceBox& b) { return a.confidence > b.confidence; });
    std::vector<FaceBox> kept;
    for (const auto& f : boxes) {
        bool overlaps = false;
        for (const auto& k : kept) {
            const float inter = (f.box & k.box).area();
            const float uni = f.box.area() + k.box.area() - inter;
            // Also drop a box mostly inside a kept one (a face part found as a face).
            const float inside = inter / std::max(1e-6F, std::min(f.box.area(), k.box.area()));
            if ((uni > 0.0F && inter / uni > iou) || inside > 0.8F) {
                overlaps = true;
                break;
            }
        }
        if (!overlaps) kept.push_back(f);
    }
    return kept;
}

}  // namespace pd::vision
