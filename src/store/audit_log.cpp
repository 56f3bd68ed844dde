#include "store/audit_log.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <charconv>
#include <ostream>

#include "domain/clock.h"
#include "store/sha256_digest.h"
#include "store/store_error.h"
#include "store/utc_time.h"

namespace pd::store {

namespace {

// Changes are stored length-prefixed ("<len>:<bytes>" three per change), so any bytes survive.
std::string encode_changes(const std::vector<FieldChange>& changes) {
    std::string out;
    for (const auto& c : changes) {
        for (const std::string* s : {&c.field, &c.before, &c.after}) {
            out += std::to_string(s->size());
            out += ':';
            out += *s;
        }
    }
    return out;
}

std::vector<FieldChange> decode_changes(std::string_view text, std::int64_t seq) {
    std::vector<std::string> parts;
    while (!text.empty()) {
        const auto colon = text.find(':');
        std::size_t len = 0;
        if (colon == std::string_view::npos) break;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + colon, len);
        if (ec != std::errc{} || ptr != text.data() + colon || colon + 1 + len > text.size()) {
            // Kept readable: verify() will report the entry because its hash differs.
            parts.push_back("(unreadable changes in entry " + std::to_string(seq) + ")");
            break;
        }
        parts.emplace_back(text.substr(colon + 1, len));
        text.remove_prefix(colon + 1 + len);
    }
    std::vector<FieldChange> out;
    for (std::size_t i = 0; i < parts.size(); i += 3) {
        FieldChange c;
        c.field = parts[i];
        if (i + 1 < parts.size()) c.before = parts[i + 1];
        if (i + 2 < parts.size()) c.after = parts[i + 2];
        out.push_back(std::move(c));
    }
    return out;
}

constexpr const char* kColumns =
    "seq, at, staff_id, staff_name, workstation, action, subject_type, subject_id, outcome, "
    "detail, changes, prev_hash";

AuditEntry read(SQLite::Statement& q) {
    AuditEntry e;
    e.seq = q.getColumn(0).getInt64();
    const std::string at = q.getColumn(1).getString();
    // An unparsable time stays visible as the epoch; its hash no longer matches, so verify()
    // names the entry.
    e.at = parse_utc_iso(at).value_or(std::chrono::system_clock::time_point{});
    e.staff_id = q.getColumn(2).getString();
    e.staff_name = q.getColumn(3).getString();
    e.workstation = q.getColumn(4).getString();
    const std::string action = q.getColumn(5).getString();
    // An unknown action name cannot round-trip: mark it so the canonical form differs.
    e.action = parse_audit_action(action).value_or(AuditAction::PermissionDenied);
    if (!parse_audit_action(action)) e.detail = "(unknown action " + action + ") ";
    e.subject_type = q.getColumn(6).getString();
    e.subject_id = q.getColumn(7).getString();
    e.outcome = q.getColumn(8).getString();
    e.detail += q.getColumn(9).getString();
    e.changes = decode_changes(q.getColumn(10).getString(), e.seq);
    e.prev_hash = q.getColumn(11).getString();
    return e;
}

std::string csv(std::string_view s) {
    std::string out = "\"";
    // A leading = + - @ would run as a formula in a spreadsheet.
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) out += '\'';
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace

std::string describe_changes(const std::vector<FieldChange>& changes) {
    std::string out;
    for (const auto& c : changes) {
        if (!out.empty()) out += "; ";
        out += c.field + ": " + c.before + " -> " + c.after;
    }
    return out;
}

AuditEntry append_audit(SQLite::Database& db, AuditEntry e) {
    const bool own = sqlite3_get_autocommit(db.getHandle()) != 0;
    try {
        if (own) db.exec("BEGIN IMMEDIATE");
        SQLite::Statement head(db, "SELECT count, last_hash FROM audit_head WHERE id = 1");
        if (!head.executeStep()) throw StoreError("the audit head row is missing");
        e.seq = head.getColumn(0).getInt64() + 1;
        e.prev_hash = head.getColumn(1).getString();
        // Stored with millisecond precision: hash exactly what can be read back.
        e.at = std::chrono::time_point_cast<std::chrono::milliseconds>(e.at);
        SQLite::Statement insert(
            db,
            "INSERT INTO audit_log (seq, at, staff_id, staff_name, workstation, action, "
            "subject_type, subject_id, outcome, detail, changes, prev_hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, e.seq);
        insert.bind(2, to_utc_iso(e.at));
        insert.bind(3, e.staff_id);
        insert.bind(4, e.staff_name);
        insert.bind(5, e.workstation);
        insert.bind(6, std::string(to_string(e.action)));
        insert.bind(7, e.subject_type);
        insert.bind(8, e.subject_id);
        insert.bind(9, e.outcome);
        insert.bind(10, e.detail);
        insert.bind(11, encode_changes(e.changes));
        insert.bind(12, e.prev_hash);
        insert.exec();
        SQLite::Statement move(db, "UPDATE audit_head SET count = ?, last_hash = ? WHERE id = 1");
        move.bind(1, e.seq);
        move.bind(2, sha256_hex(canonical_form(e)));
        move.exec();
        if (own) db.exec("COMMIT");
        return e;
    } catch (const std::exception& ex) {
        if (own && sqlite3_get_autocommit(db.getHandle()) == 0) db.exec("ROLLBACK");
        throw StoreError(std::string("appending ") + std::string(to_string(e.action)) +
                         " to the audit log: " + ex.what());
    }
}

std::vector<AuditEntry> SqliteAuditLog::find(const AuditFilter& f) const {
    std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1 = 1";
    if (!f.staff.empty()) sql += " AND (staff_id = :staff OR instr(staff_name, :staff) > 0)";
    if (!f.subject_id.empty()) sql += " AND subject_id = :subject";
    if (f.action) sql += " AND action = :action";
    if (f.from) sql += " AND at >= :from";
    if (f.to) sql += " AND at < :to";
    sql += " ORDER BY seq DESC LIMIT :limit";
    try {
        SQLite::Statement q(db_, sql);
        if (!f.staff.empty()) q.bind(":staff", f.staff);
        if (!f.subject_id.empty()) q.bind(":subject", f.subject_id);
        if (f.action) q.bind(":action", std::string(to_string(*f.action)));
        if (f.from) q.bind(":from", to_utc_iso(*f.from));
        if (f.to) q.bind(":to", to_utc_iso(*f.to));
        q.bind(":limit", static_cast<std::int64_t>(f.limit));
        std::vector<AuditEntry> out;
        while (q.executeStep()) out.push_back(read(q));
        return out;
    } catch (const SQLite::Exception& e) {
        throw StoreError(std::string("searching the audit log: ") + e.what());
    }
}

std::vector<AuditEntry> SqliteAuditLog::all() const {
    try {
        SQLite::Statement q(db_,
                            std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq");
        std::vector<AuditEntry> out;
        while (q.executeStep()) out.push_back(read(q));
        return out;
    } catch (const SQLite::Exception& e) {
        throw StoreError(std::string("reading the audit log: ") + e.what());
    }
}

std::int64_t SqliteAuditLog::count() const {
    SQLite::Statement q(db_, "SELECT count(*) FROM audit_log");
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::optional<ChainBreak> SqliteAuditLog::verify() const {
    std::int64_t head_count = 0;
    std::string head_hash;
    try {
        SQLite::Statement head(db_, "SELECT count, last_hash FROM audit_head WHERE id = 1");
        if (!head.executeStep()) return ChainBreak{1, "the audit head row was deleted"};
        head_count = head.getColumn(0).getInt64();
        head_hash = head.getColumn(1).getString();
    } catch (const SQLite::Exception& e) {
        throw StoreError(std::string("reading the audit head: ") + e.what());
    }
    return verify_chain(all(), Sha256Digest{}, head_count, head_hash);
}

std::size_t SqliteAuditLog::export_csv(std::ostream& out,
                                       std::chrono::system_clock::time_point from,
                                       std::chrono::system_clock::time_point to) const {
    out << "seq,at_utc,staff_id,staff_name,workstation,action,subject_type,subject_id,outcome,"
           "detail,changes,prev_hash\n";
    try {
        SQLite::Statement q(db_, std::string("SELECT ") + kColumns +
                                     " FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq");
        q.bind(1, to_utc_iso(from));
        q.bind(2, to_utc_iso(to));
        std::size_t n = 0;
        while (q.executeStep()) {
            const AuditEntry e = read(q);
            out << e.seq << ',' << csv(to_utc_iso(e.at)) << ',' << csv(e.staff_id) << ','
                << csv(e.staff_name) << ',' << csv(e.workstation) << ',' << csv(to_string(e.action))
                << ',' << csv(e.subject_type) << ',' << csv(e.subject_id) << ',' << csv(e.outcome)
                << ',' << csv(e.detail) << ',' << csv(describe_changes(e.changes)) << ','
                << csv(e.prev_hash) << '\n';
            ++n;
        }
        return n;
    } catch (const SQLite::Exception& e) {
        throw StoreError(std::string("exporting the audit log: ") + e.what());
    }
}

}  // namespace pd::store
