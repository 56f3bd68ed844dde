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

}  // namespace pd::store
