#include "vision/sha256.h"

#include <gtest/gtest.h>

#include <fstream>

#include "vision/error.h"
#include "vision/model_store.h"

namespace pd::vision {
namespace {

TEST(Sha256, KnownVector) {
    const auto file = std::filesystem::temp_directory_path() / "pd_vision_sha_abc.txt";
    {
        std::ofstream out(file, std::ios::binary);
        out << "abc";
    }
    EXPECT_EQ(sha256_file_hex(file),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    std::filesystem::remove(file);
}

TEST(Sha256, MissingFileIsModelMissing) {
    try {
        (void)sha256_file_hex("/nonexistent/pd/model.onnx");
        FAIL() << "expected an exception";
    } catch (const VisionError& e) {
        EXPECT_EQ(e.code(), ErrorCode::model_missing);
    }
}

TEST(ModelManifest, EveryUsedModelIsPinned) {
    for (const char* f : {"fr_detect.onnx", "fr_landmark.onnx", "fr_feature.onnx",
                          "fr_liveness.onnx", "fr_eye.onnx"}) {
        EXPECT_EQ(pinned_sha256(f).size(), 64U) << f;
    }
    EXPECT_TRUE(pinned_sha256("fr_age.onnx").empty());
}

}  // namespace
}  // namespace pd::vision
