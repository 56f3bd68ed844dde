// A missing or corrupt model makes the engine report itself unavailable, naming the file and
// the expected checksum; it never throws from the constructor or crashes.
#include "vision/model_store.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"
#include "vision/error.h"

namespace pd::vision {
namespace {

std::filesystem::path copy_models_to(const std::string& name) {
    const auto src = find_model_dir();
    EXPECT_TRUE(src.has_value());
    const auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    for (const auto& e : std::filesystem::directory_iterator(*src)) {
        std::filesystem::copy_file(e.path(), dir / e.path().filename());
    }
    return dir;
}

TEST(ModelStore, BuildTreeModelsAreFoundAndLoad) {
    const auto dir = find_model_dir();
    ASSERT_TRUE(dir.has_value());
    EXPECT_NO_THROW((void)load_models(*dir));
    EXPECT_TRUE(test::shared_engine().available());
}

TEST(ModelStore, MissingModelMakesEngineUnavailableWithClearMessage) {
    const auto dir = copy_models_to("pd_vision_models_missing");
    std::filesystem::remove(dir / "fr_liveness.onnx");
    EngineOptions o;
    o.model_dir = dir;
    FaceEngine engine(o);
    EXPECT_FALSE(engine.available());
    EXPECT_NE(engine.unavailable_reason().find("fr_liveness.onnx"), std::string::npos);
    EXPECT_NE(engine.unavailable_reason().find(pinned_sha256("fr_liveness.onnx")),
              std::string::npos);
    try {
        (void)engine.analyze(cv::Mat(480, 640, CV_8UC3, cv::Scalar::all(0)));
        FAIL() << "expected engine_unavailable";
    } catch (const VisionError& e) {
        EXPECT_EQ(e.code(), ErrorCode::engine_unavailable);
    }
    std::filesystem::remove_all(dir);
}

TEST(ModelStore, CorruptModelIsDetectedByChecksum) {
    const auto dir = copy_models_to("pd_vision_models_corrupt");
    {
        std::fstream f(dir / "fr_detect.onnx", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(1000);
        f.put('\x42');
    }
    EngineOptions o;
    o.model_dir = dir;
    FaceEngine engine(o);
    EXPECT_FALSE(engine.available());
    const auto& why = engine.unavailable_reason();
    EXPECT_NE(why.find("corrupt"), std::string::npos) << why;
    EXPECT_NE(why.find("fr_detect.onnx"), std::string::npos) << why;
    EXPECT_NE(why.find(pinned_sha256("fr_detect.onnx")), std::string::npos) << why;
    std::filesystem::remove_all(dir);
}

TEST(ModelStore, EnvironmentVariableComesFirstInTheSearch) {
    ::setenv("PENSIONDESK_MODELS", "/opt/pd-models-test", 1);
    const auto path = model_search_path();
    ::unsetenv("PENSIONDESK_MODELS");
    ASSERT_GE(path.size(), 2U);
    EXPECT_EQ(path.front(), std::filesystem::path("/opt/pd-models-test"));
    EXPECT_EQ(path[1].filename(), "models");  // <exe>/../share/pensiondesk/models
}

}  // namespace
}  // namespace pd::vision
