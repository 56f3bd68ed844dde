#pragma once

#include <opencv2/dnn.hpp>

#include "vision/face_types.h"

namespace pd::vision {

// fr_eye: open/closed from a 24x24 grey square around one eye (side 1.6 x the eye's corner
// distance), pixel / 255; softmax over 2 classes (see docs/vision.md for which is "open").
class EyeModel {
  public:
    static constexpr int kInputSize = 24;

    explicit EyeModel(cv::dnn::Net net, int open_class = 1);

    // Probabilities that the image-left and image-right eyes are open.
    [[nodiscard]] std::pair<float, float> open_probability(const cv::Mat& bgr,
                                                           const Landmarks68& lm);
    [[nodiscard]] cv::Mat make_blob(const cv::Mat& bgr, const Landmarks68& lm, bool left) const;

  private:
    float run(const cv::Mat& blob);

    cv::dnn::Net net_;
    int open_class_;
};

}  // namespace pd::vision
