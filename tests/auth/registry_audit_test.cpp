// The registry over a real workspace: views and changes land in the hash-chained log, and the
// roles hold when the data comes from SQLite.

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

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

TEST_F(RegistryAuditTest, AChangeAndItsAuditEntryCommitOrVanishTogether) {
    ASSERT_TRUE(repo.records_audit());
    const pd::Actor clerk{"staff-7", "王芳 (C001)", "ws-3", Role::CounterClerk, {}, "6101"};
    pd::RetireeDraft d;
    d.id_number = pd::test::id_number("61010319500101001");
    d.name = "李建国";
    d.employer_unit = "陕西省教育厅";
    auto r = registry.register_retiree(d, clerk);
    ASSERT_TRUE(r.has_value());
    const auto before = log.count();

    // A second record with the same ID number fails inside the repository's transaction: the
    // audit entry that travels with the change is written there too, so it is not left behind.
    pd::Retiree twin = *r;
    twin.id = ids.next(clock.now());
    pd::ChangeNote note{clerk, "create", ""};
    note.audit =
        pd::make_audit(clerk, clock.now(), AuditAction::RetireeCreated, "retiree", twin.id.str());
    EXPECT_THROW(repo.add(twin, note), pd::DuplicateKey);
    EXPECT_EQ(log.count(), before);
    EXPECT_FALSE(log.verify().has_value());
}

TEST(RegistryAuditWithoutLog, AWorkspaceWithoutAuditTablesLeavesEntriesToTheService) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("pd-noaudit-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    {
        pd::store::Database db(dir / "w.sqlite");
        pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
        pd::store::SqliteRetireeRepository repo{db, clock};
        EXPECT_FALSE(repo.records_audit());
    }
    std::filesystem::remove_all(dir);
}
