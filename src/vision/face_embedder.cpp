#include "vision/face_embedder.h"

#include <cmath>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

namespace pd::vision {
namespace {

// Where the 5 points sit in a 112x112 ArcFace crop.
const std::array<cv::Point2f, 5> kReference{{{38.2946F, 51.6963F},
                                             {73.5318F, 51.5014F},
                                             {56.0252F, 71.7366F},
                                             {41.5493F, 92.3655F},
                                             {70.7299F, 92.2041F}}};

}  // namespace

cv::Mat align_face(const cv::Mat& bgr, const Points5& points) {
    const std::vector<cv::Point2f> src(points.begin(), points.end());
    const std::vector<cv::Point2f> dst(kReference.begin(), kReference.end());
    cv::Mat m = cv::estimateAffinePartial2D(src, dst, cv::noArray(), cv::LMEDS);
    if (m.empty()) {
        // Degenerate points (all equal): fall back to the 3-point affine of eyes and nose.
        m = cv::getAffineTransform(src.data(), dst.data());
    }
    cv::Mat aligned;
    cv::warpAffine(bgr, aligned, m, cv::Size(FaceEmbedder::kInputSize, FaceEmbedder::kInputSize),
                   cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(127, 127, 127));
    return aligned;
}

FaceEmbedder::FaceEmbedder(cv::dnn::Net net, bool rgb_input)
    : net_(std::move(net)), rgb_input_(rgb_input) {}

cv::Mat FaceEmbedder::make_blob(const cv::Mat& bgr, const Points5& points) const {
    return cv::dnn::blobFromImage(align_face(bgr, points), 1.0 / 128.0, cv::Size(),
                                  cv::Scalar(127, 127, 127), rgb_input_, false, CV_32F);
}

FaceTemplate FaceEmbedder::embed(const cv::Mat& bgr, const Points5& points) {
    net_.setInput(make_blob(bgr, points), "input");
    const cv::Mat out = net_.forward();
    const auto* p = out.ptr<float>();
    FaceTemplate t(p, p + out.total());
    double norm = 0.0;
    for (float v : t) norm += static_cast<double>(v) * v;
    norm = std::sqrt(norm);
    if (norm > 0.0) {
        for (float& v : t) v = static_cast<float>(v / norm);
    }
    return t;
}

double cosine_similarity(std::span<const float> a, std::span<const float> b) {
    if (a.empty() || a.size() != b.size()) return 0.0;
    double dot = 0.0;
    double na = 0.0;
    double nb = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += static_cast<double>(a[i]) * b[i];
        na += static_cast<double>(a[i]) * a[i];
        nb += static_cast<double>(b[i]) * b[i];
    }
    if (na <= 0.0 || nb <= 0.0 || !std::isfinite(dot)) return 0.0;
    return dot / std::sqrt(na * nb);
}

}  // namespace pd::vision
