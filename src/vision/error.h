#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace pd::vision {

// The vision layer reports failures as exceptions carrying a stable code plus an English message
// with context (which file, which size, which model). Callers switch on code(); people read
// what().
enum class ErrorCode {
    invalid_argument,
    image_unreadable,    // missing file, not an image, truncated/corrupt data
    image_empty,         // zero-size
    image_too_small,     // below the smallest size a face could be found in
    image_too_large,     // above the pixel budget (protects memory)
    unsupported_format,  // depth/channels we cannot convert
    no_face,
    several_faces,
    model_missing,
    model_corrupt,       // checksum mismatch or dnn refused it
    engine_unavailable,  // models did not load; face certification is off
    source_unavailable,  // camera/video/folder could not be opened
};

[[nodiscard]] std::string_view to_string(ErrorCode code) noexcept;

class VisionError : public std::runtime_error {
  public:
    VisionError(ErrorCode code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    [[nodiscard]] ErrorCode code() const noexcept { return code_; }

  private:
    ErrorCode code_;
};

}  // namespace pd::vision
