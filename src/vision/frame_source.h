#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pd::vision {

struct Frame {
    cv::Mat image;           // BGR 8-bit as delivered (run to_bgr8 before analysis)
    double timestamp_s = 0;  // seconds since the source started (camera) or in the media
    std::int64_t index = 0;  // running count of delivered frames
};

struct CaptureMode {
    int width = 0;
    int height = 0;
    double fps = 0.0;
};

enum class SourceStatus {
    starting,
    running,
    ended,         // video / folder finished
    disconnected,  // camera unplugged or stopped delivering
    reconnecting,  // camera: trying to open it again
    failed,        // could not open at all
};

[[nodiscard]] std::string_view to_string(SourceStatus status) noexcept;

enum class Pacing {
    realtime,             // recorded media play at their own rate, newest frame wins (UI preview)
    as_fast_as_possible,  // recorded media: every frame, handed over one by one (tests, batch)
};

// A source of frames with a capture thread. try_latest() never blocks; consumers that fall
// behind get the newest frame (realtime) rather than a growing queue.
class FrameSource {
  public:
    virtual ~FrameSource() = default;
    [[nodiscard]] virtual std::optional<Frame> try_latest() = 0;
    // Blocks up to `timeout` for a frame newer than the last one returned; nullopt on timeout or
    // when the source has ended/failed.
    [[nodiscard]] virtual std::optional<Frame> wait_next(std::chrono::milliseconds timeout) = 0;
    [[nodiscard]] virtual SourceStatus status() const = 0;
    [[nodiscard]] virtual CaptureMode mode() const = 0;  // the real, negotiated mode
    [[nodiscard]] virtual std::string description() const = 0;
    [[nodiscard]] virtual std::string last_error() const = 0;
    [[nodiscard]] virtual int reconnects() const = 0;
};

// The synchronous part each kind of source implements; ThreadedSource runs it on a thread.
class FrameReader {
  public:
    virtual ~FrameReader() = default;
    virtual bool open(std::string& error) = 0;
    // Next frame and its timestamp; nullopt at the end or when the device stopped delivering.
    virtual std::optional<cv::Mat> read(double& timestamp_s) = 0;
    virtual void close() = 0;
    [[nodiscard]] virtual CaptureMode mode() const = 0;
    [[nodiscard]] virtual bool is_live() const = 0;  // cameras: reconnect instead of ending
    [[nodiscard]] virtual std::string description() const = 0;
};

struct CameraRequest {
    int index = 0;       // used when device is empty
    std::string device;  // e.g. /dev/video2 (Linux)
    // Modes tried in order; the first the camera really delivers wins.
    std::vector<CaptureMode> preferred{{1280, 720, 30.0}, {640, 480, 30.0}};
    std::chrono::milliseconds reconnect_interval{1000};
    int max_reconnects = -1;  // -1: keep trying until destroyed
};

[[nodiscard]] std::unique_ptr<FrameReader> make_camera_reader(CameraRequest request);
[[nodiscard]] std::unique_ptr<FrameReader> make_video_reader(std::filesystem::path file);
// Images in a folder in name order (jpg, jpeg, png, bmp), at `fps` for timestamps.
[[nodiscard]] std::unique_ptr<FrameReader> make_folder_reader(std::filesystem::path dir,
                                                              double fps = 10.0);

// Runs a reader on its own thread.
[[nodiscard]] std::unique_ptr<FrameSource> start_source(
    std::unique_ptr<FrameReader> reader, Pacing pacing = Pacing::realtime,
    std::chrono::milliseconds reconnect_interval = std::chrono::milliseconds(1000),
    int max_reconnects = -1);

// "camera:N" or "N" (camera index), "/dev/videoN" (camera device), a folder, or a video file.
// Throws VisionError(source_unavailable) when the spec names nothing that exists.
[[nodiscard]] std::unique_ptr<FrameSource> open_source(const std::string& spec,
                                                       Pacing pacing = Pacing::realtime);

}  // namespace pd::vision
