// The registry over a real workspace: views and changes land in the hash-chained log, and the
// roles hold when the data comes from SQLite.

#include <gtest/gtest.h>

#include "domain/registry_service.h"
#include "fakes.h"
#include "store/audit_log.h"
#include "store/sqlite_retiree_repository.h"
#include "store_fixture.h"

namespace {

using pd::AuditAction;
using pd::Role;

class RegistryAuditTest : public pd::test::WorkspaceTest {
  protected:
    RegistryAuditTest() { registry.set_audit(log); }

    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::UuidGenerator ids{21};
    pd::test::NoTraditional script;
    pd::store::SqliteRetireeRepository repo{*db_, clock};
    pd::store::SqliteAuditLog log{sql()};
    pd::RegistryService registry{repo, script, clock, ids};
};

TEST_F(RegistryAuditTest, EveryReadAndChangeIsChained) {
    const pd::Actor clerk{"staff-7", "王芳 (C001)", "ws-3", Role::CounterClerk, {}, "6101"};
    pd::RetireeDraft d;
    d.id_number = pd::test::id_number("61010319500101001");
    d.name = "李建国";
    d.employer_unit = "陕西省教育厅";
    auto r = registry.register_retiree(d, clerk);
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(registry.view(r->id, clerk).has_value());
    d.address = "碑林区友谊东路 1 号";
    ASSERT_TRUE(registry.edit(r->id, d, r->revision, clerk).has_value());
    const pd::Actor admin{"staff-1", "管理员 (ADMIN1)", "ws-3", Role::Administrator, {}, {}};
    EXPECT_FALSE(registry.view(r->id, admin).has_value());

    pd::store::AuditFilter about;
    about.subject_id = r->id.str();
    const auto entries = log.find(about);
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0].action, AuditAction::PermissionDenied);
    EXPECT_EQ(entries[0].staff_id, "staff-1");
    EXPECT_EQ(entries[1].action, AuditAction::RetireeChanged);
    EXPECT_EQ(entries[2].action, AuditAction::RetireeViewed);
    EXPECT_EQ(entries[3].action, AuditAction::RetireeCreated);
    EXPECT_EQ(entries[3].workstation, "ws-3");
    // The full ID number never reaches the log.
    for (const auto& e : log.all()) {
        for (const auto& c : e.changes) {
            EXPECT_EQ(c.before.find(d.id_number), std::string::npos);
            EXPECT_EQ(c.after.find(d.id_number), std::string::npos);
        }
    }
    EXPECT_FALSE(log.verify().has_value());
}

}  // namespace

TEST_F(RegistryAuditTest, DeactivationIsLoggedWithTheReasonAndTheStatusChange) {
    const pd::Actor clerk{"staff-7", "王芳 (C001)", "ws-3", Role::CounterClerk, {}, "6101"};
    pd::RetireeDraft d;
    d.id_number = pd::test::id_number("61010319500101001");
    d.name = "李建国";
    d.employer_unit = "陕西省教育厅";
    auto r = registry.register_retiree(d, clerk);
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(registry.deactivate(r->id, "duplicate record", clerk).has_value());

    pd::store::AuditFilter about;
    about.subject_id = r->id.str();
    about.action = AuditAction::RetireeStatusChanged;
    const auto entries = log.find(about);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].detail, "duplicate record");
    ASSERT_EQ(entries[0].changes.size(), 1u);
    EXPECT_EQ(entries[0].changes[0].before, "active");
    EXPECT_EQ(entries[0].changes[0].after, "deactivated");
    EXPECT_FALSE(log.verify().has_value());
}
