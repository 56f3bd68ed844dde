#pragma once

#include <array>
#include <opencv2/core.hpp>
#include <vector>

namespace pd::vision {

// A detected face in frame pixels.
struct FaceBox {
    cv::Rect2f box;
    float confidence = 0.0F;
};

// 68 points in the iBUG 300-W order (jaw 0-16, brows 17-26, nose 27-35, eyes 36-47, mouth
// 48-67), in frame pixels.
using Landmarks68 = std::array<cv::Point2f, 68>;

// The 5 points the embedding is aligned on: eye centres (image left, image right), nose tip,
// mouth corners (image left, image right).
using Points5 = std::array<cv::Point2f, 5>;

// Degrees. Yaw > 0: the face turns toward image right; pitch > 0: head tilts up (chin up);
// roll > 0: clockwise in the image.
struct HeadPose {
    double yaw_deg = 0.0;
    double pitch_deg = 0.0;
    double roll_deg = 0.0;
    bool valid = false;
};

struct EyeState {
    float left_open = 1.0F;     // fr_eye probability that the image-left eye is open
    float right_open = 1.0F;    // same for the image-right eye
    double aspect_ratio = 0.0;  // eye aspect ratio from landmarks, mean of both eyes
    bool closed = false;        // decision used by the blink action
};

// An L2-normalised 512-d face embedding. Plain floats so another layer can encrypt and store it.
using FaceTemplate = std::vector<float>;

}  // namespace pd::vision
