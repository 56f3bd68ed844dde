// Head pose signs and magnitudes on synthetic projections of a face turned by known angles.
#include "vision/head_pose.h"

#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/calib3d.hpp>

namespace pd::vision {
namespace {

// A face shape (camera axes: x right, y down, z away) distinct from the estimator's model, so
// the test does not just invert the same numbers.
const std::vector<std::pair<int, cv::Point3f>> kFace{
    {17, {-60, -40, 38}}, {21, {-14, -44, 14}}, {22, {14, -44, 14}}, {26, {60, -40, 38}},
    {36, {-43, -26, 28}}, {39, {-17, -25, 20}}, {42, {17, -25, 20}}, {45, {43, -26, 28}},
    {30, {0, 0, 0}},      {31, {-11, 11, 16}},  {35, {11, 11, 16}},  {48, {-26, 40, 24}},
    {54, {26, 40, 24}},   {8, {0, 85, 22}}};

Landmarks68 project(double yaw_right_deg, double chin_up_deg, cv::Size frame) {
    const double y = -yaw_right_deg * CV_PI / 180.0;
    const double p = -chin_up_deg * CV_PI / 180.0;
    const cv::Matx33d ry(std::cos(y), 0, std::sin(y), 0, 1, 0, -std::sin(y), 0, std::cos(y));
    const cv::Matx33d rx(1, 0, 0, 0, std::cos(p), -std::sin(p), 0, std::sin(p), std::cos(p));
    cv::Vec3d rvec;
    cv::Rodrigues(cv::Matx33d(ry * rx), rvec);
    std::vector<cv::Point3f> obj;
    for (const auto& [i, q] : kFace) obj.push_back(q);
    std::vector<cv::Point2f> img;
    const double f = frame.width;
    const cv::Matx33d k(f, 0, frame.width / 2.0, 0, f, frame.height / 2.0, 0, 0, 1);
    cv::projectPoints(obj, rvec, cv::Vec3d(0, 0, 700), k, cv::noArray(), img);
    Landmarks68 lm{};
    for (std::size_t i = 0; i < kFace.size(); ++i) lm[kFace[i].first] = img[i];
    return lm;
}

TEST(HeadPose, SignsFollowTheDocumentedConvention) {
    const cv::Size frame(640, 480);
    const auto front = estimate_head_pose(project(0, 0, frame), frame);
    ASSERT_TRUE(front.valid);
    const auto right = estimate_head_pose(project(25, 0, frame), frame);
    const auto left = estimate_head_pose(project(-25, 0, frame), frame);
    EXPECT_GT(right.yaw_deg, front.yaw_deg + 15);
    EXPECT_LT(left.yaw_deg, front.yaw_deg - 15);
    const auto up = estimate_head_pose(project(0, 20, frame), frame);
    const auto down = estimate_head_pose(project(0, -20, frame), frame);
    EXPECT_GT(up.pitch_deg, front.pitch_deg + 10);
    EXPECT_LT(down.pitch_deg, front.pitch_deg - 10);
    EXPECT_LT(std::abs(right.roll_deg), 10.0);
}

TEST(HeadPose, DegenerateLandmarksDoNotCrash) {
    Landmarks68 same{};
    for (auto& p : same) p = {100, 100};
    const auto pose = estimate_head_pose(same, {640, 480});
    EXPECT_TRUE(std::isfinite(pose.yaw_deg));
}

}  // namespace
}  // namespace pd::vision
