#include "domain/certification_cycle.h"

namespace pd {

namespace {
using namespace std::chrono;

Date add_days(Date d, int days) {
    return Date{sys_days{d} + std::chrono::days{days}};
}

// 12 months on, one day earlier; 29 February falls back to the month's last day.
Date plus_year_minus_day(Date d) {
    year_month_day next{d.year() + years{1}, d.month(), d.day()};
    if (!next.ok()) next = year_month_day{next.year() / next.month() / last};
    return add_days(next, -1);
}
}  // namespace

Date valid_until_for(Date day, const CycleSettings& settings) {
    if (settings.rule == CycleSettings::Rule::CalendarYear) {
        return Date{day.year(), std::chrono::December, std::chrono::day{31}};
    }
    return plus_year_minus_day(day);
}

const Certification* latest_passed(std::span<const Certification> history) {
    const Certification* best = nullptr;
    for (const auto& c : history) {
        if (c.outcome != CertificationOutcome::Passed) continue;
        if (!best || c.at > best->at) best = &c;
    }
    return best;
}

DueStatus due_status_for(std::optional<Date> valid_until, Date today,
                         const CycleSettings& settings) {
    if (!valid_until) return DueStatus{DueState::NeverCertified, std::nullopt, std::nullopt};
    const Date until = *valid_until;
    const Date due_from =
        settings.rule == CycleSettings::Rule::CalendarYear
            ? Date{until.year() + std::chrono::years{1}, std::chrono::January, std::chrono::day{1}}
            : add_days(until, -settings.renew_window_days);
    DueState state = DueState::NotDue;
    if (today > until) {
        state = DueState::Overdue;
    } else if (today >= due_from) {
        state = DueState::DueSoon;
    }
    return DueStatus{state, until, due_from};
}

DueStatus due_status(std::span<const Certification> history, Date today,
                     const CycleSettings& settings) {
    const Certification* last = latest_passed(history);
    return due_status_for(last ? std::optional<Date>(last->valid_until) : std::nullopt, today,
                          settings);
}

}  // namespace pd
