#pragma once

#include <SQLiteCpp/Database.h>

namespace pd::store {

// PRAGMA application_id of a PensionDesk workspace ("PDSK"): tells our files from other
// programs' SQLite databases.
inline constexpr int kApplicationId = 0x5044534B;

// The newest schema version this build writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 3;

// Runs the migrations that take the schema from `from` to `to` (each one in order), and sets
// user_version. The caller holds the transaction. Tests use it to build every older schema.
void migrate(SQLite::Database& db, int from, int to);

}  // namespace pd::store
