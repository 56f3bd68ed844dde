#include "domain/certification_cycle.h"

#include <gtest/gtest.h>

using namespace std::chrono;
using pd::Certification;
using pd::CertificationOutcome;
using pd::CycleSettings;
using pd::Date;
using pd::DueState;

namespace {

Certification passed_on(Date day, const CycleSettings& s) {
    Certification c;
    c.outcome = CertificationOutcome::Passed;
    c.at = sys_days{day} + hours{9};
    c.valid_until = pd::valid_until_for(day, s);
    return c;
}

}  // namespace

TEST(CertificationCycle, Rolling12IsValidForOneYearLessADay) {
    CycleSettings s;
    EXPECT_EQ(pd::valid_until_for(2026y / March / 15, s), 2027y / March / 14);
    // 29 February certifies until 27 February: 28 Feb does not exist the next year + 1 day back.
    EXPECT_EQ(pd::valid_until_for(2024y / February / 29, s), 2025y / February / 27);
}

TEST(CertificationCycle, CalendarYearEndsOnThirtyFirstDecember) {
    CycleSettings s{CycleSettings::Rule::CalendarYear, 0};
    EXPECT_EQ(pd::valid_until_for(2026y / March / 15, s), 2026y / December / 31);
}

TEST(CertificationCycle, DueStatesFollowTheRenewalWindow) {
    CycleSettings s{CycleSettings::Rule::Rolling12, 60};
    const std::vector<Certification> history{passed_on(2026y / March / 15, s)};
    EXPECT_EQ(pd::due_status(history, 2026y / March / 16, s).state, DueState::NotDue);
    // Valid until 2027-03-14; the window opens 60 days before: 2027-01-13.
    EXPECT_EQ(pd::due_status(history, 2027y / January / 12, s).state, DueState::NotDue);
    EXPECT_EQ(pd::due_status(history, 2027y / January / 13, s).state, DueState::DueSoon);
    EXPECT_EQ(pd::due_status(history, 2027y / March / 14, s).state, DueState::DueSoon);
    EXPECT_EQ(pd::due_status(history, 2027y / March / 15, s).state, DueState::Overdue);
    EXPECT_EQ(pd::due_status({}, 2027y / March / 15, s).state, DueState::NeverCertified);
}

TEST(CertificationCycle, CalendarYearIsDueFromFirstJanuary) {
    CycleSettings s{CycleSettings::Rule::CalendarYear, 0};
    const std::vector<Certification> history{passed_on(2026y / June / 1, s)};
    EXPECT_EQ(pd::due_status(history, 2026y / December / 31, s).state, DueState::NotDue);
    EXPECT_EQ(pd::due_status(history, 2027y / January / 1, s).state, DueState::Overdue);
}

TEST(CertificationCycle, FailedAttemptsDoNotCount) {
    CycleSettings s;
    auto failed = passed_on(2026y / March / 15, s);
    failed.outcome = CertificationOutcome::Failed;
    const std::vector<Certification> history{failed};
    EXPECT_EQ(pd::latest_passed(history), nullptr);
    EXPECT_EQ(pd::due_status(history, 2026y / March / 16, s).state, DueState::NeverCertified);
}
