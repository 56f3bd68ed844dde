#pragma once

#include <filesystem>
#include <opencv2/dnn.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pd::vision {

// The five networks the engine runs, loaded and checksum-verified.
struct ModelSet {
    cv::dnn::Net detect;
    cv::dnn::Net landmark;
    cv::dnn::Net feature;
    cv::dnn::Net liveness;
    cv::dnn::Net eye;
};

// Folders searched for the models, in order: $PENSIONDESK_MODELS, <exe dir>/../share/pensiondesk/
// models, then the build tree's models folder (developer builds and tests).
[[nodiscard]] std::vector<std::filesystem::path> model_search_path();

// The first folder of model_search_path() that holds fr_detect.onnx, if any.
[[nodiscard]] std::optional<std::filesystem::path> find_model_dir();

// Verifies each pinned model's SHA-256 and loads it. Throws VisionError (model_missing,
// model_corrupt) whose message names the file and the expected checksum.
[[nodiscard]] ModelSet load_models(const std::filesystem::path& dir);

// The pinned SHA-256 of a model file name ("fr_detect.onnx"), or empty when not pinned.
[[nodiscard]] std::string pinned_sha256(const std::string& file_name);

}  // namespace pd::vision
