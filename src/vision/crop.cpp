#include "vision/crop.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace pd::vision {

cv::Rect square_crop(const cv::Rect2f& box, double scale, cv::Size image) {
    const double cx = box.x + box.width / 2.0;
    const double cy = box.y + box.height / 2.0;
    double side = std::max(1.0, static_cast<double>(box.height) * scale);
    side = std::min({side, static_cast<double>(image.width), static_cast<double>(image.height)});
    double x0 = cx - side / 2.0;
    double y0 = cy - side / 2.0;
    x0 = std::clamp(x0, 0.0, image.width - side);
    y0 = std::clamp(y0, 0.0, image.height - side);
    cv::Rect r(static_cast<int>(std::lround(x0)), static_cast<int>(std::lround(y0)),
               static_cast<int>(std::lround(side)), static_cast<int>(std::lround(side)));
    return r & cv::Rect(0, 0, image.width, image.height);
}

cv::Mat crop_resize(const cv::Mat& image, const cv::Rect& rect, cv::Size out) {
    cv::Mat dst;
    const cv::Rect safe = rect & cv::Rect(0, 0, image.cols, image.rows);
    if (safe.width <= 0 || safe.height <= 0) return cv::Mat::zeros(out, image.type());
    const bool shrinking = safe.width > out.width;
    cv::resize(image(safe), dst, out, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    return dst;
}

}  // namespace pd::vision
