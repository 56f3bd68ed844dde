#include "store/staff_repository.h"

#include <gtest/gtest.h>

#include "domain/auth_service.h"
#include "domain/retiree_repository.h"
#include "store/audit_log.h"
#include "store/auth_context.h"
#include "store/auth_schema.h"
#include "store/scrypt_password_hasher.h"
#include "store_fixture.h"

namespace {

using namespace std::chrono_literals;

class StaffRepositoryTest : public pd::test::WorkspaceTest {};

pd::StaffAccount account(pd::UuidGenerator& ids, std::string number) {
    pd::StaffAccount a;
    a.id = ids.next(std::chrono::system_clock::now());
    a.staff_number = std::move(number);
    a.name = "王芳";
    a.role = pd::Role::CounterClerk;
    a.region = "6101";
    a.password_hash = "$scrypt$...";
    a.created_at = std::chrono::sys_days{std::chrono::year{2026} / 12 / 3} + 9h + 123ms;
    return a;
}

TEST_F(StaffRepositoryTest, MigrationIsIdempotentAndVersioned) {
    EXPECT_EQ(pd::store::auth_schema_version(sql()), pd::store::kAuthSchemaVersion);
    pd::store::migrate_auth(sql());
    EXPECT_EQ(pd::store::auth_schema_version(sql()), pd::store::kAuthSchemaVersion);
}

TEST_F(StaffRepositoryTest, RoundTrip) {
    pd::store::SqliteStaffRepository repo(sql());
    pd::UuidGenerator ids{1};
    auto a = account(ids, "C001");
    a.locked_until = a.created_at + 24h;
    a.failed_attempts = 3;
    a.must_change_password = true;
    repo.add(a);
    EXPECT_EQ(repo.count(), 1);
    const auto b = repo.by_staff_number("c001");  // staff numbers ignore case
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(b->id, a.id);
    EXPECT_EQ(b->role, pd::Role::CounterClerk);
    EXPECT_EQ(b->region, "6101");
    EXPECT_EQ(b->locked_until, a.locked_until);
    EXPECT_EQ(b->created_at, a.created_at);
    EXPECT_EQ(b->failed_attempts, 3);
    EXPECT_TRUE(b->must_change_password);
    EXPECT_THROW(repo.add(account(ids, "C001")), pd::DuplicateKey);
}

TEST_F(StaffRepositoryTest, StaleUpdateIsRefused) {
    pd::store::SqliteStaffRepository repo(sql());
    pd::UuidGenerator ids{1};
    auto a = account(ids, "C001");
    repo.add(a);
    a.revision = 2;
    a.failed_attempts = 1;
    repo.update(a);
    auto stale = a;  // revision 2 again, as if read before the update
    EXPECT_THROW(repo.update(stale), pd::StaleRevision);
    EXPECT_EQ(repo.by_id(a.id)->failed_attempts, 1);
}

TEST_F(StaffRepositoryTest, LockoutSurvivesARestart) {
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3} + 9h};
    pd::UuidGenerator ids{5};
    const pd::store::ScryptPasswordHasher hasher{{1024, 8, 1}};
    {
        pd::store::SqliteStaffRepository staff(sql());
        pd::store::SqliteAuditLog log(sql());
        pd::AuthService auth(staff, hasher, log, clock, ids);
        ASSERT_TRUE(
            auth.create_first_administrator({"ADMIN1", "管理员", pd::Role::Administrator, {}, {}},
                                            "correct horse battery", "ws")
                .has_value());
        for (int i = 0; i < 3; ++i) (void)auth.sign_in("ADMIN1", "wrong", "ws");
    }
    db_ = std::make_unique<pd::store::Database>(path_);
    pd::store::migrate_auth(sql());
    pd::store::SqliteStaffRepository staff(sql());
    pd::store::SqliteAuditLog log(sql());
    pd::AuthService auth(staff, hasher, log, clock, ids);
    EXPECT_FALSE(auth.sign_in("ADMIN1", "correct horse battery", "ws").has_value());
    clock.advance(24h);
    EXPECT_TRUE(auth.sign_in("ADMIN1", "correct horse battery", "ws").has_value());
    EXPECT_FALSE(log.verify().has_value());
}

}  // namespace

namespace {

class AuthContextTest : public pd::test::WorkspaceTest {};

TEST_F(AuthContextTest, WiresSignInToTheWorkspace) {
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::UuidGenerator ids{2};
    pd::store::AuthContext auth(sql(), clock, ids, {1024, 8, 1});
    EXPECT_TRUE(auth.service().needs_first_administrator());
    ASSERT_TRUE(
        auth.service()
            .create_first_administrator({"ADMIN1", "管理员", pd::Role::Administrator, {}, {}},
                                        "correct horse battery", "ws")
            .has_value());
    EXPECT_TRUE(auth.service().sign_in("admin1", "correct horse battery", "ws").has_value());
    EXPECT_EQ(auth.audit().count(), 2);
    EXPECT_FALSE(auth.audit().verify().has_value());
}

}  // namespace

namespace {

class DemoStaffTest : public pd::test::WorkspaceTest {};

TEST_F(DemoStaffTest, OneAccountPerRoleOnlyOnce) {
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::UuidGenerator ids{2};
    pd::store::AuthContext auth(sql(), clock, ids, {1024, 8, 1});
    EXPECT_EQ(pd::store::seed_demo_staff(auth, clock, ids), 6);
    EXPECT_EQ(pd::store::seed_demo_staff(auth, clock, ids), 0);
    EXPECT_FALSE(auth.service().needs_first_administrator());
    auto s = auth.service().sign_in("demo-counter", pd::store::kDemoPassword, "ws");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->actor.role, pd::Role::CounterClerk);
    EXPECT_FALSE(auth.audit().verify().has_value());
}

}  // namespace
