#pragma once

#include <opencv2/dnn.hpp>

#include "vision/face_types.h"

namespace pd::vision {

// fr_landmark: 68 points from a 64x64 grey crop of the detector box (square, side = box
// height), pixel / 256, output 136 values = (x, y) pairs normalised to the crop.
class LandmarkModel {
  public:
    static constexpr int kInputSize = 64;

    explicit LandmarkModel(cv::dnn::Net net);

    [[nodiscard]] Landmarks68 predict(const cv::Mat& bgr, const cv::Rect2f& face);
    [[nodiscard]] cv::Mat make_blob(const cv::Mat& bgr, const cv::Rect2f& face,
                                    cv::Rect& crop) const;

  private:
    cv::dnn::Net net_;
};

// The 5 alignment points from 68 landmarks: eye centres = mean of the 4 lid points, nose tip
// (30), mouth corners = mean of outer and inner corner.
[[nodiscard]] Points5 five_points(const Landmarks68& lm);

// Eye aspect ratio of the two eyes (mean): lid distance over eye width; ~0.3 open, < 0.2 shut.
[[nodiscard]] double eye_aspect_ratio(const Landmarks68& lm);

// Mouth opening: mean inner-lip gap (61-67, 62-66, 63-65) over inner mouth width (60-64).
[[nodiscard]] double mouth_open_ratio(const Landmarks68& lm);

}  // namespace pd::vision
