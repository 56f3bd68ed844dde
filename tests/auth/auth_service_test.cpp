// Sign-in, lockout at exactly 24 hours, the uniform refusal, resets and the lock screen.

#include "domain/auth_service.h"

#include <gtest/gtest.h>

#include "fakes.h"

namespace {

using namespace std::chrono_literals;
using pd::AuditAction;
using pd::Role;

class AuthServiceTest : public ::testing::Test {
  protected:
    AuthServiceTest() {
        EXPECT_TRUE(auth.needs_first_administrator());
        auto a = auth.create_first_administrator({"ADMIN1", "管理员", Role::Administrator, {}, {}},
                                                 kAdminPassword, "ws-1");
        EXPECT_TRUE(a.has_value());
        admin = a->actor("ws-1");
        auto c = auth.create_account(admin, {"C001", "王芳", Role::CounterClerk, {}, "6101"},
                                     "temporary-pass-1");
        EXPECT_TRUE(c.has_value());
        clerk_id = c->id;
        // The clerk chooses their own password.
        auto s = auth.sign_in("C001", "temporary-pass-1", "ws-1");
        EXPECT_TRUE(s.has_value());
        EXPECT_TRUE(auth.change_password(*s, "temporary-pass-1", kClerkPassword).has_value());
        audit.entries.clear();
    }

    const std::string kAdminPassword = "correct horse battery";
    const std::string kClerkPassword = "clerk-password-2026";
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3} + 9h};
    pd::UuidGenerator ids{3};
    pd::test::MemoryStaff staff;
    pd::test::FakeHasher hasher;
    pd::test::MemoryAudit audit;
    pd::AuthService auth{staff, hasher, audit, clock, ids};
    pd::Actor admin;
    pd::Uuid clerk_id;
};

TEST_F(AuthServiceTest, FirstAdministratorOnlyOnce) {
    EXPECT_FALSE(auth.needs_first_administrator());
    auto again = auth.create_first_administrator({"ADMIN2", "x", Role::Administrator, {}, {}},
                                                 "another long password", "ws-1");
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().code, "first_admin.exists");
}

TEST_F(AuthServiceTest, FirstAdministratorIsForcedToAdministratorRole) {
    pd::test::MemoryStaff fresh;
    pd::AuthService other{fresh, hasher, audit, clock, ids};
    auto a = other.create_first_administrator({"X1", "x", Role::Supervisor, {}, {}},
                                              "long enough password", "ws");
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->role, Role::Administrator);
    EXPECT_FALSE(a->must_change_password);
}

TEST_F(AuthServiceTest, PasswordPolicy) {
    EXPECT_EQ(auth.check_password("short", "C001")->code, "password.short");
    EXPECT_EQ(auth.check_password("abcC001defgh", "c001")->code, "password.staff_number");
    EXPECT_EQ(auth.check_password("aaaaaaaaaaaa", "C001")->code, "password.repeated");
    EXPECT_FALSE(auth.check_password("养老金认证工作站很安全", "C001").has_value());
    EXPECT_EQ(auth.check_password("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6", "C001")->code,
              "password.encoding");
}

TEST_F(AuthServiceTest, SignInGivesTheAccountsRoleAndScope) {
    auto s = auth.sign_in("C001", kClerkPassword, "ws-7");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->actor.role, Role::CounterClerk);
    EXPECT_EQ(s->actor.region, "6101");
    EXPECT_EQ(s->actor.workstation, "ws-7");
    EXPECT_TRUE(s->account.password_hash.empty());
    ASSERT_EQ(audit.of(AuditAction::SignIn).size(), 1u);
}

TEST_F(AuthServiceTest, WrongPasswordsCountDownThenLock) {
    auto f1 = auth.sign_in("C001", "wrong-1", "ws-1");
    ASSERT_FALSE(f1.has_value());
    EXPECT_EQ(f1.error().remaining_attempts, 2);
    EXPECT_EQ(f1.error().error.code, "auth.wrong_password");
    EXPECT_EQ(f1.error().error.args.at(0), "2");
    auto f2 = auth.sign_in("C001", "wrong-2", "ws-1");
    EXPECT_EQ(f2.error().remaining_attempts, 1);
    auto f3 = auth.sign_in("C001", "wrong-3", "ws-1");
    EXPECT_EQ(f3.error().remaining_attempts, 0);
    EXPECT_EQ(f3.error().error.code, "auth.refused");
    // Locked: even the right password is refused.
    auto f4 = auth.sign_in("C001", kClerkPassword, "ws-1");
    ASSERT_FALSE(f4.has_value());
    EXPECT_EQ(f4.error().error.code, "auth.refused");
    const auto failures = audit.of(AuditAction::SignInFailed);
    ASSERT_EQ(failures.size(), 4u);
    EXPECT_NE(failures[2].detail.find("account locked until"), std::string::npos);
    EXPECT_NE(failures[3].detail.find("account locked"), std::string::npos);
}

