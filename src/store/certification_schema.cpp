#include "store/certification_schema.h"

#include <array>

#include "store/component_schema.h"

namespace pd::store {

namespace {

// Each retiree's newest passed validity from the certifications (written once here, used by
// the migration that creates the table and by rebuild_retiree_validity).
#define PD_VALIDITY_BACKFILL                                                            \
    "INSERT OR REPLACE INTO retiree_validity (retiree_key, valid_until) "               \
    "SELECT r.key, max(c.valid_until) FROM certification c JOIN retiree r ON r.uuid = " \
    "c.retiree_id WHERE c.outcome = 'passed' AND c.valid_until IS NOT NULL GROUP BY r.key;"

// Ordered; never edit a shipped step.
constexpr std::array<const char*, 4> kSteps{
    R"sql(
CREATE TABLE certification (
    id                 TEXT PRIMARY KEY,
    retiree_id         TEXT NOT NULL REFERENCES retiree(uuid),
    method             TEXT NOT NULL,
    outcome            TEXT NOT NULL
                       CHECK (outcome IN ('passed', 'failed', 'pending_review', 'rejected')),
    at                 TEXT NOT NULL,
    valid_until        TEXT,
    staff_id           TEXT NOT NULL,
    staff_name         TEXT NOT NULL,
    workstation        TEXT NOT NULL,
    place              TEXT NOT NULL,
    similarity         REAL NOT NULL,
    liveness           REAL NOT NULL,
    actions            TEXT NOT NULL,
    proxy_name         TEXT,
    proxy_id_number    TEXT,
    proxy_phone        TEXT,
    proxy_relationship TEXT,
    failure_reason     TEXT NOT NULL,
    receipt_number     TEXT,
    model_version      TEXT NOT NULL,
    evidence_blobs     TEXT NOT NULL,
    reviewed_by        TEXT NOT NULL,
    review_reason      TEXT NOT NULL
);
CREATE INDEX certification_retiree ON certification(retiree_id, at);
CREATE UNIQUE INDEX certification_receipt ON certification(receipt_number)
    WHERE receipt_number IS NOT NULL;
CREATE TABLE enrollment (
    id                 TEXT PRIMARY KEY,
    retiree_id         TEXT NOT NULL REFERENCES retiree(uuid),
    state              TEXT NOT NULL CHECK (state IN ('pending', 'active', 'superseded')),
    consent_version    TEXT NOT NULL,
    consent_text       TEXT NOT NULL,
    consent_given_by   TEXT NOT NULL,
    consent_recorded_by TEXT NOT NULL,
    consent_at         TEXT NOT NULL,
    template_blob      TEXT NOT NULL,
    photo_blob         TEXT NOT NULL,
    model_version      TEXT NOT NULL,
    captured_by        TEXT NOT NULL,
    captured_at        TEXT NOT NULL,
    confirmed_by       TEXT NOT NULL,
    confirmed_at       TEXT
);
-- At most one reference face per retiree is in force.
CREATE UNIQUE INDEX enrollment_one_active ON enrollment(retiree_id) WHERE state = 'active';
CREATE TABLE home_visit_case (
    id           TEXT PRIMARY KEY,
    retiree_id   TEXT NOT NULL REFERENCES retiree(uuid),
    state        TEXT NOT NULL,
    reason       TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    assigned_to  TEXT NOT NULL
);
CREATE INDEX home_visit_retiree ON home_visit_case(retiree_id);
-- Face templates, photos and evidence frames, sealed with AES-256-GCM (blob_cipher.h). Raw
-- images carry an expiry after which the retention sweep deletes them.
CREATE TABLE sealed_blob (
    id         TEXT PRIMARY KEY,
    owner_id   TEXT NOT NULL,
    purpose    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    data       BLOB NOT NULL
);
CREATE INDEX sealed_blob_owner ON sealed_blob(owner_id);
)sql",
    // Staff members' own faces, so that a clerk's face is refused in place of a retiree's.
    R"sql(
CREATE TABLE staff_face (
    staff_id            TEXT PRIMARY KEY,
    consent_version     TEXT NOT NULL,
    consent_text        TEXT NOT NULL,
    consent_given_by    TEXT NOT NULL,
    consent_recorded_by TEXT NOT NULL,
    consent_at          TEXT NOT NULL,
    template_blob       TEXT NOT NULL,
    photo_blob          TEXT NOT NULL,
    model_version       TEXT NOT NULL,
    enrolled_by         TEXT NOT NULL,
    enrolled_at         TEXT NOT NULL
);
)sql",
    // The relatives who assisted a retiree (亲友代办), kept on the retiree's record so the next
    // visit offers them instead of retyping; filled in the certification's own transaction.
    R"sql(
CREATE TABLE retiree_proxy (
    retiree_id   TEXT NOT NULL REFERENCES retiree(uuid),
    id_number    TEXT NOT NULL,
    name         TEXT NOT NULL,
    phone        TEXT NOT NULL,
    relationship TEXT NOT NULL,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    PRIMARY KEY (retiree_id, id_number)
);
)sql",
    // The due lists read every active retiree's newest validity; a per-retiree lookup of the
    // certifications by UUID took seconds at a million retirees. This keeps it by the
    // retiree's integer key, maintained in each certification's transaction.
    "CREATE TABLE retiree_validity (\n"
    "    retiree_key INTEGER PRIMARY KEY,\n"
    "    valid_until TEXT NOT NULL\n"
    ");\n" PD_VALIDITY_BACKFILL,
};

}  // namespace

void migrate_certification(SQLite::Database& db) {
    migrate_component(db, "certification", kSteps);
}

void rebuild_retiree_validity(SQLite::Database& db) {
    db.exec(PD_VALIDITY_BACKFILL);
}

}  // namespace pd::store
