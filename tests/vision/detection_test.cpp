#include <gtest/gtest.h>

#include "test_support.h"
#include "vision/image_io.h"

namespace pd::vision {
namespace {

TEST(Detection, FindsEveryFaceInTheGroupPhotos) {
    const auto dir = test::faces_dir("groups");
    auto& engine = test::shared_engine();
    int checked = 0;
    for (const auto& row : test::read_csv(dir / "labels.csv")) {
        const cv::Mat img = load_image(dir / row.at(0));
        const auto faces = engine.detect(img, true);
        EXPECT_EQ(faces.size(), static_cast<std::size_t>(std::stoi(row.at(1)))) << row[0];
        for (const auto& f : faces) EXPECT_GT(f.confidence, 0.7F);
        ++checked;
    }
    EXPECT_EQ(checked, 6);
}

TEST(Detection, OneFaceInEachAntiSpoofSampleAndDocumentPhoto) {
    auto& engine = test::shared_engine();
    for (const char* f : {"image_F1.jpg", "image_F2.jpg", "image_T1.jpg"}) {
        EXPECT_EQ(engine.detect(load_image(test::faces_dir("antispoof") / f)).size(), 1U) << f;
    }
    // The specimen passport's portrait is the largest face; a template can be made from it.
    const cv::Mat doc = load_image(test::faces_dir("documents") / "passport-td3.jpg");
    EXPECT_GE(engine.detect(doc, true).size(), 1U);
}

TEST(Detection, BlankAndNoiseFramesHaveNoFaces) {
    auto& engine = test::shared_engine();
    EXPECT_TRUE(engine.detect(cv::Mat(480, 640, CV_8UC3, cv::Scalar(128, 128, 128))).empty());
    cv::Mat noise(480, 640, CV_8UC3);
    cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(255));
    EXPECT_TRUE(engine.detect(noise).empty());
}

}  // namespace
}  // namespace pd::vision
