#pragma once

#include <SQLiteCpp/Database.h>

namespace pd::store {

// The newest version of the auth component's tables (staff accounts, audit log).
inline constexpr int kAuthSchemaVersion = 1;

// Brings the staff_account, audit_log and audit_head tables to kAuthSchemaVersion. Tracked in
// its own row of schema_component ('auth'), apart from PRAGMA user_version, so it never races
// the registry's migration list. Idempotent; runs in its own transaction unless the caller
// holds one. Call it every time a workspace is opened.
void migrate_auth(SQLite::Database& db);

// The version recorded for 'auth' (0 when never migrated).
[[nodiscard]] int auth_schema_version(SQLite::Database& db);

}  // namespace pd::store
