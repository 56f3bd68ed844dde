#include "vision/quality.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace pd::vision {
namespace {

bool has(const QualityReport& q, QualityIssue i) {
    return std::find(q.issues.begin(), q.issues.end(), i) != q.issues.end();
}

// A textured, mid-grey "face" in the middle of the frame.
cv::Mat frame_with_face(cv::Rect face, double gain = 1.0, double offset = 0.0) {
    cv::Mat img(480, 640, CV_8UC3, cv::Scalar(90, 90, 90));
    // Blocks with sharp edges: contrast and detail that survive the 112-px measuring scale.
    cv::Mat blocks(12, 10, CV_8UC3);
    cv::randu(blocks, cv::Scalar(60, 60, 60), cv::Scalar(200, 200, 200));
    cv::Mat tex;
    cv::resize(blocks, tex, face.size(), 0, 0, cv::INTER_NEAREST);
    tex.convertTo(tex, CV_8UC3, gain, offset);
    tex.copyTo(img(face));
    return img;
}

const HeadPose kFrontal{0, 0, 0, true};

TEST(Quality, GoodFrameHasNoIssues) {
    const cv::Rect face(220, 120, 200, 240);
    const auto q = assess_quality(frame_with_face(face), face, 1, kFrontal, true);
    EXPECT_TRUE(q.ok()) << (q.issues.empty() ? "" : to_string(q.issues[0]));
    EXPECT_GT(q.score, 0.5);
}

TEST(Quality, EachProblemHasItsCodeAndPrompt) {
    const cv::Rect face(220, 120, 200, 240);
    EXPECT_TRUE(has(assess_quality(frame_with_face(face, 0.2), face, 1, kFrontal, false),
                    QualityIssue::too_dark));
    EXPECT_TRUE(has(assess_quality(frame_with_face(face, 0.3, 200), face, 1, kFrontal, false),
                    QualityIssue::too_bright));
    const cv::Rect small(300, 220, 40, 50);
    EXPECT_TRUE(has(assess_quality(frame_with_face(small), small, 1, kFrontal, false),
                    QualityIssue::too_far));
    const cv::Rect corner(0, 0, 150, 180);
    EXPECT_TRUE(has(assess_quality(frame_with_face(corner), corner, 1, kFrontal, false),
                    QualityIssue::off_centre));
    EXPECT_TRUE(has(assess_quality(frame_with_face(face), face, 3, kFrontal, false),
                    QualityIssue::several_faces));
    const HeadPose turned{40, 0, 0, true};
    EXPECT_TRUE(has(assess_quality(frame_with_face(face), face, 1, turned, true),
                    QualityIssue::not_frontal));
    EXPECT_FALSE(has(assess_quality(frame_with_face(face), face, 1, turned, false),
                     QualityIssue::not_frontal));
    cv::Mat flat = frame_with_face(face);
    cv::GaussianBlur(flat, flat, {31, 31}, 12);
    EXPECT_TRUE(has(assess_quality(flat, face, 1, kFrontal, false), QualityIssue::blurry));
    EXPECT_TRUE(has(assess_quality(cv::Mat(), {}, 0, {}, false), QualityIssue::no_face));

    EXPECT_EQ(prompt_zh(QualityIssue::too_far), "请靠近一些");
    EXPECT_EQ(prompt_zh(QualityIssue::too_dark), "光线太暗");
    EXPECT_EQ(prompt_zh(QualityIssue::several_faces), "请保持画面中只有一人");
    EXPECT_EQ(to_string(QualityIssue::overexposed), "overexposed");
}

TEST(Quality, FaceBoxOutsideFrameIsHandled) {
    const cv::Mat img(480, 640, CV_8UC3, cv::Scalar(100, 100, 100));
    const auto q = assess_quality(img, cv::Rect2f(-500, -500, 100, 100), 1, kFrontal, false);
    EXPECT_FALSE(q.ok());
}

}  // namespace
}  // namespace pd::vision
