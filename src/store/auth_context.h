#pragma once

#include <SQLiteCpp/Database.h>

#include "domain/auth_service.h"
#include "domain/clock.h"
#include "domain/uuid.h"
#include "store/audit_log.h"
#include "store/scrypt_password_hasher.h"
#include "store/staff_repository.h"

namespace pd::store {

// Sign-in and the audit log over one workspace connection, wired the way the application and
// the admin CLI need them. Runs migrate_auth() first. Not movable (the service holds
// references to its siblings); `db`, `clock` and `ids` must outlive it.
class AuthContext {
  public:
    AuthContext(SQLite::Database& db, const Clock& clock, UuidGenerator& ids,
                ScryptParams params = {});
    AuthContext(const AuthContext&) = delete;
    AuthContext& operator=(const AuthContext&) = delete;

    [[nodiscard]] AuthService& service() noexcept { return service_; }
    [[nodiscard]] SqliteAuditLog& audit() noexcept { return audit_; }
    [[nodiscard]] SqliteStaffRepository& staff() noexcept { return staff_; }
    [[nodiscard]] const PasswordHasher& hasher() const noexcept { return hasher_; }

  private:
    SqliteStaffRepository staff_;
    SqliteAuditLog audit_;
    ScryptPasswordHasher hasher_;
    AuthService service_;
};

// The password of every demo account; the demo's sign-in screen may show it.
inline constexpr const char* kDemoPassword = "pensiondesk-demo";

// The demo workspace's accounts, one per role with a fixed scope (region 61, Shaanxi; unit
// "陕西省教育厅"): demo-admin, demo-supervisor, demo-counter, demo-unit, demo-visit,
// demo-auditor, all with kDemoPassword and no forced change. Only for a workspace marked demo
// (synthetic retirees); does nothing when any account exists. Returns how many were made.
int seed_demo_staff(AuthContext& auth, const Clock& clock, UuidGenerator& ids);

}  // namespace pd::store
