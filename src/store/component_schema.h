#pragma once

#include <SQLiteCpp/Database.h>

#include <span>
#include <string_view>

namespace pd::store {

// A feature's own ordered migrations, versioned in its row of `schema_component`, apart from the
// registry's PRAGMA user_version: each feature (auth, certification, ...) owns its tables and
// their history. steps[i] takes the component from version i to i + 1; never edit a shipped
// step. Runs in the caller's transaction, or its own when there is none. A workspace whose
// component is newer than this build is refused (WorkspaceRejected), changing nothing.
void migrate_component(SQLite::Database& db, std::string_view name,
                       std::span<const char* const> steps);

[[nodiscard]] int component_version(SQLite::Database& db, std::string_view name);

}  // namespace pd::store
