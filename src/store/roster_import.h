#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/script_checker.h"
#include "store/database.h"
#include "store/roster_csv.h"

namespace pd::store {

struct ImportProgress {
    std::size_t rows_done = 0;   // data rows checked so far
    std::size_t bytes_done = 0;  // of the decoded text
    std::size_t bytes_total = 0;
    std::string phase;  // "checking", "indexing"
};

struct ImportOptions {
    // false (default): all or nothing; any bad row and nothing is imported.
    // true: good rows are imported, bad ones go to `reject_file` with their reasons.
    bool skip_invalid = false;
    std::filesystem::path reject_file;                // only with skip_invalid; empty: not written
    Actor actor = system_actor("", "roster import");  // who imports
    // Called every few thousand rows (on the importing thread); return false to cancel: the
    // transaction is rolled back and nothing changes.
    std::function<bool(const ImportProgress&)> progress;
    std::size_t max_problems = 100000;  // kept in the report (all are counted)
};

// One bad row: "line 12: phone: ... ".
struct RowProblem {
    std::size_t line = 0;
    std::string field;  // roster column, or "row" for the record as a whole
    std::string reason;
    [[nodiscard]] std::string message() const {
        return "line " + std::to_string(line) + ": " + field + ": " + reason;
    }
};

struct ImportReport {
    std::string source;
    std::string encoding;
    std::size_t rows = 0;              // data rows in the file
    std::size_t imported = 0;          // rows written (0 unless committed)
    std::size_t rejected = 0;          // bad rows
    std::vector<RowProblem> problems;  // every problem of every bad row (up to max_problems)
    bool committed = false;
    bool cancelled = false;
    std::string batch_id;  // UUID of the import batch (outbox entity), when committed
    std::chrono::milliseconds elapsed{0};
};

// Imports a roster CSV (docs/roster-csv.md) into the registry in one transaction, with one
// outbox event for the batch. Rows are checked like a registration (validate_draft, then the
// ID number held by another row of the file or another record, the phone held by another
// retiree unless marked shared by family). File-level problems (empty file, header, an
// unterminated quote, undecodable bytes) throw RosterFileError and change nothing; bad rows are
// reported in the ImportReport. Run it on a worker thread with its own Database.
ImportReport import_roster(Database& db, const std::filesystem::path& csv,
                           const ScriptChecker& script, const Clock& clock,
                           const ImportOptions& options);
// The same over bytes already in memory; `source` names them in messages.
ImportReport import_roster_bytes(Database& db, std::string bytes, const std::string& source,
                                 const ScriptChecker& script, const Clock& clock,
                                 const ImportOptions& options);

}  // namespace pd::store
