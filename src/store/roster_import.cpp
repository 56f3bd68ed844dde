#include "store/roster_import.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <boost/json.hpp>
#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "domain/retiree_validation.h"
#include "domain/uuid.h"
#include "store/flat_key_map.h"
#include "store/outbox.h"
#include "store/unit_table.h"

namespace pd::store {

namespace {

// The secondary indexes of the retiree table as the current schema defines them (migration
// 1). A bulk import into an empty registry drops them and builds them once at the end: sorting
// a million keys is several times faster than a million random B-tree inserts.
struct IndexDef {
    const char* name;
    const char* create;
};
constexpr IndexDef kRetireeIndexes[] = {
    {"retiree_uuid", "CREATE UNIQUE INDEX retiree_uuid ON retiree(uuid)"},
    {"retiree_id_number", "CREATE UNIQUE INDEX retiree_id_number ON retiree(id_number)"},
    {"retiree_phone", "CREATE INDEX retiree_phone ON retiree(phone) WHERE phone IS NOT NULL"},
    {"retiree_unit", "CREATE INDEX retiree_unit ON retiree(unit_id)"},
};

// The OpenCC checker locks a mutex per character; an import asks about the same few thousand
// characters millions of times from one thread, so a private cache in front of it pays.
class CachedScriptChecker final : public ScriptChecker {
  public:
    explicit CachedScriptChecker(const ScriptChecker& inner) : inner_(inner) {}
    [[nodiscard]] std::optional<char32_t> simplified_of(char32_t ch) const override {
        if (ch < 0x80) return std::nullopt;
        const auto it = cache_.find(ch);
        if (it != cache_.end()) return it->second;
        const auto answer = inner_.simplified_of(ch);
        cache_.emplace(ch, answer);
        return answer;
    }

  private:
    const ScriptChecker& inner_;
    mutable std::unordered_map<char32_t, std::optional<char32_t>> cache_;
};

// 18-character ID number -> a number (17 digits * 11 + check value), for compact sets.
std::uint64_t id_key(const std::string& id) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 17; ++i) v = v * 10 + static_cast<std::uint64_t>(id[i] - '0');
    const char c = id[17];
    return v * 11 + (c == 'X' ? 10 : static_cast<std::uint64_t>(c - '0'));
}

std::uint64_t phone_key(const std::string& phone) {
    return std::stoull(phone);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RosterFileError(0, "cannot open " + path.string() + " for reading");
    std::string bytes;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in && !in.eof()) throw RosterFileError(0, "cannot read " + path.string());
    return bytes;
}

bool blank_record(const CsvRecord& rec) {
    return rec.fields.size() == 1 && rec.fields[0].find_first_not_of(" \t\r") == std::string::npos;
}

// A row after the checks that need only the row itself.
struct CheckedRow {
    CsvRecord record;
    std::optional<Retiree> retiree;  // when every field passed
    std::vector<RowProblem> problems;
    // Worked out on the checking thread, so the writing thread only looks up and binds.
    std::uint64_t id_key = 0;
    std::uint64_t phone_key = 0;  // 0: no phone
    std::string birth_iso;
    std::string retirement_iso;
    std::string uuid;
};

