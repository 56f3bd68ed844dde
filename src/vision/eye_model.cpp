#include "vision/eye_model.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "vision/crop.h"

namespace pd::vision {

EyeModel::EyeModel(cv::dnn::Net net, int open_class)
    : net_(std::move(net)), open_class_(open_class) {}

cv::Mat EyeModel::make_blob(const cv::Mat& bgr, const Landmarks68& lm, bool left) const {
    const int o = left ? 36 : 42;
    cv::Point2f c{0.0F, 0.0F};
    for (int k : {1, 2, 4, 5}) c += lm[static_cast<std::size_t>(o + k)];
    c *= 0.25F;
    const float side = std::max(4.0F, 1.6F * std::abs(lm[static_cast<std::size_t>(o + 3)].x -
                                                      lm[static_cast<std::size_t>(o)].x));
    const cv::Rect2f box(c.x - side / 2.0F, c.y - side / 2.0F, side, side);
    const cv::Rect crop = square_crop(box, 1.0, bgr.size());
    cv::Mat grey;
    cv::cvtColor(crop_resize(bgr, crop, {kInputSize, kInputSize}), grey, cv::COLOR_BGR2GRAY);
    return cv::dnn::blobFromImage(grey, 1.0 / 255.0, cv::Size(), cv::Scalar(), false, false,
                                  CV_32F);
}

float EyeModel::run(const cv::Mat& blob) {
    net_.setInput(blob, "input");
    const cv::Mat out = net_.forward();
    const auto* p = out.ptr<float>();
    const float m = std::max(p[0], p[1]);
    const float e0 = std::exp(p[0] - m);
    const float e1 = std::exp(p[1] - m);
    return (open_class_ == 0 ? e0 : e1) / (e0 + e1);
}

std::pair<float, float> EyeModel::open_probability(const cv::Mat& bgr, const Landmarks68& lm) {
    return {run(make_blob(bgr, lm, true)), run(make_blob(bgr, lm, false))};
}

}  // namespace pd::vision
