#pragma once

#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "vision/face_detector.h"
#include "vision/face_types.h"
#include "vision/liveness_model.h"
#include "vision/quality.h"

namespace pd::vision {

struct EngineOptions {
    // Empty: search $PENSIONDESK_MODELS, <exe>/../share/pensiondesk/models, the build tree.
    std::filesystem::path model_dir;
    DetectorConfig detector;
    LivenessConfig liveness;
    QualityConfig quality;
    int eye_open_class = 1;               // fr_eye output meaning "open" (docs/vision.md)
    double eye_closed_probability = 0.5;  // mean open probability below this = closed
    double eye_closed_ear = 0.16;         // or eye aspect ratio below this = closed
    bool embedding_rgb = false;           // BGR separates same/different pairs better (docs)
    // cv::setNumThreads for dnn; 0 leaves OpenCV's default (all cores). See performance.md.
    int threads = 0;
};

// Everything measured on the primary face of one frame.
struct FaceObservation {
    FaceBox face;
    Landmarks68 landmarks{};
    HeadPose pose;
    EyeState eyes;
    double mouth_open = 0.0;  // mouth_open_ratio(): ~0 closed, > 0.35 clearly open
    float liveness = 0.0F;    // this frame's passive score (smooth it with LivenessSmoother)
};

struct FrameAnalysis {
    double timestamp_s = 0.0;
    cv::Size frame_size;
    std::vector<FaceBox> faces;              // all faces, highest confidence first
    std::optional<FaceObservation> primary;  // the largest face
    QualityReport quality;                   // of the primary face (or no_face)
};

// The face engine: owns the networks. Construction never throws for model problems; it reports
// available() == false with a reason naming the file and checksum, so the app still starts.
// Not thread-safe: use one engine per worker thread (networks keep per-call state).
class FaceEngine {
  public:
    explicit FaceEngine(EngineOptions options = {});
    ~FaceEngine();
    FaceEngine(FaceEngine&&) noexcept;
    FaceEngine& operator=(FaceEngine&&) noexcept;
    FaceEngine(const FaceEngine&) = delete;
    FaceEngine& operator=(const FaceEngine&) = delete;

    [[nodiscard]] bool available() const noexcept;
    [[nodiscard]] const std::string& unavailable_reason() const noexcept;
    [[nodiscard]] const std::filesystem::path& model_dir() const noexcept;
    [[nodiscard]] const EngineOptions& options() const noexcept;

    // Per-frame analysis: detect, landmarks, pose, eyes, mouth, quality, passive liveness.
    // Accepts any frame to_bgr8() accepts. Throws VisionError (engine_unavailable, image_*).
    [[nodiscard]] FrameAnalysis analyze(const cv::Mat& frame, double timestamp_s = 0.0,
                                        bool require_frontal = false);

    // Faces only. `thorough` adds tiles for small faces in large still photos.
    [[nodiscard]] std::vector<FaceBox> detect(const cv::Mat& frame, bool thorough = false);
    [[nodiscard]] Landmarks68 landmarks(const cv::Mat& bgr, const FaceBox& face);
    [[nodiscard]] FaceTemplate embed(const cv::Mat& bgr, const Landmarks68& landmarks);
    [[nodiscard]] float liveness(const cv::Mat& bgr, const FaceBox& face);
    [[nodiscard]] std::vector<float> liveness_probabilities(const cv::Mat& bgr,
                                                            const FaceBox& face);

    // A still photo that must show exactly one face (reference photo, ID photo) to its
    // template. Small extra faces (< 1/3 the main face's height, e.g. in the background or on a
    // printed document) are ignored. Throws no_face / several_faces / image_*.
    [[nodiscard]] FaceTemplate template_from_photo(const cv::Mat& photo);

  private:
    struct Pipeline;
    void require() const;

    EngineOptions options_;
    std::filesystem::path model_dir_;
    std::string unavailable_reason_;
    std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace pd::vision
