#include "ui/jpeg_image.h"

#include <wx/image.h>

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace pd::ui {

wxBitmap jpeg_bitmap(const std::vector<std::uint8_t>& jpeg, int box) {
    cv::Mat bgr = cv::imdecode(jpeg, cv::IMREAD_COLOR);
    if (bgr.empty()) return {};
    const double scale = std::min(1.0, static_cast<double>(box) / std::max(bgr.cols, bgr.rows));
    cv::resize(bgr, bgr, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::cvtColor(bgr, bgr, cv::COLOR_BGR2RGB);
    wxImage img(bgr.cols, bgr.rows);
    std::copy(bgr.datastart, bgr.dataend, img.GetData());
    return wxBitmap(img);
}

}  // namespace pd::ui
