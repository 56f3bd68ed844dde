#include "store/component_schema.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>

#include "store/store_error.h"

namespace pd::store {

int component_version(SQLite::Database& db, std::string_view name) {
    if (!db.tableExists("schema_component")) return 0;
    SQLite::Statement q(db, "SELECT version FROM schema_component WHERE name = ?");
    q.bind(1, std::string(name));
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

void migrate_component(SQLite::Database& db, std::string_view name,
                       std::span<const char* const> steps) {
    const bool own = sqlite3_get_autocommit(db.getHandle()) != 0;
    const int target = static_cast<int>(steps.size());
    const std::string what = "migrating the " + std::string(name) + " tables: ";
    try {
        if (own) db.exec("BEGIN IMMEDIATE");
        db.exec(
            "CREATE TABLE IF NOT EXISTS schema_component (name TEXT PRIMARY KEY, "
            "version INTEGER NOT NULL)");
        const int have = component_version(db, name);
        if (have > target) {
            throw WorkspaceRejected(what + "this workspace has version " + std::to_string(have) +
                                    ", newer than this build's " + std::to_string(target) +
                                    "; update PensionDesk");
        }
        for (int v = have; v < target; ++v) db.exec(steps[static_cast<std::size_t>(v)]);
        if (have != target) {
            SQLite::Statement set(db,
                                  "INSERT INTO schema_component (name, version) VALUES (?, ?) "
                                  "ON CONFLICT(name) DO UPDATE SET version = excluded.version");
            set.bind(1, std::string(name));
            set.bind(2, target);
            set.exec();
        }
        if (own) db.exec("COMMIT");
    } catch (const StoreError&) {
        if (own && sqlite3_get_autocommit(db.getHandle()) == 0) db.exec("ROLLBACK");
        throw;
    } catch (const std::exception& e) {
        if (own && sqlite3_get_autocommit(db.getHandle()) == 0) db.exec("ROLLBACK");
        throw StoreError(what + e.what());
    }
}

}  // namespace pd::store
