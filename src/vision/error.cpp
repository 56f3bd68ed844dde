#include "vision/error.h"

namespace pd::vision {

std::string_view to_string(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::invalid_argument:
            return "invalid_argument";
        case ErrorCode::image_unreadable:
            return "image_unreadable";
        case ErrorCode::image_empty:
            return "image_empty";
        case ErrorCode::image_too_small:
            return "image_too_small";
        case ErrorCode::image_too_large:
            return "image_too_large";
        case ErrorCode::unsupported_format:
            return "unsupported_format";
        case ErrorCode::no_face:
            return "no_face";
        case ErrorCode::several_faces:
            return "several_faces";
        case ErrorCode::model_missing:
            return "model_missing";
        case ErrorCode::model_corrupt:
            return "model_corrupt";
        case ErrorCode::engine_unavailable:
            return "engine_unavailable";
        case ErrorCode::source_unavailable:
            return "source_unavailable";
    }
    return "unknown";
}

}  // namespace pd::vision