CheckedRow check_row(const RosterHeader& header, CsvRecord record, const ScriptChecker& checker,
                     Date today, UuidGenerator& uuids, const Clock& clock) {
    CheckedRow out;
    const std::size_t line = record.line;
    const auto problem = [&](std::string field, std::string reason) {
        out.problems.push_back(RowProblem{line, std::move(field), std::move(reason)});
    };
    const std::size_t width = header.names.size();
    if (!record.problem.empty()) {
        problem("row", record.problem);
    } else if (record.fields.size() != width) {
        problem("row", "has " + std::to_string(record.fields.size()) + " fields; the header has " +
                           std::to_string(width) +
                           " (a comma inside a field needs the field in double quotes)");
    } else {
        std::string status_text;
        std::string status_reason;
        const RetireeDraft draft = draft_from_row(header, record, &status_text, &status_reason);
        for (const std::size_t k : {std::size_t{8}, std::size_t{12}}) {
            if (header.index[k] && !parse_flag(record.fields[*header.index[k]])) {
                problem(std::string(kRosterColumns[k].name),
                        "'" + record.fields[*header.index[k]] + "' is not yes or no (1/0)");
            }
        }
        std::optional<RetireeStatus> status = RetireeStatus::Active;
        if (!status_text.empty()) {
            status = parse_retiree_status(status_text);
            if (!status) {
                problem("status", "'" + status_text +
                                      "' is not a status (active, suspended, deceased, "
                                      "deactivated)");
            }
        }
        if (auto e = check_free_text(status_reason, "status_reason", 200, false)) {
            problem("status_reason", e->message());
        }
        auto validated = validate_draft(draft, checker, today);
        if (!validated) {
            for (const auto& e : validated.error()) problem(e.field, e.message());
        } else if (out.problems.empty()) {
            out.retiree = std::move(*validated);
            out.retiree->status = *status;
            out.retiree->status_reason = status_reason;
        }
    }
    if (out.retiree) {
        const Retiree& r = *out.retiree;
        out.id_key = id_key(r.id_number.str());
        out.phone_key = r.phone ? phone_key(r.phone->str()) : 0;
        out.birth_iso = to_iso(r.birth_date);
        if (r.retirement_date) out.retirement_iso = to_iso(*r.retirement_date);
        out.uuid = uuids.next(clock.now()).str();
    }
    out.record.line = record.line;
    // A good row's fields are freed here, on the thread that made them (cross-thread frees are
    // what glibc's allocator is slowest at); the rare row the registry rules reject later is
    // written to the reject file from its record instead (fields_of).
    if (!out.retiree) out.record = std::move(record);
    return out;
}

// The reject-file fields of a row that passed the field checks, in the file's column order.
std::vector<std::string> fields_of(const RosterHeader& header, const Retiree& r) {
    const RetireeDraft d = to_draft(r);
    const RosterFields values = roster_fields(d, to_string(r.status), r.status_reason);
    std::vector<std::string> fields(header.names.size());
    for (std::size_t k = 0; k < std::size(values); ++k) {
        if (header.index[k]) fields[*header.index[k]] = values[k];
    }
    return fields;
}

struct RowBatch {
    std::vector<CheckedRow> rows;
    std::size_t position = 0;  // bytes of the text read after this batch
};

// Reads and checks rows on a worker thread, handing them over in batches (bounded, so memory
// stays flat for any file size). A RosterFileError in the middle of the file reaches the
// consumer after the rows before it, from next().
class RowPipeline {
  public:
    RowPipeline(CsvReader& reader, const RosterHeader& header, const ScriptChecker& checker,
                Date today, const Clock& clock)
        : worker_([this, &reader, &header, &checker, today, &clock] {
              run(reader, header, checker, today, clock);
          }) {}
    ~RowPipeline() {
        stop();
        worker_.join();
    }
    RowPipeline(const RowPipeline&) = delete;
    RowPipeline& operator=(const RowPipeline&) = delete;

    std::optional<RowBatch> next() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !queue_.empty() || done_; });
        if (queue_.empty()) {
            if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
            return std::nullopt;
        }
        RowBatch b = std::move(queue_.front());
        queue_.pop_front();
        changed_.notify_all();
        return b;
    }
    void stop() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        changed_.notify_all();
    }

  private:
    static constexpr std::size_t kBatch = 2048;
    static constexpr std::size_t kQueued = 8;

    void run(CsvReader& reader, const RosterHeader& header, const ScriptChecker& checker,
             Date today, const Clock& clock) {
        try {
            UuidGenerator uuids;
            RowBatch batch;
            CsvRecord rec;
            while (reader.next(rec)) {
                if (blank_record(rec)) continue;
                batch.rows.push_back(
                    check_row(header, std::move(rec), checker, today, uuids, clock));
                rec = CsvRecord{};
                if (batch.rows.size() == kBatch) {
                    batch.position = reader.position();
                    if (!push(std::move(batch))) return;
                    batch = RowBatch{};
                    batch.rows.reserve(kBatch);
                }
            }
            batch.position = reader.position();
            if (!batch.rows.empty()) push(std::move(batch));
        } catch (...) {
            std::lock_guard lock(mutex_);
            error_ = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        done_ = true;
        changed_.notify_all();
    }
    bool push(RowBatch b) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return queue_.size() < kQueued || stopped_; });
        if (stopped_) return false;
        queue_.push_back(std::move(b));
        changed_.notify_all();
        return true;
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<RowBatch> queue_;
    bool done_ = false;
    bool stopped_ = false;
    std::exception_ptr error_;
    std::thread worker_;  // last: starts after the state it uses exists
};

