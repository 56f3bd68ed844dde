#pragma once

#include <cstddef>
#include <deque>
#include <opencv2/dnn.hpp>

#include "vision/face_types.h"

namespace pd::vision {

struct LivenessConfig {
    bool rgb_input = false;  // colour order fed to the network (chosen by experiment)
    int live_class = 0;      // which of the 3 outputs means "live" (chosen by experiment)
};

// fr_liveness: MiniFASNet-style passive anti-spoofing on a 128x128 crop of 2.7 x the face box,
// raw 0..255 pixels, 3 outputs; softmax probability of the live class is the score.
class LivenessModel {
  public:
    static constexpr int kInputSize = 128;
    static constexpr double kContextScale = 2.7;

    explicit LivenessModel(cv::dnn::Net net, LivenessConfig config = {});

    // Probability in [0, 1] that the face is live.
    [[nodiscard]] float score(const cv::Mat& bgr, const cv::Rect2f& face);
    // All class probabilities (for experiments and docs).
    [[nodiscard]] std::vector<float> probabilities(const cv::Mat& bgr, const cv::Rect2f& face);
    [[nodiscard]] cv::Mat make_blob(const cv::Mat& bgr, const cv::Rect2f& face) const;

  private:
    cv::dnn::Net net_;
    LivenessConfig config_;
};

// Mean of the last `window` per-frame scores: one odd frame (motion blur, a blink) must not
// fail a session, but a photo held up for a second must.
class LivenessSmoother {
  public:
    explicit LivenessSmoother(std::size_t window = 8) : window_(window == 0 ? 1 : window) {}
    double add(double score);
    [[nodiscard]] double value() const noexcept { return mean_; }
    [[nodiscard]] std::size_t count() const noexcept { return scores_.size(); }
    void reset() { scores_.clear(), mean_ = 0.0, sum_ = 0.0; }

  private:
    std::size_t window_;
    std::deque<double> scores_;
    double sum_ = 0.0;
    double mean_ = 0.0;
};

}  // namespace pd::vision