TEST_F(AuthServiceTest, LockExpiresAtExactly24Hours) {
    const auto start = clock.now();
    for (int i = 0; i < 3; ++i) (void)auth.sign_in("C001", "wrong", "ws-1");
    clock.set(start + 24h - 1s);  // 23:59:59 later
    EXPECT_FALSE(auth.sign_in("C001", kClerkPassword, "ws-1").has_value());
    clock.set(start + 24h);  // 24:00:00 later
    auto s = auth.sign_in("C001", kClerkPassword, "ws-1");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(staff.by_id(clerk_id)->failed_attempts, 0);
    EXPECT_FALSE(staff.by_id(clerk_id)->locked_until.has_value());
}

TEST_F(AuthServiceTest, AfterExpiryAFreshSetOfAttempts) {
    const auto start = clock.now();
    for (int i = 0; i < 3; ++i) (void)auth.sign_in("C001", "wrong", "ws-1");
    clock.set(start + 24h);
    auto f = auth.sign_in("C001", "wrong", "ws-1");
    EXPECT_EQ(f.error().remaining_attempts, 2);
}

TEST_F(AuthServiceTest, SuccessResetsTheCount) {
    (void)auth.sign_in("C001", "wrong", "ws-1");
    (void)auth.sign_in("C001", "wrong", "ws-1");
    ASSERT_TRUE(auth.sign_in("C001", kClerkPassword, "ws-1").has_value());
    EXPECT_EQ(auth.sign_in("C001", "wrong", "ws-1").error().remaining_attempts, 2);
}

TEST_F(AuthServiceTest, LockedDisabledAndUnknownLookTheSame) {
    // Locked.
    for (int i = 0; i < 3; ++i) (void)auth.sign_in("C001", "wrong", "ws-1");
    const auto locked = auth.sign_in("C001", kClerkPassword, "ws-1").error();
    // Disabled (correct password).
    auto d =
        auth.create_account(admin, {"D001", "赵六", Role::Auditor, {}, {}}, "temporary-pass-4");
    ASSERT_TRUE(d.has_value());
    ASSERT_TRUE(auth.set_enabled(admin, d->id, false, "left the agency"));
    std::vector<pd::SignInFailure> disabled;
    std::vector<pd::SignInFailure> unknown;
    for (int i = 0; i < 3; ++i) {
        disabled.push_back(auth.sign_in("D001", "temporary-pass-4", "ws-1").error());
        unknown.push_back(auth.sign_in("NOBODY", "whatever-password", "ws-1").error());
    }
    // Both count down exactly like a real account, then end on the same refusal as a lock.
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(disabled[i].error.code, unknown[i].error.code);
        EXPECT_EQ(disabled[i].error.message(), unknown[i].error.message());
        EXPECT_EQ(disabled[i].remaining_attempts, 2 - i);
        EXPECT_EQ(unknown[i].remaining_attempts, 2 - i);
    }
    EXPECT_EQ(unknown[2].error.message(), locked.error.message());
    EXPECT_EQ(disabled[2].error.message(), locked.error.message());
    EXPECT_EQ(auth.sign_in("NOBODY", "x", "ws-1").error().error.message(), locked.error.message());
    // The audit log tells them apart.
    bool saw_unknown = false;
    bool saw_disabled = false;
    for (const auto& e : audit.of(AuditAction::SignInFailed)) {
        saw_unknown |= e.detail.find("unknown staff number") != std::string::npos;
        saw_disabled |= e.detail.find("account disabled") != std::string::npos;
    }
    EXPECT_TRUE(saw_unknown);
    EXPECT_TRUE(saw_disabled);
}

TEST_F(AuthServiceTest, UnknownAccountsCostAHashToo) {
    const int before = hasher.verifications;
    (void)auth.sign_in("NOBODY", "whatever-password", "ws-1");
    EXPECT_EQ(hasher.verifications, before + 1);
    for (int i = 0; i < 3; ++i) (void)auth.sign_in("C001", "wrong", "ws-1");
    const int locked_before = hasher.verifications;
    (void)auth.sign_in("C001", kClerkPassword, "ws-1");
    EXPECT_EQ(hasher.verifications, locked_before + 1);
}

TEST_F(AuthServiceTest, UnlockAndResetByAdministratorForcesAChange) {
    for (int i = 0; i < 3; ++i) (void)auth.sign_in("C001", "wrong", "ws-1");
    auto reset = auth.reset_password(admin, clerk_id, "temporary-pass-9");
    ASSERT_TRUE(reset.has_value());
    EXPECT_TRUE(reset->must_change_password);
    auto s = auth.sign_in("C001", "temporary-pass-9", "ws-1");
    ASSERT_TRUE(s.has_value());
    EXPECT_TRUE(s->must_change_password);
    // Until the change, the session may do nothing.
    EXPECT_EQ(s->actor.role, Role::None);
    auto changed = auth.change_password(*s, "temporary-pass-9", "my-new-password-1");
    ASSERT_TRUE(changed.has_value());
    EXPECT_FALSE(changed->must_change_password);
    EXPECT_EQ(changed->actor.role, Role::CounterClerk);
    EXPECT_EQ(audit.of(AuditAction::PasswordReset).size(), 1u);
    EXPECT_EQ(audit.of(AuditAction::PasswordChanged).size(), 1u);
}