class RejectWriter {
  public:
    RejectWriter(const std::filesystem::path& path, const RosterHeader& header) {
        if (path.empty()) return;
        out_.open(path, std::ios::binary | std::ios::trunc);
        if (!out_) throw StoreError("cannot write the reject file " + path.string());
        out_ << "\xEF\xBB\xBF";  // BOM: spreadsheet programs then show the Chinese correctly
        std::vector<std::string> names = header.names;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i] == kReasonColumn) reason_index_ = i;
        }
        if (!reason_index_) {
            reason_index_ = names.size();
            names.emplace_back(kReasonColumn);
        }
        width_ = names.size();
        write_csv_line(out_, std::span<const std::string>(names));
    }
    void write(std::vector<std::string> fields, const std::string& reason) {
        if (!out_.is_open()) return;
        if (fields.size() < width_) fields.resize(width_);
        fields[*reason_index_] = reason;
        write_csv_line(out_, std::span<const std::string>(fields));
    }

  private:
    std::ofstream out_;
    std::optional<std::size_t> reason_index_;
    std::size_t width_ = 0;
};

}  // namespace

ImportReport import_roster(Database& db, const std::filesystem::path& csv,
                           const ScriptChecker& script, const Clock& clock,
                           const ImportOptions& options) {
    return import_roster_bytes(db, read_file(csv), csv.string(), script, clock, options);
}

