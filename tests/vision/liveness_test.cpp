// Passive liveness ranks the live sample above both attacks (print, screen replay).
#include <gtest/gtest.h>

#include <map>

#include "test_support.h"
#include "vision/image_io.h"
#include "vision/liveness_model.h"

namespace pd::vision {
namespace {

TEST(Liveness, LiveSampleOutranksPrintAndScreenAttacks) {
    const auto dir = test::faces_dir("antispoof");
    auto& engine = test::shared_engine();
    std::map<std::string, double> score;
    std::map<std::string, std::string> label;
    for (const auto& row : test::read_csv(dir / "labels.csv")) {
        const cv::Mat img = load_image(dir / row.at(0));
        const auto faces = engine.detect(img);
        ASSERT_EQ(faces.size(), 1U) << row[0];
        score[row[0]] = engine.liveness(img, faces[0]);
        label[row[0]] = row.at(1);
    }
    double live = -1.0;
    double best_attack = -1.0;
    for (const auto& [file, s] : score) {
        (label[file] == "live" ? live : best_attack) =
            std::max(label[file] == "live" ? live : best_attack, s);
    }
    EXPECT_GT(live, best_attack);
    EXPECT_GE(live, 0.5);  // the default challenge minimum
    EXPECT_LT(best_attack, 0.5);
}

TEST(Liveness, SmootherAveragesTheWindow) {
    LivenessSmoother s(3);
    s.add(1.0);
    s.add(0.0);
    EXPECT_DOUBLE_EQ(s.value(), 0.5);
    s.add(0.5);
    s.add(1.0);  // drops the first
    EXPECT_DOUBLE_EQ(s.value(), 0.5);
    EXPECT_EQ(s.count(), 3U);
}

}  // namespace
}  // namespace pd::vision
