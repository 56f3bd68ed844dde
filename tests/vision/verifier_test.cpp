#include "vision/verifier.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "vision/face_embedder.h"

namespace pd::vision {
namespace {

FaceTemplate unit(std::initializer_list<float> v) {
    FaceTemplate t(v);
    double n = 0;
    for (float x : t) n += x * x;
    for (float& x : t) x = static_cast<float>(x / std::sqrt(n));
    return t;
}

const FaceTemplate kRetiree = unit({1, 0, 0, 0});
const FaceTemplate kStaff = unit({0, 1, 0, 0});

TEST(Cosine, BasicsAndDegenerateInputs) {
    EXPECT_NEAR(cosine_similarity(kRetiree, kRetiree), 1.0, 1e-9);
    EXPECT_NEAR(cosine_similarity(kRetiree, kStaff), 0.0, 1e-9);
    EXPECT_EQ(cosine_similarity({}, {}), 0.0);
    const FaceTemplate shorter{1, 0};
    EXPECT_EQ(cosine_similarity(kRetiree, shorter), 0.0);
    const FaceTemplate zero(4, 0.0F);
    EXPECT_EQ(cosine_similarity(kRetiree, zero), 0.0);
}

TEST(DecideMatch, AcceptsTheRetiree) {
    const auto probe = unit({0.9F, 0.1F, 0.1F, 0});
    const std::vector<FaceTemplate> retiree{kRetiree};
    const std::vector<FaceTemplate> forbidden{kStaff};
    const auto d = decide_match(probe, retiree, forbidden);
    EXPECT_TRUE(d.accepted);
    EXPECT_EQ(d.reason, MatchReason::accepted);
    EXPECT_GT(d.retiree_score, 0.9);
    EXPECT_EQ(d.forbidden_index, 0);
}

TEST(DecideMatch, RejectsAStranger) {
    const auto probe = unit({0.2F, 0.1F, 1, 0});
    const std::vector<FaceTemplate> retiree{kRetiree};
    const auto d = decide_match(probe, retiree, {});
    EXPECT_FALSE(d.accepted);
    EXPECT_EQ(d.reason, MatchReason::below_threshold);
}

TEST(DecideMatch, FlagsTheOperatorsOwnFace) {
    const auto probe = unit({0.1F, 1, 0, 0});
    const std::vector<FaceTemplate> retiree{kRetiree};
    const std::vector<FaceTemplate> forbidden{unit({0, 0, 1, 0}), kStaff};
    const auto d = decide_match(probe, retiree, forbidden);
    EXPECT_FALSE(d.accepted);
    EXPECT_EQ(d.reason, MatchReason::matches_forbidden);
    EXPECT_EQ(d.forbidden_index, 1);
}

TEST(DecideMatch, AsCloseToStaffAsToRetireeIsRefused) {
    // A look-alike relative or staff member: equal similarity must not certify.
    const auto probe = unit({1, 1, 0, 0});
    const std::vector<FaceTemplate> retiree{kRetiree};
    const std::vector<FaceTemplate> forbidden{kStaff};
    const auto d = decide_match(probe, retiree, forbidden);
    EXPECT_FALSE(d.accepted);
    EXPECT_EQ(d.reason, MatchReason::matches_forbidden);
}

TEST(DecideMatch, BestOfSeveralRetireeTemplatesCounts) {
    const auto probe = unit({0, 0, 1, 0.1F});
    const std::vector<FaceTemplate> retiree{kRetiree, unit({0, 0, 1, 0})};
    EXPECT_TRUE(decide_match(probe, retiree, {}).accepted);
}

TEST(DecideMatch, ThresholdIsASetting) {
    const auto probe = unit({0.6F, 0.8F, 0, 0});  // cosine 0.6 with the retiree
    const std::vector<FaceTemplate> retiree{kRetiree};
    VerifyConfig strict;
    strict.threshold = 0.7;
    EXPECT_TRUE(decide_match(probe, retiree, {}).accepted);
    EXPECT_FALSE(decide_match(probe, retiree, {}, strict).accepted);
}

TEST(DecideMatch, InvalidTemplatesAreRejected) {
    const std::vector<FaceTemplate> retiree{kRetiree};
    EXPECT_EQ(decide_match({}, retiree, {}).reason, MatchReason::invalid_template);
    const FaceTemplate nan{std::numeric_limits<float>::quiet_NaN(), 0, 0, 0};
    EXPECT_EQ(decide_match(nan, retiree, {}).reason, MatchReason::invalid_template);
    const FaceTemplate wrong_size{1, 0};
    EXPECT_EQ(decide_match(wrong_size, retiree, {}).reason, MatchReason::invalid_template);
    EXPECT_EQ(decide_match(kRetiree, {}, {}).reason, MatchReason::invalid_template);
    EXPECT_FALSE(decide_match(kRetiree, retiree, std::vector<FaceTemplate>{nan}).accepted);
}

}  // namespace
}  // namespace pd::vision
