#pragma once

#include <opencv2/core.hpp>

namespace pd::vision {

// A square around `box`'s centre with side `scale` * box height (the detector boxes are trained
// to be judged by their height), shifted to stay inside the image as far as it fits, then
// clamped. Mirrors how the models' training crops were made.
[[nodiscard]] cv::Rect square_crop(const cv::Rect2f& box, double scale, cv::Size image);

// `rect` of `image` resized to `out`; rect must lie inside the image.
[[nodiscard]] cv::Mat crop_resize(const cv::Mat& image, const cv::Rect& rect, cv::Size out);

}  // namespace pd::vision
