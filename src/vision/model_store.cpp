#include "vision/model_store.h"

#include <cstdlib>

#include "vision/error.h"
#include "vision/model_manifest.h"
#include "vision/sha256.h"

#ifdef _WIN32
#include <windows.h>
#endif

namespace pd::vision {
namespace {

std::optional<std::filesystem::path> executable_dir() {
#ifdef _WIN32
    std::wstring buf(32768, L'\0');
    const DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
    if (n == 0) return std::nullopt;
    buf.resize(n);
    return std::filesystem::path(buf).parent_path();
#else
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    return exe.parent_path();
#endif
}

cv::dnn::Net load_one(const std::filesystem::path& dir, std::string_view file,
                      std::string_view expected) {
    const auto path = dir / std::string(file);
    const std::string hint =
        "face model " + path.string() + " (expected SHA-256 " + std::string(expected) + ")";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw VisionError(ErrorCode::model_missing, "missing " + hint);
    }
    const auto have = sha256_file_hex(path);
    if (have != expected) {
        throw VisionError(ErrorCode::model_corrupt,
                          "corrupt " + hint + ": file has SHA-256 " + have);
    }
    try {
        auto net = cv::dnn::readNetFromONNX(path.string());
        if (net.empty()) throw VisionError(ErrorCode::model_corrupt, "empty network in " + hint);
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        return net;
    } catch (const cv::Exception& e) {
        throw VisionError(ErrorCode::model_corrupt, "OpenCV cannot load " + hint + ": " + e.msg);
    }
}

}  // namespace

std::vector<std::filesystem::path> model_search_path() {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("PENSIONDESK_MODELS"); env != nullptr && *env != '\0') {
        dirs.emplace_back(env);
    }
    if (auto exe = executable_dir()) {
        dirs.push_back(*exe / ".." / "share" / "pensiondesk" / "models");
    }
    dirs.emplace_back(std::string(generated::kBuildTreeModelDir));
    return dirs;
}

std::optional<std::filesystem::path> find_model_dir() {
    for (const auto& dir : model_search_path()) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / "fr_detect.onnx", ec)) return dir;
    }
    return std::nullopt;
}

std::string pinned_sha256(const std::string& file_name) {
    for (const auto& m : generated::kPinnedModels) {
        if (m.file == file_name) return std::string(m.sha256);
    }
    return {};
}

ModelSet load_models(const std::filesystem::path& dir) {
    auto sum = [](std::string_view f) { return pinned_sha256(std::string(f)); };
    ModelSet set;
    set.detect = load_one(dir, "fr_detect.onnx", sum("fr_detect.onnx"));
    set.landmark = load_one(dir, "fr_landmark.onnx", sum("fr_landmark.onnx"));
    set.feature = load_one(dir, "fr_feature.onnx", sum("fr_feature.onnx"));
    set.liveness = load_one(dir, "fr_liveness.onnx", sum("fr_liveness.onnx"));
    set.eye = load_one(dir, "fr_eye.onnx", sum("fr_eye.onnx"));
    return set;
}

}  // namespace pd::vision
