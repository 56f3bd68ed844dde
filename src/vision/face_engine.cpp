#include "vision/face_engine.h"

#include <algorithm>
#include <opencv2/core/utility.hpp>

#include "vision/error.h"
#include "vision/eye_model.h"
#include "vision/face_embedder.h"
#include "vision/head_pose.h"
#include "vision/image_io.h"
#include "vision/landmark_model.h"
#include "vision/model_store.h"

namespace pd::vision {

struct FaceEngine::Pipeline {
    FaceDetector detector;
    LandmarkModel landmark;
    FaceEmbedder embedder;
    LivenessModel liveness;
    EyeModel eye;
};

FaceEngine::FaceEngine(EngineOptions options) : options_(std::move(options)) {
    if (options_.threads > 0) cv::setNumThreads(options_.threads);
    if (!options_.model_dir.empty()) {
        model_dir_ = options_.model_dir;
    } else if (auto found = find_model_dir()) {
        model_dir_ = *found;
    } else {
        std::string searched;
        for (const auto& d : model_search_path()) searched += " " + d.string();
        unavailable_reason_ = "face models not found (fr_detect.onnx, expected SHA-256 " +
                              pinned_sha256("fr_detect.onnx") + ") in:" + searched;
        return;
    }
    try {
        ModelSet m = load_models(model_dir_);
        pipeline_ = std::make_unique<Pipeline>(
            Pipeline{FaceDetector(std::move(m.detect), options_.detector),
                     LandmarkModel(std::move(m.landmark)),
                     FaceEmbedder(std::move(m.feature), options_.embedding_rgb),
                     LivenessModel(std::move(m.liveness), options_.liveness),
                     EyeModel(std::move(m.eye), options_.eye_open_class)});
    } catch (const VisionError& e) {
        unavailable_reason_ = e.what();
    } catch (const cv::Exception& e) {
        unavailable_reason_ = "OpenCV failed to load the face models: " + e.msg;
    }
}

FaceEngine::~FaceEngine() = default;
FaceEngine::FaceEngine(FaceEngine&&) noexcept = default;
FaceEngine& FaceEngine::operator=(FaceEngine&&) noexcept = default;

bool FaceEngine::available() const noexcept {
    return pipeline_ != nullptr;
}
const std::string& FaceEngine::unavailable_reason() const noexcept {
    return unavailable_reason_;
}
const std::filesystem::path& FaceEngine::model_dir() const noexcept {
    return model_dir_;
}
const EngineOptions& FaceEngine::options() const noexcept {
    return options_;
}

void FaceEngine::require() const {
    if (!pipeline_) {
        throw VisionError(ErrorCode::engine_unavailable,
                          "face engine unavailable: " + unavailable_reason_);
    }
}

std::vector<FaceBox> FaceEngine::detect(const cv::Mat& frame, bool thorough) {
    require();
    const cv::Mat bgr = to_bgr8(frame);
    return thorough ? pipeline_->detector.detect_thorough(bgr) : pipeline_->detector.detect(bgr);
}

Landmarks68 FaceEngine::landmarks(const cv::Mat& bgr, const FaceBox& face) {
    require();
    return pipeline_->landmark.predict(bgr, face.box);
}

FaceTemplate FaceEngine::embed(const cv::Mat& bgr, const Landmarks68& lm) {
    require();
    return pipeline_->embedder.embed(bgr, five_points(lm));
}

float FaceEngine::liveness(const cv::Mat& bgr, const FaceBox& face) {
    require();
    return pipeline_->liveness.score(bgr, face.box);
}

std::vector<float> FaceEngine::liveness_probabilities(const cv::Mat& bgr, const FaceBox& face) {
    require();
    return pipeline_->liveness.probabilities(bgr, face.box);
}

FrameAnalysis FaceEngine::analyze(const cv::Mat& frame, double timestamp_s, bool require_frontal) {
    require();
    const cv::Mat bgr = to_bgr8(frame);
    FrameAnalysis a;
    a.timestamp_s = timestamp_s;
    a.frame_size = bgr.size();
    a.faces = pipeline_->detector.detect(bgr);
    if (a.faces.empty()) {
        a.quality = assess_quality(bgr, {}, 0, {}, require_frontal, options_.quality);
        return a;
    }
    const auto largest = std::max_element(
        a.faces.begin(), a.faces.end(),
        [](const FaceBox& x, const FaceBox& y) { return x.box.area() < y.box.area(); });
    FaceObservation o;
    o.face = *largest;
    o.landmarks = pipeline_->landmark.predict(bgr, o.face.box);
    o.pose = estimate_head_pose(o.landmarks, bgr.size());
    const auto [left, right] = pipeline_->eye.open_probability(bgr, o.landmarks);
    o.eyes.left_open = left;
    o.eyes.right_open = right;
    o.eyes.aspect_ratio = eye_aspect_ratio(o.landmarks);
    o.eyes.closed = (left + right) / 2.0F < options_.eye_closed_probability ||
                    o.eyes.aspect_ratio < options_.eye_closed_ear;
    o.mouth_open = mouth_open_ratio(o.landmarks);
    o.liveness = pipeline_->liveness.score(bgr, o.face.box);
    a.quality = assess_quality(bgr, o.face.box, static_cast<int>(a.faces.size()), o.pose,
                               require_frontal, options_.quality);
    a.primary = o;
    return a;
}

FaceTemplate FaceEngine::template_from_photo(const cv::Mat& photo) {
    require();
    const cv::Mat bgr = to_bgr8(photo);
    auto faces = pipeline_->detector.detect_thorough(bgr);
    if (faces.empty()) throw VisionError(ErrorCode::no_face, "no face found in the photo");
    std::sort(faces.begin(), faces.end(),
              [](const FaceBox& x, const FaceBox& y) { return x.box.height > y.box.height; });
    if (faces.size() > 1 && faces[1].box.height * 3.0F >= faces[0].box.height) {
        throw VisionError(ErrorCode::several_faces,
                          std::to_string(faces.size()) + " faces found in the photo; need one");
    }
    const auto lm = pipeline_->landmark.predict(bgr, faces[0].box);
    return pipeline_->embedder.embed(bgr, five_points(lm));
}

}  // namespace pd::vision
