#pragma once

#include <optional>
#include <span>

#include "domain/certification.h"

namespace pd {

// When a certification stops being valid and when the next one is due.
struct CycleSettings {
    enum class Rule {
        CalendarYear,  // one certification per calendar year, valid to 31 December
        Rolling12,     // valid 12 months from the day certified
    } rule = Rule::Rolling12;
    // With Rolling12: how many days before expiry a retiree may certify again.
    int renew_window_days = 60;
};

// The validity a certification made on `day` gets under `settings`.
[[nodiscard]] Date valid_until_for(Date day, const CycleSettings& settings);

// The newest passed certification, if any.
[[nodiscard]] const Certification* latest_passed(std::span<const Certification> history);

enum class DueState {
    NotDue,   // certified and not yet within the renewal window
    DueSoon,  // may and should certify now (renewal window or new cycle)
    Overdue,  // validity has ended: payments will be suspended
    NeverCertified,
};

struct DueStatus {
    DueState state = DueState::NeverCertified;
    std::optional<Date> valid_until;  // of the newest passed certification
    std::optional<Date> due_from;     // first day a new certification is accepted
};

// The state of a retiree whose newest passed certification is valid until `valid_until`.
[[nodiscard]] DueStatus due_status_for(std::optional<Date> valid_until, Date today,
                                       const CycleSettings& settings);

[[nodiscard]] DueStatus due_status(std::span<const Certification> history, Date today,
                                   const CycleSettings& settings);

}  // namespace pd
