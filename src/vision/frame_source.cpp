#include "vision/frame_source.h"

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <thread>

#include "vision/error.h"

namespace pd::vision {

std::string_view to_string(SourceStatus status) noexcept {
    switch (status) {
        case SourceStatus::starting:
            return "starting";
        case SourceStatus::running:
            return "running";
        case SourceStatus::ended:
            return "ended";
        case SourceStatus::disconnected:
            return "disconnected";
        case SourceStatus::reconnecting:
            return "reconnecting";
        case SourceStatus::failed:
            return "failed";
    }
    return "unknown";
}

namespace {

using Clock = std::chrono::steady_clock;

// The platform's native camera API; the same code path on every OS.
int camera_api() {
#if defined(_WIN32)
    return cv::CAP_MSMF;
#elif defined(__APPLE__)
    return cv::CAP_AVFOUNDATION;
#else
    return cv::CAP_V4L2;
#endif
}

class CameraReader final : public FrameReader {
  public:
    explicit CameraReader(CameraRequest r) : req_(std::move(r)) {}

    bool open(std::string& error) override {
        close();
        const bool by_path = !req_.device.empty();
        auto try_open = [&](int api) {
            return by_path ? cap_.open(req_.device, api) : cap_.open(req_.index, api);
        };
        bool ok = try_open(camera_api());
#if defined(_WIN32)
        if (!ok) ok = try_open(cv::CAP_DSHOW);  // older webcams only speak DirectShow
#endif
        if (!ok) {
            error = "cannot open camera " + description();
            return false;
        }
        // Negotiate: ask for each preferred mode and keep the first one really delivered.
        cv::Mat probe;
        for (const auto& want : req_.preferred) {
            cap_.set(cv::CAP_PROP_FRAME_WIDTH, want.width);
            cap_.set(cv::CAP_PROP_FRAME_HEIGHT, want.height);
            cap_.set(cv::CAP_PROP_FPS, want.fps);
            if (cap_.read(probe) && probe.cols == want.width && probe.rows == want.height) break;
        }
        if (probe.empty() && !cap_.read(probe)) {
            error = "camera " + description() + " opened but delivers no frames";
            cap_.release();
            return false;
        }
        mode_ = {probe.cols, probe.rows, cap_.get(cv::CAP_PROP_FPS)};
        start_ = Clock::now();
        return true;
    }

    std::optional<cv::Mat> read(double& ts) override {
        cv::Mat f;
        if (!cap_.isOpened() || !cap_.read(f) || f.empty()) return std::nullopt;
        ts = std::chrono::duration<double>(Clock::now() - start_).count();
        return f;
    }

    void close() override {
        cap_.release();
    }
    CaptureMode mode() const override {
        return mode_;
    }
    bool is_live() const override {
        return true;
    }
    std::string description() const override {
        return req_.device.empty() ? "camera:" + std::to_string(req_.index) : req_.device;
    }

  private:
    CameraRequest req_;
    cv::VideoCapture cap_;
    CaptureMode mode_;
    Clock::time_point start_;
};

class VideoReader final : public FrameReader {
  public:
    explicit VideoReader(std::filesystem::path file) : file_(std::move(file)) {}

    bool open(std::string& error) override {
        if (!cap_.open(file_.string(), cv::CAP_FFMPEG) && !cap_.open(file_.string())) {
            error = "cannot open video " + file_.string();
            return false;
        }
        mode_ = {static_cast<int>(cap_.get(cv::CAP_PROP_FRAME_WIDTH)),
                 static_cast<int>(cap_.get(cv::CAP_PROP_FRAME_HEIGHT)), cap_.get(cv::CAP_PROP_FPS)};
        if (!(mode_.fps > 0.0 && mode_.fps < 1000.0)) mode_.fps = 25.0;
        count_ = 0;
        return true;
    }

    std::optional<cv::Mat> read(double& ts) override {
        cv::Mat f;
        if (!cap_.read(f) || f.empty()) return std::nullopt;
        // Index / fps, not POS_MSEC: the container's clock is not reliable for every file.
        ts = static_cast<double>(count_++) / mode_.fps;
        return f;
    }