ImportReport import_roster_bytes(Database& db, std::string bytes, const std::string& source,
                                 const ScriptChecker& script, const Clock& clock,
                                 const ImportOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    ImportReport report;
    report.source = source;
    if (bytes.empty()) {
        throw RosterFileError(0,
                              "the file is empty; the first line must name the columns, e.g. "
                              "id_number,name,employer_unit (see docs/roster-csv.md)");
    }
    DecodedRoster decoded = decode_roster(std::move(bytes));
    report.encoding = decoded.encoding;
    CsvReader reader(decoded.text);
    CsvRecord rec;
    if (!reader.next(rec)) {
        throw RosterFileError(0,
                              "the file is empty; the first line must name the columns, e.g. "
                              "id_number,name,employer_unit (see docs/roster-csv.md)");
    }
    const RosterHeader header = RosterHeader::parse(rec);

    CachedScriptChecker checker(script);
    const Date today = clock.today();
    const std::string now = to_utc_iso(clock.now());
    UuidGenerator uuids;
    Actor actor = options.actor;
    if (actor.staff_id.empty()) actor.staff_id = "system";
    SQLite::Database& sql = db.sql();
    RejectWriter rejects(options.skip_invalid ? options.reject_file : std::filesystem::path{},
                         header);

    std::size_t line = rec.line;
    try {
        sql.exec("PRAGMA cache_size = -1048576");  // up to 1 GiB while importing: no spills
        // Into an empty registry with no other connection open, load through a rollback
        // journal: new pages are written once, straight into the file, where WAL writes them
        // to the log and again at the checkpoint. SQLite refuses the switch while another
        // connection is open; then the import simply runs in WAL mode.
        bool left_wal = false;
        if (sql.execAndGet("SELECT coalesce(max(key), 0) FROM retiree").getInt64() == 0) {
            try {
                left_wal = sql.execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
            } catch (const SQLite::Exception&) {
                left_wal = false;
            }
        }
        struct BackToWal {
            SQLite::Database& db;
            bool active;
            ~BackToWal() {
                if (!active) return;
                try {
                    db.exec("PRAGMA journal_mode = WAL");
                } catch (...) {  // NOLINT: a destructor must not throw; the next open retries
                }
            }
        } back_to_wal{sql, left_wal};
        SQLite::Transaction tx(sql, SQLite::TransactionBehavior::IMMEDIATE);
        const std::int64_t existing =
            sql.execAndGet("SELECT coalesce(max(key), 0) FROM retiree").getInt64();
        const bool bulk = existing == 0;

        // ID numbers and phones already registered (a bulk load into an empty registry has
        // none); then the file's own, as rows pass.
        // About 160 bytes a row: size the tables once instead of growing them a row at a time.
        const std::size_t expected_rows = decoded.text.size() / 120 + 16;
        FlatKeyMap db_ids(bulk ? 16 : static_cast<std::size_t>(existing));
        FlatKeyMap db_phones(bulk ? 16 : static_cast<std::size_t>(existing));
        if (!bulk) {
            SQLite::Statement ids(sql, "SELECT id_number FROM retiree");
            while (ids.executeStep()) db_ids.emplace(id_key(ids.getColumn(0).getString()), 0);
            SQLite::Statement phones(sql,
                                     "SELECT phone FROM retiree WHERE phone IS NOT NULL AND "
                                     "status <> 'deactivated'");
            while (phones.executeStep())
                db_phones.emplace(phone_key(phones.getColumn(0).getString()), 0);
        } else {
            for (const auto& idx : kRetireeIndexes) {
                sql.exec(std::string("DROP INDEX IF EXISTS ") + idx.name);
            }
        }
        FlatKeyMap file_ids(expected_rows);
        FlatKeyMap file_phones(expected_rows);
        std::unordered_map<std::string, std::int64_t> unit_ids;
        UnitTable units(sql);

        SQLite::Statement insert(
            sql,
            "INSERT INTO retiree(id_number, name, gender, birth_date, ethnicity, unit_id, "
            "retirement_date, phone, phone_shared_by_family, address, social_security_card, "
            "scheme, overseas, status, status_reason, revision, uuid, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)");
        SQLite::Statement fts(sql, "INSERT INTO retiree_name_fts(rowid, name) VALUES (?, ?)");
        std::optional<std::int64_t> first_key;
        std::int64_t last_key = 0;

        ImportProgress progress;
        progress.bytes_total = decoded.text.size();
        progress.phase = "checking";

        // Stage 1 (a worker thread): parse and check each row on its own. Stage 2 (here, the
        // thread that owns the connection): the checks against other rows and the workspace,
        // then the insert. The two overlap, so a 2-core machine checks while SQLite writes.
        RowPipeline pipeline(reader, header, checker, today, clock);
        std::vector<RowProblem> row_problems;
        const auto problem = [&](std::string field, std::string reason) {
            row_problems.push_back(RowProblem{line, std::move(field), std::move(reason)});
        };
        std::size_t next_progress = 8192;
        while (auto batch = pipeline.next()) {
            for (CheckedRow& row : batch->rows) {
                line = row.record.line;
                ++report.rows;
                row_problems = std::move(row.problems);
                std::optional<Retiree> ok;
                if (row_problems.empty() && row.retiree) {
                    Retiree& r = *row.retiree;
                    const std::uint64_t ik = row.id_key;
                    if (db_ids.contains(ik)) {
                        problem("id_number",
                                "this ID number is already registered in the workspace");
                    } else if (const auto at = file_ids.find(ik)) {
                        problem("id_number", "the same ID number is on line " +
                                                 std::to_string(*at) + " of this file");
                    }
                    if (r.phone && !r.phone_shared_by_family) {
                        const std::uint64_t pk = row.phone_key;
                        if (db_phones.contains(pk)) {
                            problem("phone",
                                    "this phone is already registered to another retiree "
                                    "(该手机已注册); if the family shares it, set "
                                    "phone_shared_by_family to 1");
                        } else if (const auto at = file_phones.find(pk)) {
                            problem("phone",
                                    "this phone is already given for the retiree on line " +
                                        std::to_string(*at) +
                                        "; if the family shares it, set "
                                        "phone_shared_by_family to 1");
                        }
                    }
                    if (row_problems.empty()) {
                        ok = std::move(r);
                    } else {
                        row.record.fields = fields_of(header, r);
                    }
                }
                if (!ok) {
                    ++report.rejected;
                    std::string reasons;
                    for (auto& p : row_problems) {
                        if (!reasons.empty()) reasons += "; ";
                        reasons += p.field + ": " + p.reason;
                        if (report.problems.size() < options.max_problems) {
                            report.problems.push_back(std::move(p));
                        }
                    }
                    rejects.write(std::move(row.record.fields), reasons);
                } else {
                    const Retiree& r = *ok;
                    file_ids.emplace(row.id_key, static_cast<std::uint32_t>(line));
                    if (r.phone && r.status != RetireeStatus::Deactivated) {
                        file_phones.emplace(row.phone_key, static_cast<std::uint32_t>(line));
                    }
                    // All or nothing: once a row is bad, keep checking but stop writing.
                    if (options.skip_invalid || report.rejected == 0) {
                        auto unit = unit_ids.find(r.employer_unit);
                        if (unit == unit_ids.end()) {
                            unit = unit_ids.emplace(r.employer_unit, units.id_for(r.employer_unit))
                                       .first;
                        }
                        // No-copy binds: every value outlives the exec() below.
                        const std::string& birth = row.birth_iso;
                        const std::string& retired = row.retirement_iso;
                        const std::string& uuid = row.uuid;
                        insert.bindNoCopy(1, r.id_number.str());
                        insert.bindNoCopy(2, r.name.str());
                        insert.bindNoCopy(3, to_string(r.gender).data());
                        insert.bindNoCopy(4, birth);
                        insert.bindNoCopy(5, r.ethnicity);
                        insert.bind(6, unit->second);
                        if (r.retirement_date) {
                            insert.bindNoCopy(7, retired);
                        } else {
                            insert.bind(7);
                        }
                        if (r.phone) {
                            insert.bindNoCopy(8, r.phone->str());
                        } else {
                            insert.bind(8);
                        }
                        insert.bind(9, r.phone_shared_by_family ? 1 : 0);
                        insert.bindNoCopy(10, r.address);
                        insert.bindNoCopy(11, r.social_security_card);
                        insert.bindNoCopy(12, to_string(r.scheme).data());
                        insert.bind(13, r.overseas ? 1 : 0);
                        insert.bindNoCopy(14, to_string(r.status).data());
                        insert.bindNoCopy(15, r.status_reason);
                        insert.bindNoCopy(16, uuid);
                        insert.bindNoCopy(17, now);
                        insert.bindNoCopy(18, now);
                        insert.exec();
                        insert.reset();
                        const std::int64_t key = sql.getLastInsertRowid();
                        if (!first_key) first_key = key;
                        last_key = key;
                        if (!bulk) {
                            fts.bind(1, key);
                            fts.bind(2, r.name.str());
                            fts.exec();
                            fts.reset();
                        }
                        ++report.imported;
                    }
                }
            }
            if (options.progress && report.rows >= next_progress) {
                next_progress = report.rows + 8192;
                progress.rows_done = report.rows;
                progress.bytes_done = batch->position;
                if (!options.progress(progress)) {
                    report.cancelled = true;
                    pipeline.stop();
                    break;
                }
            }
        }
        line = 0;

        if (report.cancelled || (!options.skip_invalid && report.rejected > 0) ||
            report.imported == 0) {
            report.imported = 0;
            if (report.cancelled || report.rejected > 0) {
                sql.exec("PRAGMA cache_size = -2000");
                report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - started);
                return report;
            }
        }
        if (options.progress) {
            progress.rows_done = report.rows;
            progress.bytes_done = progress.bytes_total;
            progress.phase = "indexing";
            if (!options.progress(progress)) {
                report.cancelled = true;
                report.imported = 0;
                sql.exec("PRAGMA cache_size = -2000");
                return report;
            }
        }
        const auto phase = [&](const char* name) {
            if (!options.progress) return;
            progress.phase = name;
            (void)options.progress(progress);  // too late to cancel cheaply; keep going
        };
        if (bulk) {
            for (const auto& idx : kRetireeIndexes) sql.exec(idx.create);
            phase("name index");
            sql.exec("INSERT INTO retiree_name_fts(retiree_name_fts) VALUES ('rebuild')");
        }
        phase("committing");
        if (report.imported > 0) {
            const Uuid batch = uuids.next(clock.now());
            report.batch_id = batch.str();
            SQLite::Statement b(sql,
                                "INSERT INTO import_batch(uuid, source, encoding, rows, rejected, "
                                "first_key, last_key, actor, created_at) "
                                "VALUES (?,?,?,?,?,?,?,?,?)");
            b.bind(1, report.batch_id);
            b.bind(2, source);
            b.bind(3, report.encoding);
            b.bind(4, static_cast<std::int64_t>(report.imported));
            b.bind(5, static_cast<std::int64_t>(report.rejected));
            b.bind(6, *first_key);
            b.bind(7, last_key);
            b.bind(8, actor.staff_id);
            b.bind(9, now);
            b.exec();
            // One event for the batch: sync uploads the records of keys first..last (a batch's
            // keys are contiguous: one transaction, records never deleted).
            boost::json::object payload{{"batch", report.batch_id},    {"source", source},
                                        {"encoding", report.encoding}, {"rows", report.imported},
                                        {"rejected", report.rejected}, {"first_key", *first_key},
                                        {"last_key", last_key}};
            append_outbox(sql, uuids.next(clock.now()), "import_batch", report.batch_id, "import",
                          boost::json::serialize(payload), now, actor);
        }
        tx.commit();
        report.committed = report.imported > 0;
        sql.exec("PRAGMA cache_size = -2000");
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError("importing " + source + (line ? " at line " + std::to_string(line) : "") +
                         ": " + e.what() + " (nothing was imported)");
    }
    report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    return report;
}

}  // namespace pd::store
