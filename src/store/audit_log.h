#pragma once

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit.h"

namespace pd::store {

using AuditFilter = AuditQuery;

// Appends one entry to the hash chain of `db`: assigns seq and prev_hash, truncates the time to
// milliseconds (what is stored), and moves the head. Joins the caller's transaction when one is
// open on this connection (so the entry commits or rolls back with the change it describes);
// otherwise runs in its own BEGIN IMMEDIATE transaction. Returns the entry as stored.
AuditEntry append_audit(SQLite::Database& db, AuditEntry e);

// The audit log of a workspace (tables audit_log and audit_head, see auth_schema.cpp).
class SqliteAuditLog final : public AuditSink, public AuditReader {
  public:
    explicit SqliteAuditLog(SQLite::Database& db) : db_(db) {}

    void append(const AuditEntry& e) override { (void)append_audit(db_, e); }

    // Newest first, as the viewer lists them.
    [[nodiscard]] std::vector<AuditEntry> find(const AuditFilter& filter) const override;
    // Every entry in chain order.
    [[nodiscard]] std::vector<AuditEntry> all() const;
    [[nodiscard]] std::int64_t count() const;
    // Checks the whole chain against the head; nullopt when it holds.
    [[nodiscard]] std::optional<ChainBreak> verify() const;
    // CSV (UTF-8, header line) of the entries in [from, to), oldest first; returns how many.
    std::size_t export_csv(std::ostream& out, std::chrono::system_clock::time_point from,
                           std::chrono::system_clock::time_point to) const;

  private:
    SQLite::Database& db_;
};

// "field: before -> after; ..." for the viewer and the CSV.
[[nodiscard]] std::string describe_changes(const std::vector<FieldChange>& changes);

}  // namespace pd::store
