#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/certification_cycle.h"
#include "domain/error.h"
#include "domain/retiree.h"
#include "domain/script_checker.h"

namespace pd {

// The identity the person at the counter presents: read from their ID card, or typed.
struct PresentedIdentity {
    std::string name;
    std::string id_number;
};

// One reason a retiree cannot be certified now, in plain words, with what to do next.
// Both texts are English templates (PD_N) with {1}.. args, translated by the UI.
struct EligibilityReason {
    std::string code;  // "not_in_scheme", "already_certified", "name_mismatch", ...
    std::string text;
    std::vector<std::string> args;
    std::string next_step;
    std::vector<std::string> next_step_args;
    bool blocking = true;  // false: a note the clerk should see, not a refusal

    [[nodiscard]] std::string message() const { return substitute(text, args); }
    [[nodiscard]] std::string next_step_message() const {
        return substitute(next_step, next_step_args);
    }
};

struct Eligibility {
    std::vector<EligibilityReason> reasons;  // every reason, never only the first
    DueStatus due;
    [[nodiscard]] bool can_certify() const;
};

struct EligibilityInput {
    const Retiree& retiree;
    std::optional<PresentedIdentity> presented;
    std::span<const Certification> history;
    bool enrolled = false;
    PensionScheme served_scheme = PensionScheme::PublicInstitution;
    Date today;
    CycleSettings cycle;
};

// Answers "can this retiree be certified now?" with every reason when not: the greyed-out
// button of the retirees' app (FAQ 7), explained.
[[nodiscard]] Eligibility check_eligibility(const EligibilityInput& in,
                                            const ScriptChecker& script);

// Where two names differ, language-neutral so any translation can hold it.
struct NameDifference {
    bool differs = false;
    std::string positions;  // "1 (張/张), 3 (華/华)" when the lengths agree
    std::string traditional;  // "張→张, 華→华": presented characters that are traditional forms
};
[[nodiscard]] NameDifference describe_name_difference(std::string_view presented,
                                                      std::string_view recorded,
                                                      const ScriptChecker& script);

}  // namespace pd
