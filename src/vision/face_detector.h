#pragma once

#include <opencv2/dnn.hpp>
#include <vector>

#include "vision/face_types.h"

namespace pd::vision {

struct DetectorConfig {
    float score_threshold = 0.7F;  // fr_detect "face" class probability
    float nms_iou = 0.3F;          // boxes overlapping more than this are one face
    float min_face_px = 12.0F;     // boxes smaller than this (frame pixels) are noise
    bool rgb_input = true;         // colour order fed to the network (see docs/vision.md)
};

// fr_detect: an Ultra-Light-style SSD over a fixed 320x240 RGB input, (x - 127) / 128, that
// outputs 4420 prior boxes already decoded to normalised corners plus [background, face] scores.
class FaceDetector {
  public:
    static constexpr int kInputWidth = 320;
    static constexpr int kInputHeight = 240;

    explicit FaceDetector(cv::dnn::Net net, DetectorConfig config = {});

    // One pass over the whole frame, letterboxed to 4:3 (so faces keep their shape). Sorted by
    // confidence, highest first.
    [[nodiscard]] std::vector<FaceBox> detect(const cv::Mat& bgr);

    // For still photos (groups, ID photos): the whole-frame pass plus overlapping tiles, so faces
    // smaller than ~1/20 of a large photo are found too. Costs several passes; not for video.
    [[nodiscard]] std::vector<FaceBox> detect_thorough(const cv::Mat& bgr);

    // The network input for `bgr` and the factor from network pixels back to frame pixels.
    [[nodiscard]] cv::Mat make_blob(const cv::Mat& bgr, double& to_frame) const;

    [[nodiscard]] const DetectorConfig& config() const noexcept { return config_; }

  private:
    std::vector<FaceBox> raw_detect(const cv::Mat& bgr, cv::Point2f offset);

    cv::dnn::Net net_;
    DetectorConfig config_;
    std::vector<cv::String> out_names_;
};

// Greedy non-maximum suppression by IoU; keeps the higher confidence.
[[nodiscard]] std::vector<FaceBox> suppress_overlaps(std::vector<FaceBox> boxes, float iou);

}  // namespace pd::vision
