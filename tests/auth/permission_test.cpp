// The policy, role by role, and its enforcement in the registry and account services.

#include "domain/permission.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "domain/auth_service.h"
#include "domain/registry_service.h"
#include "fakes.h"

namespace {

using pd::Permission;
using pd::Role;
using namespace std::chrono_literals;

constexpr std::array kRoles{Role::None,      Role::UnitClerk,  Role::CounterClerk,
                            Role::HomeVisit, Role::Supervisor, Role::Administrator,
                            Role::Auditor,   Role::System};
constexpr std::array kPermissions{
    Permission::RetireeView,   Permission::RetireeRegister, Permission::RetireeEdit,
    Permission::RetireeStatus, Permission::RetireeCertify,  Permission::RetireeExport,
    Permission::AccountManage, Permission::AccountUnlock,   Permission::SettingsChange,
    Permission::AuditView,     Permission::AuditExport};

// The table in docs/security.md, written out independently of the implementation.
const std::map<Role, std::set<Permission>>& expected_matrix() {
    using P = Permission;
    static const std::map<Role, std::set<Permission>> m{
        {Role::None, {}},
        {Role::UnitClerk, {P::RetireeView, P::RetireeRegister, P::RetireeEdit, P::RetireeCertify}},
        {Role::CounterClerk,
         {P::RetireeView, P::RetireeRegister, P::RetireeEdit, P::RetireeStatus, P::RetireeCertify}},
        {Role::HomeVisit, {P::RetireeView, P::RetireeCertify}},
        {Role::Supervisor,
         {P::RetireeView, P::RetireeRegister, P::RetireeEdit, P::RetireeStatus, P::RetireeCertify,
          P::RetireeExport, P::AccountUnlock, P::AuditView, P::AuditExport}},
        {Role::Administrator, {P::AccountManage, P::AccountUnlock, P::SettingsChange}},
        {Role::Auditor, {P::AuditView, P::AuditExport}},
        {Role::System, {P::RetireeView, P::RetireeRegister, P::RetireeEdit, P::RetireeStatus}},
    };
    return m;
}

TEST(PermissionMatrix, EveryRoleAndPermission) {
    for (const Role r : kRoles) {
        for (const Permission p : kPermissions) {
            EXPECT_EQ(pd::role_allows(r, p), expected_matrix().at(r).contains(p))
                << pd::to_string(r) << " / " << pd::to_string(p);
        }
    }
}

TEST(PermissionMatrix, AdministratorNeverSeesRetireeData) {
    const pd::Actor admin{"a", "admin", "ws", Role::Administrator, {}, {}};
    for (const Permission p : {Permission::RetireeView, Permission::RetireeEdit,
                               Permission::RetireeExport, Permission::RetireeRegister}) {
        EXPECT_FALSE(pd::allows(admin, p, pd::RetireeScope{"u", "610103", true}));
    }
}

TEST(PermissionScope, ClerksAreLimitedToTheirUnitRegionOrAssignment) {
    const pd::RetireeScope edu{"陕西省教育厅", "610103", false};
    const pd::RetireeScope other{"西安市第一医院", "610202", false};
    const pd::Actor unit{"u", "u", "ws", Role::UnitClerk, "陕西省教育厅", {}};
    const pd::Actor counter{"c", "c", "ws", Role::CounterClerk, {}, "6101"};
    const pd::Actor visitor{"h", "h", "ws", Role::HomeVisit, {}, {}};
    EXPECT_TRUE(pd::allows(unit, Permission::RetireeEdit, edu));
    EXPECT_FALSE(pd::allows(unit, Permission::RetireeEdit, other));
    EXPECT_TRUE(pd::allows(counter, Permission::RetireeView, edu));
    EXPECT_FALSE(pd::allows(counter, Permission::RetireeView, other));
    EXPECT_FALSE(pd::allows(visitor, Permission::RetireeView, edu));
    pd::RetireeScope assigned = other;
    assigned.assigned_to_actor = true;
    EXPECT_TRUE(pd::allows(visitor, Permission::RetireeView, assigned));
    EXPECT_FALSE(pd::allows(visitor, Permission::RetireeEdit, assigned));
}

TEST(PermissionScope, AScopedRoleWithoutScopeSeesNothing) {
    const pd::Actor unit{"u", "u", "ws", Role::UnitClerk, "", {}};
    const pd::Actor counter{"c", "c", "ws", Role::CounterClerk, {}, ""};
    EXPECT_FALSE(pd::allows(unit, Permission::RetireeView, pd::RetireeScope{"", "", false}));
    EXPECT_FALSE(pd::allows(counter, Permission::RetireeView, pd::RetireeScope{"", "", false}));
}

// --- the registry service, per role -------------------------------------------------------

class RegistryPermissions : public ::testing::Test {
  protected:
    RegistryPermissions() {
        registry.set_audit(audit);
        auto r = registry.register_retiree(draft(kInScope), pd::system_actor("ws"));
        EXPECT_TRUE(r.has_value());
        in_scope = r->id;
        auto o = registry.register_retiree(draft(kOutOfScope, "西安市第一医院", "13900000001"),
                                           pd::system_actor("ws"));
        EXPECT_TRUE(o.has_value());
        out_of_scope = o->id;
        audit.entries.clear();
    }