    void close() override { cap_.release(); }
    CaptureMode mode() const override { return mode_; }
    bool is_live() const override { return false; }
    std::string description() const override { return file_.string(); }

  private:
    std::filesystem::path file_;
    cv::VideoCapture cap_;
    CaptureMode mode_;
    std::int64_t count_ = 0;
};

class FolderReader final : public FrameReader {
  public:
    FolderReader(std::filesystem::path dir, double fps) : dir_(std::move(dir)), fps_(fps) {}

    bool open(std::string& error) override {
        files_.clear();
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(dir_, ec)) {
            auto ext = e.path().extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".bmp") {
                files_.push_back(e.path());
            }
        }
        if (ec || files_.empty()) {
            error = "no images (jpg, png, bmp) in folder " + dir_.string();
            return false;
        }
        std::sort(files_.begin(), files_.end());
        next_ = 0;
        cv::Mat first = cv::imread(files_.front().string(), cv::IMREAD_COLOR);
        mode_ = {first.cols, first.rows, fps_};
        return true;
    }

    std::optional<cv::Mat> read(double& ts) override {
        while (next_ < files_.size()) {
            const auto i = next_++;
            cv::Mat f = cv::imread(files_[i].string(), cv::IMREAD_COLOR);
            if (f.empty()) continue;  // skip unreadable files rather than end the stream
            ts = static_cast<double>(i) / fps_;
            return f;
        }
        return std::nullopt;
    }

    void close() override {}
    CaptureMode mode() const override { return mode_; }
    bool is_live() const override { return false; }
    std::string description() const override { return dir_.string(); }

  private:
    std::filesystem::path dir_;
    double fps_;
    std::vector<std::filesystem::path> files_;
    std::size_t next_ = 0;
    CaptureMode mode_;
};

class ThreadedSource final : public FrameSource {
  public:
    ThreadedSource(std::unique_ptr<FrameReader> reader, Pacing pacing,
                   std::chrono::milliseconds reconnect_interval, int max_reconnects)
        : reader_(std::move(reader)),
          pacing_(pacing),
          reconnect_interval_(reconnect_interval),
          max_reconnects_(max_reconnects) {
        description_ = reader_->description();
        thread_ = std::jthread([this](std::stop_token st) { run(st); });
    }

    ~ThreadedSource() override {
        thread_.request_stop();
        // Under the lock, so a producer between its predicate check and its wait cannot miss it.
        std::lock_guard lock(mutex_);
        cv_.notify_all();
    }

    std::optional<Frame> try_latest() override {
        std::lock_guard lock(mutex_);
        return take();
    }

