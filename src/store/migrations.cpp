#include "store/migrations.h"

#include <array>
#include <string>

#include "store/store_error.h"

namespace pd::store {

namespace {

// Ordered migrations: entry i takes the schema from version i to i + 1. Never edit a shipped
// one; append a new one instead (workspaces in the field are at every older version).
constexpr std::array<const char*, kSchemaVersion> kMigrations = {
    // 1: the registry, its units and the outbox.
    R"sql(
CREATE TABLE workspace_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE unit (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE retiree (
    key                    INTEGER PRIMARY KEY,
    uuid                   TEXT NOT NULL,
    id_number              TEXT NOT NULL,
    name                   TEXT NOT NULL,
    gender                 TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    birth_date             TEXT NOT NULL,
    ethnicity              TEXT NOT NULL DEFAULT '',
    unit_id                INTEGER NOT NULL REFERENCES unit(id),
    retirement_date        TEXT,
    phone                  TEXT,
    phone_shared_by_family INTEGER NOT NULL DEFAULT 0,
    address                TEXT NOT NULL DEFAULT '',
    social_security_card   TEXT NOT NULL DEFAULT '',
    scheme                 TEXT NOT NULL,
    overseas               INTEGER NOT NULL DEFAULT 0,
    status                 TEXT NOT NULL,
    status_reason          TEXT NOT NULL DEFAULT '',
    revision               INTEGER NOT NULL,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);
CREATE UNIQUE INDEX retiree_uuid ON retiree(uuid);
CREATE UNIQUE INDEX retiree_id_number ON retiree(id_number);
CREATE INDEX retiree_phone ON retiree(phone) WHERE phone IS NOT NULL;
CREATE INDEX retiree_unit ON retiree(unit_id);
CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    operation   TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    workstation TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox(state, seq);
)sql",
    // 2: name-fragment search. External-content FTS5 over retiree.name with the one-token-per-
    // character tokenizer; the store keeps it in step in code (no triggers, so bulk imports can
    // rebuild it once instead of row by row).
    R"sql(
CREATE VIRTUAL TABLE retiree_name_fts USING fts5(
    name, content='retiree', content_rowid='key', tokenize='pd_chars');
INSERT INTO retiree_name_fts(retiree_name_fts) VALUES ('rebuild');
)sql",
    // 3: a record of every bulk import (the outbox event of an import points at it).
    R"sql(
CREATE TABLE import_batch (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    first_key   INTEGER,
    last_key    INTEGER,
    actor       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
)sql",
};

}  // namespace

void migrate(SQLite::Database& db, int from, int to) {
    if (from < 0 || to > kSchemaVersion || from > to) {
        throw StoreError("migrating the workspace schema: no path from version " +
                         std::to_string(from) + " to " + std::to_string(to));
    }
    for (int v = from; v < to; ++v) {
        try {
            db.exec(kMigrations[static_cast<std::size_t>(v)]);
        } catch (const std::exception& e) {
            throw StoreError("migrating the workspace schema from version " + std::to_string(v) +
                             " to " + std::to_string(v + 1) + ": " + e.what());
        }
    }
    db.exec("PRAGMA user_version = " + std::to_string(to));
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
}

}  // namespace pd::store
