#include "vision/landmark_model.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "vision/crop.h"

namespace pd::vision {
namespace {

double dist(cv::Point2f a, cv::Point2f b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

}  // namespace

LandmarkModel::LandmarkModel(cv::dnn::Net net) : net_(std::move(net)) {}

cv::Mat LandmarkModel::make_blob(const cv::Mat& bgr, const cv::Rect2f& face, cv::Rect& crop) const {
    crop = square_crop(face, 1.0, bgr.size());
    cv::Mat grey;
    cv::cvtColor(crop_resize(bgr, crop, {kInputSize, kInputSize}), grey, cv::COLOR_BGR2GRAY);
    return cv::dnn::blobFromImage(grey, 1.0 / 256.0, cv::Size(), cv::Scalar(), false, false,
                                  CV_32F);
}

Landmarks68 LandmarkModel::predict(const cv::Mat& bgr, const cv::Rect2f& face) {
    cv::Rect crop;
    net_.setInput(make_blob(bgr, face, crop), "input");
    const cv::Mat out = net_.forward();
    const auto* p = out.ptr<float>();
    Landmarks68 lm{};
    for (std::size_t i = 0; i < lm.size(); ++i) {
        lm[i] = {static_cast<float>(crop.x) + p[2 * i] * static_cast<float>(crop.width),
                 static_cast<float>(crop.y) + p[2 * i + 1] * static_cast<float>(crop.height)};
    }
    return lm;
}

Points5 five_points(const Landmarks68& lm) {
    auto mean = [&](std::initializer_list<int> idx) {
        cv::Point2f s{0.0F, 0.0F};
        for (int i : idx) s += lm[static_cast<std::size_t>(i)];
        return s * (1.0F / static_cast<float>(idx.size()));
    };
    return {mean({37, 38, 40, 41}), mean({43, 44, 46, 47}), lm[30], mean({48, 60}), mean({54, 64})};
}

double eye_aspect_ratio(const Landmarks68& lm) {
    auto ear = [&](int o) {
        const auto p = [&](int k) { return lm[static_cast<std::size_t>(o + k)]; };
        const double width = std::max(1e-6, dist(p(0), p(3)));
        return (dist(p(1), p(5)) + dist(p(2), p(4))) / (2.0 * width);
    };
    return (ear(36) + ear(42)) / 2.0;
}

double mouth_open_ratio(const Landmarks68& lm) {
    const double width = std::max(1e-6, dist(lm[60], lm[64]));
    const double gap = (dist(lm[61], lm[67]) + dist(lm[62], lm[66]) + dist(lm[63], lm[65])) / 3.0;
    return gap / width;
}

}  // namespace pd::vision
