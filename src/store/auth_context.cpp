#include "store/auth_context.h"

#include "store/auth_schema.h"

namespace pd::store {

namespace {

SQLite::Database& migrated(SQLite::Database& db) {
    migrate_auth(db);
    return db;
}

}  // namespace

AuthContext::AuthContext(SQLite::Database& db, const Clock& clock, UuidGenerator& ids,
                         ScryptParams params)
    : staff_(migrated(db)),
      audit_(db),
      hasher_(params),
      service_(staff_, hasher_, audit_, clock, ids) {}

int seed_demo_staff(AuthContext& auth, const Clock& clock, UuidGenerator& ids) {
    if (auth.staff().count() != 0) return 0;
    struct Demo {
        const char* number;
        const char* name;
        Role role;
        const char* unit;
        const char* region;
    };
    static constexpr Demo kDemo[] = {
        {"demo-admin", "演示管理员", Role::Administrator, "", ""},
        {"demo-supervisor", "演示主管", Role::Supervisor, "", ""},
        {"demo-counter", "演示窗口经办", Role::CounterClerk, "", "61"},
        {"demo-unit", "演示单位经办", Role::UnitClerk, "陕西省教育厅", ""},
        {"demo-visit", "演示上门认证", Role::HomeVisit, "", ""},
        {"demo-auditor", "演示审计员", Role::Auditor, "", ""},
    };
    int made = 0;
    for (const auto& d : kDemo) {
        StaffAccount a;
        a.id = ids.next(clock.now());
        a.staff_number = d.number;
        a.name = d.name;
        a.role = d.role;
        a.unit = d.unit;
        a.region = d.region;
        a.password_hash = auth.hasher().hash(kDemoPassword);
        a.created_at = clock.now();
        auth.staff().add(a);
        auth.audit().append(make_audit(
            system_actor("demo"), clock.now(), AuditAction::AccountCreated, "staff", a.id.str(),
            "ok", "demo workspace account",
            {{"staff_number", "", a.staff_number}, {"role", "", std::string(to_string(a.role))}}));
        ++made;
    }
    return made;
}

}  // namespace pd::store
