#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "vision/face_types.h"

namespace pd::vision {

// Decision threshold on cosine similarity of fr_feature embeddings, chosen on
// testdata/faces/verification (docs/vision.md: ROC and margins). A setting, not a constant.
struct VerifyConfig {
    double threshold = 0.42;
    // A probe must beat every forbidden template (staff, proxies) by at least this margin;
    // equal or closer to a forbidden face is refused.
    double forbidden_margin = 0.0;
};

enum class MatchReason {
    accepted,
    below_threshold,    // not similar enough to the retiree's template(s)
    matches_forbidden,  // as close or closer to a staff / proxy face: operator certifying self?
    invalid_template,   // empty, wrong size or not finite
};

[[nodiscard]] std::string_view to_string(MatchReason reason) noexcept;

struct MatchDecision {
    bool accepted = false;
    MatchReason reason = MatchReason::invalid_template;
    double retiree_score = 0.0;     // best cosine similarity to the retiree's templates
    double forbidden_score = -1.0;  // best cosine similarity to a forbidden template
    int forbidden_index = -1;       // which forbidden template, -1 when none given
};

// Compares a live probe with the retiree's enrolled template(s) and with "forbidden" templates
// (the operator's own face, other staff, proxies present at the counter).
[[nodiscard]] MatchDecision decide_match(std::span<const float> probe,
                                         std::span<const FaceTemplate> retiree,
                                         std::span<const FaceTemplate> forbidden,
                                         const VerifyConfig& config = {});

}  // namespace pd::vision