    static pd::RetireeDraft draft(const std::string& id, std::string unit = "陕西省教育厅",
                                  std::string phone = "13912345678") {
        pd::RetireeDraft d;
        d.id_number = id;
        d.name = "李建国";
        d.employer_unit = std::move(unit);
        d.phone = std::move(phone);
        return d;
    }

    static pd::Actor as(Role role) {
        return pd::Actor{"id-" + std::string(pd::to_string(role)),
                         "name",
                         "ws",
                         role,
                         role == Role::UnitClerk ? "陕西省教育厅" : "",
                         role == Role::CounterClerk ? "6101" : ""};
    }

    const std::string kInScope = pd::test::id_number("61010319500101001");
    const std::string kOutOfScope = pd::test::id_number("62010219520303002");
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::UuidGenerator ids{7};
    pd::test::MemoryRetirees repo;
    pd::test::NoTraditional script;
    pd::test::MemoryAudit audit;
    pd::RegistryService registry{repo, script, clock, ids};
    pd::Uuid in_scope;
    pd::Uuid out_of_scope;
};

TEST_F(RegistryPermissions, ViewPerRole) {
    for (const Role role : kRoles) {
        const auto actor = as(role);
        const bool unscoped =
            role == Role::Supervisor || role == Role::System;  // every record of the workspace
        const bool scoped = role == Role::UnitClerk || role == Role::CounterClerk;
        EXPECT_EQ(registry.view(in_scope, actor).has_value(), unscoped || scoped)
            << pd::to_string(role);
        EXPECT_EQ(registry.view(out_of_scope, actor).has_value(), unscoped) << pd::to_string(role);
    }
}

TEST_F(RegistryPermissions, RegisterPerRole) {
    int n = 0;
    for (const Role role : kRoles) {
        const auto actor = as(role);
        const bool may = role == Role::UnitClerk || role == Role::CounterClerk ||
                         role == Role::Supervisor || role == Role::System;
        // A fresh ID number in the clerks' unit and region each time.
        const auto id = pd::test::id_number("6101031960010100" + std::to_string(n++));
        auto d = draft(id, "陕西省教育厅", "1391234560" + std::to_string(n));
        EXPECT_EQ(registry.register_retiree(d, actor).has_value(), may) << pd::to_string(role);
    }
    // Clerks cannot register into another unit or region.
    auto elsewhere =
        draft(pd::test::id_number("62010219600101009"), "西安市第一医院", "13700000000");
    EXPECT_FALSE(registry.register_retiree(elsewhere, as(Role::UnitClerk)).has_value());
    EXPECT_FALSE(registry.register_retiree(elsewhere, as(Role::CounterClerk)).has_value());
}

TEST_F(RegistryPermissions, EditPerRole) {
    for (const Role role : kRoles) {
        const auto actor = as(role);
        const bool may = role == Role::UnitClerk || role == Role::CounterClerk ||
                         role == Role::Supervisor || role == Role::System;
        const auto current = repo.by_id(in_scope);
        auto d = pd::to_draft(*current);
        d.address = "碑林区 " + std::string(pd::to_string(role));
        EXPECT_EQ(registry.edit(in_scope, d, current->revision, actor).has_value(), may)
            << pd::to_string(role);
    }
    const auto other = repo.by_id(out_of_scope);
    EXPECT_FALSE(
        registry.edit(out_of_scope, pd::to_draft(*other), other->revision, as(Role::UnitClerk))
            .has_value());
    EXPECT_FALSE(
        registry.edit(out_of_scope, pd::to_draft(*other), other->revision, as(Role::CounterClerk))
            .has_value());
}

TEST_F(RegistryPermissions, UnitClerkCannotMoveARecordOutOfTheirUnit) {
    const auto current = repo.by_id(in_scope);
    auto d = pd::to_draft(*current);
    d.employer_unit = "西安市第一医院";
    EXPECT_FALSE(registry.edit(in_scope, d, current->revision, as(Role::UnitClerk)).has_value());
    EXPECT_EQ(repo.by_id(in_scope)->employer_unit, "陕西省教育厅");
}

TEST_F(RegistryPermissions, DeactivatePerRole) {
    for (const Role role : kRoles) {
        const bool may =
            role == Role::CounterClerk || role == Role::Supervisor || role == Role::System;
        const auto result = registry.deactivate(in_scope, "moved abroad", as(role));
        EXPECT_EQ(result.has_value(), may) << pd::to_string(role);
        if (result) {
            // Put it back for the next role.
            ASSERT_TRUE(
                registry.set_status(in_scope, pd::RetireeStatus::Active, "", as(Role::Supervisor))
                    .has_value());
        }
    }
}

TEST_F(RegistryPermissions, DefaultActorIsRefusedAndTheRefusalIsAudited) {
    const pd::Actor nobody{};
    EXPECT_FALSE(registry.view(in_scope, nobody).has_value());
    EXPECT_FALSE(registry.register_retiree(draft(pd::test::id_number("61010319700101001")), nobody)
                     .has_value());
    EXPECT_FALSE(registry.deactivate(in_scope, "x", nobody).has_value());
    EXPECT_EQ(audit.of(pd::AuditAction::PermissionDenied).size(), 3u);
    EXPECT_EQ(registry.view(in_scope, nobody).error().code, "permission.denied");
}

TEST_F(RegistryPermissions, ViewsAndChangesAreAuditedWithoutSensitiveValues) {
    const auto clerk = as(Role::CounterClerk);
    ASSERT_TRUE(registry.view(in_scope, clerk).has_value());
    const auto views = audit.of(pd::AuditAction::RetireeViewed);
    ASSERT_EQ(views.size(), 1u);
    EXPECT_EQ(views[0].subject_id, in_scope.str());
    EXPECT_EQ(views[0].staff_id, clerk.staff_id);

    const auto current = repo.by_id(in_scope);
    auto d = pd::to_draft(*current);
    d.address = "碑林区友谊东路 1 号";
    d.phone = "13811112222";
    ASSERT_TRUE(registry.edit(in_scope, d, current->revision, clerk).has_value());
    const auto changes = audit.of(pd::AuditAction::RetireeChanged);
    ASSERT_EQ(changes.size(), 1u);
    bool saw_address = false;
    bool saw_phone = false;
    for (const auto& c : changes[0].changes) {
        if (c.field == "address") {
            saw_address = true;
            EXPECT_EQ(c.after, "(changed)");
        }
        if (c.field == "phone") {
            saw_phone = true;
            EXPECT_EQ(c.after, "138****2222");
        }
    }
    EXPECT_TRUE(saw_address);
    EXPECT_TRUE(saw_phone);
}

// --- the account service, per role --------------------------------------------------------

class AccountPermissions : public ::testing::Test {
  protected:
    AccountPermissions() {
        (void)auth.create_first_administrator({"ADMIN1", "管理员", Role::Administrator, {}, {}},
                                              "correct horse battery", "ws");
        admin = staff.rows[0].actor("ws");
        auto c = auth.create_account(admin, {"C001", "王芳", Role::CounterClerk, {}, "6101"},
                                     "temporary-pass-1");
        EXPECT_TRUE(c.has_value());
        clerk = c->id;
    }
    static pd::Actor as(Role role) {
        return pd::Actor{"x-" + std::string(pd::to_string(role)), "n", "ws", role, "u", "6101"};
    }
    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}};
    pd::UuidGenerator ids{9};
    pd::test::MemoryStaff staff;
    pd::test::FakeHasher hasher;
    pd::test::MemoryAudit audit;
    pd::AuthService auth{staff, hasher, audit, clock, ids};
    pd::Actor admin;
    pd::Uuid clerk;
};

