#include "vision/head_pose.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <opencv2/calib3d.hpp>

namespace pd::vision {
namespace {

struct ModelPoint {
    int index;
    cv::Point3f xyz;  // millimetres; x to the subject's left (image right), y up, z forward
};

// An average adult head, rigid points only (no jaw line or lips, which move with expressions).
const std::array<ModelPoint, 14> kModel{{
    {17, {-63.0F, 38.0F, -40.0F}},  // brow outer (image left)
    {21, {-15.0F, 42.0F, -12.0F}},  // brow inner
    {22, {15.0F, 42.0F, -12.0F}},
    {26, {63.0F, 38.0F, -40.0F}},
    {36, {-45.0F, 25.0F, -30.0F}},  // eye corners
    {39, {-16.0F, 24.0F, -22.0F}},
    {42, {16.0F, 24.0F, -22.0F}},
    {45, {45.0F, 25.0F, -30.0F}},
    {30, {0.0F, 0.0F, 0.0F}},        // nose tip
    {31, {-12.0F, -12.0F, -18.0F}},  // nostrils
    {35, {12.0F, -12.0F, -18.0F}},
    {48, {-27.0F, -38.0F, -25.0F}},  // mouth corners
    {54, {27.0F, -38.0F, -25.0F}},
    {8, {0.0F, -88.0F, -20.0F}},  // chin
}};

// The generic model's "level" is not how people face a camera: over the 40 photos of
// testdata/faces/verification (frontal portraits) the raw pitch averaged 14.9 degrees "bowed",
// so that much is taken off to make a frontal face read ~0 (docs/vision.md).
constexpr double kPitchZeroDeg = 15.0;

}  // namespace

HeadPose estimate_head_pose(const Landmarks68& lm, cv::Size frame) {
    std::vector<cv::Point3f> object;
    std::vector<cv::Point2f> image;
    object.reserve(kModel.size());
    image.reserve(kModel.size());
    for (const auto& mp : kModel) {
        // Model y is up, image y is down: flip y so the rotation comes out in image terms.
        object.emplace_back(mp.xyz.x, -mp.xyz.y, -mp.xyz.z);
        image.push_back(lm[static_cast<std::size_t>(mp.index)]);
    }
    const double f = std::max(frame.width, frame.height);
    const cv::Matx33d camera(f, 0, frame.width / 2.0, 0, f, frame.height / 2.0, 0, 0, 1);
    // Start from a frontal face at the distance its size implies: without a guess the
    // iterative solver sometimes lands in the mirrored solution (roll ~180 degrees).
    const double eye_span_px = std::hypot(lm[45].x - lm[36].x, lm[45].y - lm[36].y);
    const double z = eye_span_px > 1.0 ? f * 90.0 / eye_span_px : 1000.0;
    cv::Vec3d rvec(0.0, 0.0, 0.0);
    cv::Vec3d tvec((lm[30].x - frame.width / 2.0) * z / f, (lm[30].y - frame.height / 2.0) * z / f,
                   z);
    HeadPose pose;
    try {
        if (!cv::solvePnP(object, image, camera, cv::noArray(), rvec, tvec, true,
                          cv::SOLVEPNP_ITERATIVE)) {
            return pose;
        }
    } catch (const cv::Exception&) {
        return pose;
    }
    cv::Matx33d r;
    cv::Rodrigues(rvec, r);
    // Rotation of the head in camera coordinates (x right, y down, z away from the camera):
    // decompose as R = Ry(yaw) * Rx(pitch) * Rz(roll).
    constexpr double kDeg = 180.0 / std::numbers::pi;
    const double pitch = std::asin(std::clamp(-r(1, 2), -1.0, 1.0));
    const double yaw = std::atan2(r(0, 2), r(2, 2));
    const double roll = std::atan2(r(1, 0), r(1, 1));
    if (!std::isfinite(yaw) || !std::isfinite(pitch) || !std::isfinite(roll)) return pose;
    // The raw angles are positive for a face turned toward image left and a bowed head
    // (checked on synthetic projections, tests/vision/head_pose_test.cpp); flip them so yaw > 0
    // = toward image right and pitch > 0 = chin up, as face_types.h documents.
    pose.yaw_deg = -yaw * kDeg;
    pose.pitch_deg = -(pitch * kDeg - kPitchZeroDeg);
    pose.roll_deg = roll * kDeg;
    pose.valid = true;
    return pose;
}

}  // namespace pd::vision
