// Verification meets its target on testdata/faces/verification at the default threshold:
// no false accept, at least 98% of same-person pairs accepted.
#include <gtest/gtest.h>

#include <map>

#include "test_support.h"
#include "vision/error.h"
#include "vision/face_embedder.h"
#include "vision/image_io.h"
#include "vision/verifier.h"

namespace pd::vision {
namespace {

TEST(Verification, MeetsTargetOnPairs) {
    const auto dir = test::faces_dir("verification");
    auto& engine = test::shared_engine();
    std::map<std::string, FaceTemplate> templates;
    for (const auto& row : test::read_csv(dir / "identities.csv")) {
        ASSERT_NO_THROW(templates[row.at(0)] = engine.template_from_photo(load_image(dir / row[0])))
            << row[0];
    }
    const VerifyConfig cfg;
    int same = 0;
    int same_ok = 0;
    int diff = 0;
    int false_accepts = 0;
    double worst_same = 1.0;
    double worst_diff = -1.0;
    for (const auto& row : test::read_csv(dir / "pairs.csv")) {
        const double s = cosine_similarity(templates.at(row.at(0)), templates.at(row.at(1)));
        if (row.at(2) == "1") {
            ++same;
            same_ok += s >= cfg.threshold;
            worst_same = std::min(worst_same, s);
        } else {
            ++diff;
            false_accepts += s >= cfg.threshold;
            worst_diff = std::max(worst_diff, s);
        }
    }
    EXPECT_EQ(same, 90);
    EXPECT_EQ(diff, 690);
    EXPECT_EQ(false_accepts, 0) << "highest different-person similarity " << worst_diff;
    EXPECT_GE(same_ok, 89) << "lowest same-person similarity " << worst_same;  // >= 98%
}

TEST(Verification, StaffFaceIsFlaggedNotCertified) {
    const auto dir = test::faces_dir("verification/images");
    auto& engine = test::shared_engine();
    // img1 and img2 are id01 (the "retiree"); img3 is id02 (the operator at the counter).
    const auto retiree = engine.template_from_photo(load_image(dir / "img1.jpg"));
    const auto operator_face = engine.template_from_photo(load_image(dir / "img3.jpg"));
    const auto retiree_live = engine.template_from_photo(load_image(dir / "img2.jpg"));
    const std::vector<FaceTemplate> enrolled{retiree};
    const std::vector<FaceTemplate> staff{operator_face};
    EXPECT_TRUE(decide_match(retiree_live, enrolled, staff).accepted);
    const auto d = decide_match(operator_face, enrolled, staff);
    EXPECT_FALSE(d.accepted);
    EXPECT_EQ(d.reason, MatchReason::matches_forbidden);
}

TEST(Verification, PhotoWithoutFaceOrWithSeveralIsRefused) {
    auto& engine = test::shared_engine();
    try {
        (void)engine.template_from_photo(cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(200)));
        FAIL();
    } catch (const VisionError& e) {
        EXPECT_EQ(e.code(), ErrorCode::no_face);
    }
    try {
        (void)engine.template_from_photo(load_image(test::faces_dir("groups") / "sample1.jpg"));
        FAIL();
    } catch (const VisionError& e) {
        EXPECT_EQ(e.code(), ErrorCode::several_faces);
    }
}

}  // namespace
}  // namespace pd::vision