TEST_F(AccountPermissions, CreatePerRole) {
    int n = 0;
    for (const Role role : kRoles) {
        const auto made = auth.create_account(
            as(role), {"N" + std::to_string(n++), "张三", Role::HomeVisit, {}, {}},
            "temporary-pass-2");
        EXPECT_EQ(made.has_value(), role == Role::Administrator) << pd::to_string(role);
    }
}

TEST_F(AccountPermissions, UnlockAndResetPerRole) {
    for (const Role role : kRoles) {
        const bool may = role == Role::Administrator || role == Role::Supervisor;
        EXPECT_EQ(auth.unlock_account(as(role), clerk).has_value(), may) << pd::to_string(role);
        EXPECT_EQ(auth.reset_password(as(role), clerk, "another-temp-9").has_value(), may)
            << pd::to_string(role);
    }
}

TEST_F(AccountPermissions, SupervisorCannotTakeOverAnAdministrator) {
    const auto admin_id = staff.by_staff_number("ADMIN1")->id;
    EXPECT_FALSE(auth.reset_password(as(Role::Supervisor), admin_id, "takeover-pass").has_value());
    EXPECT_TRUE(
        auth.reset_password(as(Role::Administrator), admin_id, "rescue-pass-1").has_value());
}

TEST_F(AccountPermissions, DisableAndRoleChangePerRole) {
    for (const Role role : kRoles) {
        const bool may = role == Role::Administrator;
        auto d = auth.set_enabled(as(role), clerk, false, "left");
        EXPECT_EQ(d.has_value(), may) << pd::to_string(role);
        if (d) {
            ASSERT_TRUE(auth.set_enabled(as(role), clerk, true, "back").has_value());
        }
        EXPECT_EQ(auth.change_role(as(role), clerk, Role::Supervisor, {}, {}).has_value(), may)
            << pd::to_string(role);
        if (may) {
            ASSERT_TRUE(auth.change_role(as(role), clerk, Role::CounterClerk, {}, "6101"));
        }
    }
}

