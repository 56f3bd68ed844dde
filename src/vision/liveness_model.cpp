#include "vision/liveness_model.h"

#include <algorithm>
#include <cmath>

#include "vision/crop.h"

namespace pd::vision {

LivenessModel::LivenessModel(cv::dnn::Net net, LivenessConfig config)
    : net_(std::move(net)), config_(config) {}

cv::Mat LivenessModel::make_blob(const cv::Mat& bgr, const cv::Rect2f& face) const {
    const cv::Rect crop = square_crop(face, kContextScale, bgr.size());
    return cv::dnn::blobFromImage(crop_resize(bgr, crop, {kInputSize, kInputSize}), 1.0, cv::Size(),
                                  cv::Scalar(), config_.rgb_input, false, CV_32F);
}

std::vector<float> LivenessModel::probabilities(const cv::Mat& bgr, const cv::Rect2f& face) {
    net_.setInput(make_blob(bgr, face), "input");
    const cv::Mat out = net_.forward();
    const auto n = static_cast<std::size_t>(out.total());
    const auto* p = out.ptr<float>();
    const float m = *std::max_element(p, p + n);
    std::vector<float> prob(n);
    float sum = 0.0F;
    for (std::size_t i = 0; i < n; ++i) sum += prob[i] = std::exp(p[i] - m);
    for (auto& v : prob) v /= sum;
    return prob;
}

float LivenessModel::score(const cv::Mat& bgr, const cv::Rect2f& face) {
    const auto prob = probabilities(bgr, face);
    const auto k = static_cast<std::size_t>(config_.live_class);
    return k < prob.size() ? prob[k] : 0.0F;
}

double LivenessSmoother::add(double score) {
    scores_.push_back(score);
    sum_ += score;
    if (scores_.size() > window_) {
        sum_ -= scores_.front();
        scores_.pop_front();
    }
    mean_ = sum_ / static_cast<double>(scores_.size());
    return mean_;
}

}  // namespace pd::vision
