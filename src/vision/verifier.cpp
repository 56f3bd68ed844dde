#include "vision/verifier.h"

#include <algorithm>
#include <cmath>

#include "vision/face_embedder.h"

namespace pd::vision {
namespace {

bool valid(std::span<const float> t) {
    if (t.empty()) return false;
    double norm = 0.0;
    for (float v : t) {
        if (!std::isfinite(v)) return false;
        norm += static_cast<double>(v) * v;
    }
    return norm > 0.0;
}

}  // namespace

std::string_view to_string(MatchReason reason) noexcept {
    switch (reason) {
        case MatchReason::accepted:
            return "accepted";
        case MatchReason::below_threshold:
            return "below_threshold";
        case MatchReason::matches_forbidden:
            return "matches_forbidden";
        case MatchReason::invalid_template:
            return "invalid_template";
    }
    return "unknown";
}

MatchDecision decide_match(std::span<const float> probe, std::span<const FaceTemplate> retiree,
                           std::span<const FaceTemplate> forbidden, const VerifyConfig& config) {
    MatchDecision d;
    if (!valid(probe) || retiree.empty()) return d;
    double best = -1.0;
    for (const auto& t : retiree) {
        if (!valid(t) || t.size() != probe.size()) return d;
        best = std::max(best, cosine_similarity(probe, t));
    }
    d.retiree_score = best;
    for (std::size_t i = 0; i < forbidden.size(); ++i) {
        if (!valid(forbidden[i]) || forbidden[i].size() != probe.size()) return d;
        const double s = cosine_similarity(probe, forbidden[i]);
        if (s > d.forbidden_score) {
            d.forbidden_score = s;
            d.forbidden_index = static_cast<int>(i);
        }
    }
    // Checked before the threshold: a staff face must be flagged as such even when it also
    // fails to match the retiree, so the audit log says what happened.
    if (d.forbidden_index >= 0 && d.forbidden_score >= config.threshold &&
        d.forbidden_score + config.forbidden_margin >= d.retiree_score) {
        d.reason = MatchReason::matches_forbidden;
        return d;
    }
    if (best < config.threshold) {
        d.reason = MatchReason::below_threshold;
        return d;
    }
    if (d.forbidden_index >= 0 && d.forbidden_score + config.forbidden_margin >= best) {
        d.reason = MatchReason::matches_forbidden;
        return d;
    }
    d.accepted = true;
    d.reason = MatchReason::accepted;
    return d;
}

}  // namespace pd::vision