TEST_F(AccountPermissions, AdministratorCannotLockThemselvesOut) {
    const auto self = staff.by_staff_number("ADMIN1")->id;
    EXPECT_FALSE(auth.set_enabled(admin, self, false, "oops").has_value());
    EXPECT_FALSE(auth.change_role(admin, self, Role::Auditor, {}, {}).has_value());
}

TEST_F(AccountPermissions, ListPerRole) {
    for (const Role role : kRoles) {
        const bool may = role == Role::Administrator || role == Role::Supervisor;
        const auto list = auth.list_accounts(as(role));
        EXPECT_EQ(list.has_value(), may) << pd::to_string(role);
        if (list) {
            for (const auto& a : *list) EXPECT_TRUE(a.password_hash.empty());
        }
    }
}

}  // namespace

namespace {

// --- reading the audit log, per role ------------------------------------------------------

class Entries final : public pd::AuditReader {
  public:
    [[nodiscard]] std::vector<pd::AuditEntry> find(const pd::AuditQuery&) const override {
        return {pd::AuditEntry{}};
    }
};

TEST(AuditPermissions, OnlySupervisorsAndAuditorsReadTheLog) {
    Entries reader;
    pd::test::MemoryAudit sink;
    const auto now = std::chrono::system_clock::time_point{};
    for (const Role role : kRoles) {
        const pd::Actor actor{"x", "n", "ws", role, "u", "6101"};
        const bool may = role == Role::Supervisor || role == Role::Auditor;
        EXPECT_EQ(pd::read_audit(actor, reader, sink, now, {}).has_value(), may)
            << pd::to_string(role);
    }
    EXPECT_EQ(sink.of(pd::AuditAction::PermissionDenied).size(), kRoles.size() - 2);
}

}  // namespace

namespace {

// --- the registry list, per role ----------------------------------------------------------

class ThreeRows final : public pd::RetireeDirectory {
  public:
    [[nodiscard]] std::int64_t total() const override { return 3; }
    [[nodiscard]] std::vector<std::int64_t> search(const pd::SearchQuery&) const override {
        return {1, 2, 3};
    }
    [[nodiscard]] std::vector<pd::RetireeRow> rows(
        std::span<const std::int64_t> keys) const override {
        std::vector<pd::RetireeRow> out;
        for (const auto k : keys) {
            pd::RetireeRow r;
            r.key = k;
            r.name = "person " + std::to_string(k);
            r.employer_unit = k == 1 ? "陕西省教育厅" : "西安市第一医院";
            r.id_number = k == 3 ? "620102195203030021" : "610103195001010018";
            out.push_back(r);
        }
        return out;
    }
};

TEST(ScopedDirectory, ListsPerRole) {
    ThreeRows inner;
    const std::array<std::int64_t, 3> all{1, 2, 3};
    auto keys = [&](Role role) {
        const pd::Actor a{"x", "n", "ws", role, "陕西省教育厅", "6101"};
        return pd::ScopedDirectory(inner, a).search({});
    };
    EXPECT_EQ(keys(Role::Supervisor), (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(keys(Role::UnitClerk), (std::vector<std::int64_t>{1}));
    EXPECT_EQ(keys(Role::CounterClerk), (std::vector<std::int64_t>{1, 2}));
    for (const Role r : {Role::None, Role::Administrator, Role::Auditor, Role::HomeVisit}) {
        EXPECT_TRUE(keys(r).empty()) << pd::to_string(r);
        const pd::Actor a{"x", "n", "ws", r, "陕西省教育厅", "6101"};
        EXPECT_EQ(pd::ScopedDirectory(inner, a).total(), 0);
    }
    // A clerk never enumerates by row key, and rows out of scope come back blank.
    const pd::Actor clerk{"x", "n", "ws", Role::UnitClerk, "陕西省教育厅", {}};
    const pd::ScopedDirectory scoped(inner, clerk);
    EXPECT_EQ(scoped.total(), 0);
    const auto rows = scoped.rows(all);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].name, "person 1");
    EXPECT_EQ(rows[1].name, "—");
    EXPECT_TRUE(rows[1].id_number.empty());
    EXPECT_TRUE(rows[2].employer_unit.empty());
}

}  // namespace