TEST_F(AuthServiceTest, SupervisorUnlocksAClerk) {
    auto sup = auth.create_account(admin, {"S001", "李主管", Role::Supervisor, {}, {}},
                                   "temporary-pass-5");
    ASSERT_TRUE(sup.has_value());
    for (int i = 0; i < 3; ++i) (void)auth.sign_in("C001", "wrong", "ws-1");
    ASSERT_TRUE(auth.unlock_account(sup->actor("ws-2"), clerk_id).has_value());
    EXPECT_TRUE(auth.sign_in("C001", kClerkPassword, "ws-1").has_value());
    ASSERT_EQ(audit.of(AuditAction::AccountUnlocked).size(), 1u);
    EXPECT_EQ(audit.of(AuditAction::AccountUnlocked)[0].staff_id, sup->id.str());
}

TEST_F(AuthServiceTest, ChangePasswordChecksTheOldOneAndThePolicy) {
    auto s = auth.sign_in("C001", kClerkPassword, "ws-1");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(auth.change_password(*s, "not-it", "fine-new-password").error().code,
              "password.current_wrong");
    EXPECT_EQ(auth.change_password(*s, kClerkPassword, "short").error().code, "password.short");
    EXPECT_EQ(auth.change_password(*s, kClerkPassword, kClerkPassword).error().code,
              "password.same");
}

TEST_F(AuthServiceTest, HashIsUpgradedAtSignInWhenCostsWereRaised) {
    hasher.cost = 2;
    ASSERT_TRUE(auth.sign_in("C001", kClerkPassword, "ws-1").has_value());
    EXPECT_TRUE(staff.by_id(clerk_id)->password_hash.starts_with("v2:"));
}

TEST_F(AuthServiceTest, SameUserResumesAtTheLockScreen) {
    auto s = auth.sign_in("C001", kClerkPassword, "ws-1");
    ASSERT_TRUE(s.has_value());
    auth.screen_locked(*s);
    auto back = auth.unlock_screen(*s, "C001", kClerkPassword, "ws-1");
    ASSERT_TRUE(back.has_value());
    EXPECT_FALSE(back->switched_user);
    EXPECT_EQ(back->session.id, s->id);
    EXPECT_EQ(audit.of(AuditAction::ScreenLocked).size(), 1u);
    EXPECT_EQ(audit.of(AuditAction::ScreenUnlocked).size(), 1u);
    EXPECT_TRUE(audit.of(AuditAction::SessionEnded).empty());
}

TEST_F(AuthServiceTest, AnotherUserAtTheLockScreenEndsTheFirstSession) {
    auto s = auth.sign_in("C001", kClerkPassword, "ws-1");
    ASSERT_TRUE(s.has_value());
    auth.screen_locked(*s);
    auto other = auth.unlock_screen(*s, "ADMIN1", kAdminPassword, "ws-1");
    ASSERT_TRUE(other.has_value());
    EXPECT_TRUE(other->switched_user);
    EXPECT_NE(other->session.id, s->id);
    EXPECT_EQ(other->session.actor.role, Role::Administrator);
    const auto ended = audit.of(AuditAction::SessionEnded);
    ASSERT_EQ(ended.size(), 1u);
    EXPECT_EQ(ended[0].subject_id, s->id.str());
    EXPECT_EQ(ended[0].staff_id, s->actor.staff_id);
}

TEST_F(AuthServiceTest, WrongPasswordAtTheLockScreenKeepsItLocked) {
    auto s = auth.sign_in("C001", kClerkPassword, "ws-1");
    ASSERT_TRUE(s.has_value());
    auto bad = auth.unlock_screen(*s, "C001", "wrong", "ws-1");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().remaining_attempts, 2);
}

TEST_F(AuthServiceTest, DuplicateStaffNumberIsRefused) {
    auto dup =
        auth.create_account(admin, {"C001", "又一个", Role::HomeVisit, {}, {}}, "temporary-pass-7");
    ASSERT_FALSE(dup.has_value());
    EXPECT_EQ(dup.error().code, "staff_number.duplicate");
}

TEST_F(AuthServiceTest, ScopedRolesNeedTheirScope) {
    EXPECT_EQ(auth.create_account(admin, {"U1", "u", Role::UnitClerk, "", {}}, "temporary-pass-7")
                  .error()
                  .code,
              "staff_unit.missing");
    EXPECT_EQ(
        auth.create_account(admin, {"K1", "k", Role::CounterClerk, {}, "61a"}, "temporary-pass-7")
            .error()
            .code,
        "staff_region.invalid");
    EXPECT_EQ(auth.create_account(admin, {"Y1", "y", Role::System, {}, {}}, "temporary-pass-7")
                  .error()
                  .code,
              "staff_role.invalid");
}

}  // namespace
