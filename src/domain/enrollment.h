#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "domain/uuid.h"

namespace pd {

// The retiree's consent to face processing, recorded before any capture: who agreed, who
// recorded it, when, and the exact text that was shown (versioned, so a later change of wording
// does not rewrite what someone agreed to).
struct ConsentRecord {
    std::string text_version;  // "2026-1"
    std::string text;          // the words shown, in the language shown
    std::string given_by;      // "retiree", or "proxy:<name>" when a relative signs for them
    std::string recorded_by;   // staff id
    std::chrono::system_clock::time_point at;
};

enum class EnrollmentState {
    Pending,     // captured, waiting for the clerk's confirmation that the face fits the card
    Active,      // the reference for certifications
    Superseded,  // replaced by a newer confirmed enrolment; kept for history
};

[[nodiscard]] std::string_view to_string(EnrollmentState s);

// 实名注册: the reference face a retiree is certified against. The template and photo themselves
// are sealed blobs in the store; the domain only names them.
struct Enrollment {
    Uuid id;
    Uuid retiree_id;
    EnrollmentState state = EnrollmentState::Pending;
    ConsentRecord consent;
    std::string template_blob;  // store blob id of the sealed face template
    std::string photo_blob;     // store blob id of the sealed reference photo
    std::string model_version;  // templates are only comparable within one embedding model
    std::string captured_by;
    std::chrono::system_clock::time_point captured_at;
    std::string confirmed_by;  // the clerk who confirmed the person matches the ID card
    std::optional<std::chrono::system_clock::time_point> confirmed_at;
};

}  // namespace pd
