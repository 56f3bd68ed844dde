#include "store/auth_schema.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <array>
#include <string>

#include "store/store_error.h"

namespace pd::store {

namespace {

// Ordered: index i takes the component from version i to i + 1. Never edit a shipped step.
constexpr std::array<const char*, kAuthSchemaVersion> kSteps{
    R"sql(
CREATE TABLE staff_account (
    id TEXT PRIMARY KEY,
    staff_number TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    revision INTEGER NOT NULL
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    staff_name TEXT NOT NULL,
    workstation TEXT NOT NULL,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    changes TEXT NOT NULL,
    prev_hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_staff ON audit_log(staff_id);
CREATE INDEX audit_log_subject ON audit_log(subject_id);
-- The count and the hash of the last entry, updated with every append: deleting entries at the
-- end of the chain leaves nothing else to compare with.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    count INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, count, last_hash) VALUES (1, 0, '');
-- The program never changes or removes an entry. These stop mistakes, not someone with the
-- file and a SQLite shell: the hash chain catches that.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql",
};

}  // namespace

int auth_schema_version(SQLite::Database& db) {
    if (!db.tableExists("schema_component")) return 0;
    SQLite::Statement q(db, "SELECT version FROM schema_component WHERE name = 'auth'");
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

void migrate_auth(SQLite::Database& db) {
    const bool own = sqlite3_get_autocommit(db.getHandle()) != 0;
    try {
        if (own) db.exec("BEGIN IMMEDIATE");
        db.exec(
            "CREATE TABLE IF NOT EXISTS schema_component (name TEXT PRIMARY KEY, "
            "version INTEGER NOT NULL)");
        const int have = auth_schema_version(db);
        if (have > kAuthSchemaVersion) {
            throw WorkspaceRejected(
                "opening the staff and audit tables: this workspace has "
                "version " +
                std::to_string(have) + ", newer than this build's " +
                std::to_string(kAuthSchemaVersion) + "; update PensionDesk");
        }
        for (int v = have; v < kAuthSchemaVersion; ++v) db.exec(kSteps.at(v));
        if (have != kAuthSchemaVersion) {
            SQLite::Statement set(db,
                                  "INSERT INTO schema_component (name, version) VALUES ('auth', ?) "
                                  "ON CONFLICT(name) DO UPDATE SET version = excluded.version");
            set.bind(1, kAuthSchemaVersion);
            set.exec();
        }
        if (own) db.exec("COMMIT");
    } catch (const StoreError&) {
        if (own) db.exec("ROLLBACK");
        throw;
    } catch (const std::exception& e) {
        if (own && sqlite3_get_autocommit(db.getHandle()) == 0) db.exec("ROLLBACK");
        throw StoreError(std::string("migrating the staff and audit tables: ") + e.what());
    }
}

}  // namespace pd::store
