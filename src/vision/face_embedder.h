#pragma once

#include <opencv2/dnn.hpp>
#include <span>

#include "vision/face_types.h"

namespace pd::vision {

// fr_feature: 512-d embedding of a 112x112 face aligned by a similarity transform of the 5
// points onto the ArcFace reference positions; BGR, (x - 127) / 128. Output L2-normalised.
class FaceEmbedder {
  public:
    static constexpr int kInputSize = 112;
    static constexpr std::size_t kDimensions = 512;

    explicit FaceEmbedder(cv::dnn::Net net, bool rgb_input = false);

    [[nodiscard]] FaceTemplate embed(const cv::Mat& bgr, const Points5& points);
    [[nodiscard]] cv::Mat make_blob(const cv::Mat& bgr, const Points5& points) const;

  private:
    cv::dnn::Net net_;
    bool rgb_input_;
};

// The 112x112 aligned face (BGR), also used as evidence thumbnails.
[[nodiscard]] cv::Mat align_face(const cv::Mat& bgr, const Points5& points);

// Cosine similarity in [-1, 1]; 0 when either vector is empty, zero or the sizes differ.
[[nodiscard]] double cosine_similarity(std::span<const float> a, std::span<const float> b);

}  // namespace pd::vision
