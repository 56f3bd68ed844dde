#include "domain/eligibility.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "text/opencc_script_checker.h"

using namespace std::chrono;
using pd::Certification;
using pd::CycleSettings;
using pd::Date;
using pd::EligibilityInput;

namespace {

const pd::text::OpenccScriptChecker& script() {
    static const pd::text::OpenccScriptChecker checker;
    return checker;
}

pd::Retiree retiree() {
    pd::Retiree r{
        .id = {},
        .id_number = pd::IdNumber::parse("11010519491231002X", 2026y / December / 3).value(),
        .name = pd::PersonName::parse("张建华", script()).value(),
        .gender = pd::Gender::Female,
        .birth_date = 1949y / December / 31,
        .ethnicity = "汉",
        .employer_unit = "陕西省教育厅",
        .retirement_date = std::nullopt,
        .phone = std::nullopt,
        .phone_shared_by_family = false,
        .address = {},
        .social_security_card = {},
        .scheme = pd::PensionScheme::PublicInstitution,
        .overseas = false,
        .status = pd::RetireeStatus::Active,
        .status_reason = {},
        .revision = 1};
    return r;
}

Certification passed_on(Date day) {
    Certification c;
    c.outcome = pd::CertificationOutcome::Passed;
    c.at = sys_days{day} + hours{10};
    c.valid_until = pd::valid_until_for(day, CycleSettings{});
    c.place = "碑林区经办机构";
    c.staff_name = "王芳";
    return c;
}

std::vector<std::string> codes(const pd::Eligibility& e) {
    std::vector<std::string> out;
    for (const auto& r : e.reasons) out.push_back(r.code);
    return out;
}

// Eligibility today (2026-12-03) for the public-institution scheme, default cycle.
pd::Eligibility check(const pd::Retiree& r, std::optional<pd::PresentedIdentity> presented,
                      std::span<const Certification> history, bool enrolled) {
    return pd::check_eligibility(EligibilityInput{r,
                                                  std::move(presented),
                                                  history,
                                                  enrolled,
                                                  pd::PensionScheme::PublicInstitution,
                                                  2026y / December / 3,
                                                  {}},
                                 script());
}

bool has(const pd::Eligibility& e, const std::string& code) {
    const auto c = codes(e);
    return std::find(c.begin(), c.end(), code) != c.end();
}

}  // namespace

TEST(Eligibility, EnrolledActiveRetireeWithNoCertificationMayCertify) {
    const auto r = retiree();
    const auto e = check(r, std::nullopt, {}, true);
    EXPECT_TRUE(e.can_certify()) << (e.reasons.empty() ? "" : e.reasons[0].message());
    EXPECT_TRUE(e.reasons.empty());
}

TEST(Eligibility, AlreadyCertifiedSaysWhenWhereByWhomAndUntilWhen) {
    const auto r = retiree();
    const std::vector<Certification> history{passed_on(2026y / March / 15)};
    const auto e = check(r, std::nullopt, history, true);
    ASSERT_FALSE(e.can_certify());
    ASSERT_EQ(codes(e), std::vector<std::string>{"already_certified"});
    const auto msg = e.reasons[0].message();
    EXPECT_NE(msg.find("2026-03-15"), std::string::npos) << msg;
    EXPECT_NE(msg.find("碑林区经办机构"), std::string::npos) << msg;
    EXPECT_NE(msg.find("王芳"), std::string::npos) << msg;
    EXPECT_NE(msg.find("2027-03-14"), std::string::npos) << msg;
    EXPECT_NE(e.reasons[0].next_step_message().find("2027-01-13"), std::string::npos);
}

TEST(Eligibility, EveryReasonIsListedNotOnlyTheFirst) {
    auto r = retiree();
    r.scheme = pd::PensionScheme::Enterprise;
    r.status = pd::RetireeStatus::Suspended;
    r.status_reason = "payment returned by bank";
    const auto e = check(r, pd::PresentedIdentity{"张建华", "11010519491231002X"}, {}, false);
    EXPECT_FALSE(e.can_certify());
    EXPECT_TRUE(has(e, "not_in_scheme"));
    EXPECT_TRUE(has(e, "suspended"));
    EXPECT_TRUE(has(e, "not_enrolled"));
    EXPECT_FALSE(has(e, "name_mismatch"));
    for (const auto& reason : e.reasons) {
        EXPECT_FALSE(reason.next_step.empty()) << reason.code << " has no next step";
    }
}

TEST(Eligibility, DeceasedAndDeactivatedAreRefused) {
    auto r = retiree();
    r.status = pd::RetireeStatus::Deceased;
    auto e = check(r, std::nullopt, {}, true);
    EXPECT_TRUE(has(e, "deceased"));
    r.status = pd::RetireeStatus::Deactivated;
    r.status_reason = "duplicate record";
    e = check(r, std::nullopt, {}, true);
    EXPECT_TRUE(has(e, "deactivated"));
    EXPECT_NE(e.reasons[0].message().find("duplicate record"), std::string::npos);
}

TEST(Eligibility, TraditionalCharactersInThePresentedNameAreNamed) {
    const auto r = retiree();
    const auto e = check(r, pd::PresentedIdentity{"張建華", "11010519491231002X"}, {}, true);
    ASSERT_TRUE(has(e, "name_traditional"));
    const auto msg = e.reasons[0].message();
    EXPECT_NE(msg.find("張→张"), std::string::npos) << msg;
    EXPECT_NE(msg.find("華→华"), std::string::npos) << msg;
}

TEST(Eligibility, DifferentNameAndIdNumberNameThePositions) {
    const auto r = retiree();
    const auto e = check(r, pd::PresentedIdentity{"张建国", "11010519491231012x"}, {}, true);
    ASSERT_TRUE(has(e, "name_mismatch"));
    ASSERT_TRUE(has(e, "id_number_mismatch"));
    EXPECT_NE(e.reasons[0].message().find("3 (国/华)"), std::string::npos)
        << e.reasons[0].message();
    EXPECT_NE(e.reasons[1].message().find("position 16"), std::string::npos)
        << e.reasons[1].message();
    // A lower-case x on the presented number is the same number: only position 16 differs.
    EXPECT_EQ(e.reasons[1].message().find("position 16, 18"), std::string::npos)
        << e.reasons[1].message();
}

TEST(Eligibility, OverseasIsANoteNotARefusal) {
    auto r = retiree();
    r.overseas = true;
    const auto e = check(r, std::nullopt, {}, true);
    EXPECT_TRUE(has(e, "overseas"));
    EXPECT_TRUE(e.can_certify());
}

TEST(Eligibility, DueAgainInsideTheRenewalWindow) {
    const auto r = retiree();
    const std::vector<Certification> history{passed_on(2026y / January / 20)};
    const auto e = check(r, std::nullopt, history, true);
    EXPECT_TRUE(e.can_certify());
    EXPECT_EQ(e.due.state, pd::DueState::DueSoon);
}