    std::optional<Frame> wait_next(std::chrono::milliseconds timeout) override {
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, timeout, [&] {
            return fresh_ || status_ == SourceStatus::ended || status_ == SourceStatus::failed;
        });
        return take();
    }

    SourceStatus status() const override {
        std::lock_guard lock(mutex_);
        // Frames still waiting to be taken keep an ended source "running" for the consumer.
        if (fresh_ && status_ == SourceStatus::ended) return SourceStatus::running;
        return status_;
    }
    CaptureMode mode() const override {
        std::lock_guard lock(mutex_);
        return mode_;
    }
    std::string description() const override { return description_; }
    std::string last_error() const override {
        std::lock_guard lock(mutex_);
        return error_;
    }
    int reconnects() const override {
        std::lock_guard lock(mutex_);
        return reconnects_;
    }

  private:
    std::optional<Frame> take() {
        if (!fresh_) return std::nullopt;
        fresh_ = false;
        cv_.notify_all();  // a lossless producer waits for this
        return latest_;
    }

    void set_status(SourceStatus s, std::string error = {}) {
        std::lock_guard lock(mutex_);
        status_ = s;
        if (!error.empty()) error_ = std::move(error);
        cv_.notify_all();
    }

    bool open_reader(std::stop_token st) {
        std::string error;
        while (!st.stop_requested()) {
            if (reader_->open(error)) {
                std::lock_guard lock(mutex_);
                mode_ = reader_->mode();
                status_ = SourceStatus::running;
                return true;
            }
            std::unique_lock lock(mutex_);
            error_ = error;
            if (!reader_->is_live() || (max_reconnects_ >= 0 && reconnects_ >= max_reconnects_)) {
                status_ = SourceStatus::failed;
                cv_.notify_all();
                return false;
            }
            ++reconnects_;
            status_ = SourceStatus::reconnecting;
            cv_.wait_for(lock, reconnect_interval_, [&] { return st.stop_requested(); });
        }
        return false;
    }

    void run(std::stop_token st) {
        if (!open_reader(st)) return;
        const auto started = Clock::now();
        std::int64_t index = 0;
        while (!st.stop_requested()) {
            double ts = 0.0;
            auto image = reader_->read(ts);
            if (!image) {
                reader_->close();
                if (!reader_->is_live()) {
                    set_status(SourceStatus::ended);
                    return;
                }
                set_status(SourceStatus::disconnected,
                           "camera " + description_ + " stopped delivering frames");
                if (!open_reader(st)) return;
                continue;
            }
            if (pacing_ == Pacing::realtime && !reader_->is_live()) {
                // Play recorded media at their own rate for a realistic preview.
                std::this_thread::sleep_until(started + std::chrono::duration_cast<Clock::duration>(
                                                            std::chrono::duration<double>(ts)));
            }
            std::unique_lock lock(mutex_);
            if (pacing_ == Pacing::as_fast_as_possible && !reader_->is_live()) {
                cv_.wait(lock, [&] { return !fresh_ || st.stop_requested(); });
                if (st.stop_requested()) return;
            }
            latest_ = Frame{std::move(*image), ts, index++};
            fresh_ = true;
            cv_.notify_all();
        }
    }

    std::unique_ptr<FrameReader> reader_;
    Pacing pacing_;
    std::chrono::milliseconds reconnect_interval_;
    int max_reconnects_;
    std::string description_;

    mutable std::mutex mutex_;
    std::condition_variable cv_;
    Frame latest_;
    bool fresh_ = false;
    SourceStatus status_ = SourceStatus::starting;
    CaptureMode mode_;
    std::string error_;
    int reconnects_ = 0;
    std::jthread thread_;  // last: stops and joins before the members above go away
};

}  // namespace

std::unique_ptr<FrameReader> make_camera_reader(CameraRequest request) {
    return std::make_unique<CameraReader>(std::move(request));
}

std::unique_ptr<FrameReader> make_video_reader(std::filesystem::path file) {
    return std::make_unique<VideoReader>(std::move(file));
}

std::unique_ptr<FrameReader> make_folder_reader(std::filesystem::path dir, double fps) {
    return std::make_unique<FolderReader>(std::move(dir), fps > 0.0 ? fps : 10.0);
}

std::unique_ptr<FrameSource> start_source(std::unique_ptr<FrameReader> reader, Pacing pacing,
                                          std::chrono::milliseconds reconnect_interval,
                                          int max_reconnects) {
    return std::make_unique<ThreadedSource>(std::move(reader), pacing, reconnect_interval,
                                            max_reconnects);
}

std::unique_ptr<FrameSource> open_source(const std::string& spec, Pacing pacing) {
    auto all_digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(),
                                         [](unsigned char c) { return std::isdigit(c) != 0; });
    };
    std::string_view s = spec;
    if (s.starts_with("camera:")) s.remove_prefix(7);
    if (all_digits(s)) {
        CameraRequest r;
        r.index = std::stoi(std::string(s));
        return start_source(make_camera_reader(r), pacing, r.reconnect_interval);
    }
    if (spec.starts_with("/dev/video")) {
        CameraRequest r;
        r.device = spec;
        return start_source(make_camera_reader(r), pacing, r.reconnect_interval);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(spec, ec)) {
        return start_source(make_folder_reader(spec), pacing);
    }
    if (std::filesystem::is_regular_file(spec, ec)) {
        return start_source(make_video_reader(spec), pacing);
    }
    throw VisionError(ErrorCode::source_unavailable,
                      "no camera, folder or video file named '" + spec + "'");
}

}  // namespace pd::vision
