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

  private:
    SqliteStaffRepository staff_;
    SqliteAuditLog audit_;
    ScryptPasswordHasher hasher_;
    AuthService service_;
};

}  // namespace pd::store
