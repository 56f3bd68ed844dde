#pragma once

#include <opencv2/core.hpp>

#include "vision/face_types.h"

namespace pd::vision {

// Head pose from 68 landmarks by solvePnP against a generic 3D face (14 rigid points: brows,
// eye corners, nose, mouth corners, chin), with a pinhole camera of focal length = frame width.
// fr_pose is not used: it costs ~11 ms per face on this machine, which alone would exceed the
// per-frame budget, and it gives no roll-stable angles better than this (docs/vision.md).
[[nodiscard]] HeadPose estimate_head_pose(const Landmarks68& lm, cv::Size frame);

}  // namespace pd::vision
