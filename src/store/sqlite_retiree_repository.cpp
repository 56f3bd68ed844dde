#include "store/sqlite_retiree_repository.h"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>

#include "domain/utf8.h"
#include "store/audit_log.h"
#include "store/outbox.h"
#include "store/retiree_json.h"
#include "store/store_error.h"
#include "store/unit_table.h"

namespace pd::store {

namespace {

constexpr const char* kRetireeColumns =
    "SELECT r.key, r.uuid, r.id_number, r.name, r.gender, r.birth_date, r.ethnicity, u.name, "
    "r.retirement_date, r.phone, r.phone_shared_by_family, r.address, r.social_security_card, "
    "r.scheme, r.overseas, r.status, r.status_reason, r.revision "
    "FROM retiree r JOIN unit u ON u.id = r.unit_id ";

constexpr const char* kRowColumns =
    "SELECT r.key, r.uuid, r.id_number, r.name, r.gender, r.birth_date, u.name, r.phone, "
    "r.status FROM retiree r JOIN unit u ON u.id = r.unit_id WHERE r.key = ?";

Retiree read_retiree(SQLite::Statement& st) {
    std::optional<Date> retired;
    if (!st.getColumn(8).isNull()) retired = parse_date(st.getColumn(8).getString());
    std::optional<MobilePhone> phone;
    if (!st.getColumn(9).isNull()) phone = MobilePhone::from_storage(st.getColumn(9).getString());
    return Retiree{
        .id = Uuid::parse(st.getColumn(1).getString()).value_or(Uuid{}),
        .id_number = IdNumber::from_storage(st.getColumn(2).getString()),
        .name = PersonName::from_storage(st.getColumn(3).getString()),
        .gender = st.getColumn(4).getString() == "female" ? Gender::Female : Gender::Male,
        .birth_date = parse_date(st.getColumn(5).getString()).value_or(Date{}),
        .ethnicity = st.getColumn(6).getString(),
        .employer_unit = st.getColumn(7).getString(),
        .retirement_date = retired,
        .phone = phone,
        .phone_shared_by_family = st.getColumn(10).getInt() != 0,
        .address = st.getColumn(11).getString(),
        .social_security_card = st.getColumn(12).getString(),
        .scheme = parse_pension_scheme(st.getColumn(13).getString())
                      .value_or(PensionScheme::PublicInstitution),
        .overseas = st.getColumn(14).getInt() != 0,
        .status =
            parse_retiree_status(st.getColumn(15).getString()).value_or(RetireeStatus::Active),
        .status_reason = st.getColumn(16).getString(),
        .revision = st.getColumn(17).getInt64()};
}

// Binds the record's columns 1..16 in the order of kInsert / kUpdate below.
void bind_record(SQLite::Statement& st, const Retiree& r, std::int64_t unit_id) {
    st.bind(1, r.id_number.str());
    st.bind(2, r.name.str());
    st.bind(3, std::string(to_string(r.gender)));
    st.bind(4, to_iso(r.birth_date));
    st.bind(5, r.ethnicity);
    st.bind(6, unit_id);
    if (r.retirement_date) {
        st.bind(7, to_iso(*r.retirement_date));
    } else {
        st.bind(7);
    }
    if (r.phone) {
        st.bind(8, r.phone->str());
    } else {
        st.bind(8);
    }
    st.bind(9, r.phone_shared_by_family ? 1 : 0);
    st.bind(10, r.address);
    st.bind(11, r.social_security_card);
    st.bind(12, std::string(to_string(r.scheme)));
    st.bind(13, r.overseas ? 1 : 0);
    st.bind(14, std::string(to_string(r.status)));
    st.bind(15, r.status_reason);
    st.bind(16, r.revision);
}

bool is_unique_violation(const SQLite::Exception& e) {
    // The extended code is not always carried over; the primary code and message are.
    return (e.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT &&
           std::string_view(e.what()).find("UNIQUE") != std::string_view::npos;
}

std::string upper_ascii(std::string s) {
    for (auto& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

std::string strip_blanks(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '\t' && c != '-') out.push_back(c);
    }
    return out;
}

// The smallest string greater than every string starting with `prefix` (digits and X only).
std::string prefix_end(std::string prefix) {
    prefix.push_back('\x7f');
    return prefix;
}

std::string fts_phrase(std::string_view text) {
    std::string q = "\"";
    for (char c : text) {
        if (c == '"') q.push_back('"');
        q.push_back(c);
    }
    q.push_back('"');
    return q;
}

void sort_unique(std::vector<std::int64_t>& keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace

std::vector<SearchField> guess_search_fields(std::string_view raw) {
    const std::string text = strip_blanks(raw);
    if (text.empty()) return {};
    const bool id_chars = std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == 'x' || c == 'X';
    });
    if (id_chars) {
        const bool digits = text.find_first_of("xX") == std::string::npos;
        // A phone starts with 1; ID numbers of provinces 11-15 do too, so short digit strings
        // starting with 1 are tried as both.
        if (digits && text[0] == '1' && text.size() <= 11) {
            return {SearchField::Phone, SearchField::IdNumber};
        }
        return {SearchField::IdNumber};
    }
    // Chinese or Latin text: a name first; no name matching it means it is a unit fragment.
    return {SearchField::Name, SearchField::EmployerUnit};
}

struct SqliteRetireeRepository::Statements {
    explicit Statements(SQLite::Database& db)
        : by_uuid(db, std::string(kRetireeColumns) + "WHERE r.uuid = ?"),
          by_id_number(db, std::string(kRetireeColumns) + "WHERE r.id_number = ?"),
          by_phone(db, std::string(kRetireeColumns) + "WHERE r.phone = ? ORDER BY r.key"),
          by_key(db, std::string(kRetireeColumns) + "WHERE r.key = ?"),
          row(db, kRowColumns),
          key_of(db, "SELECT key FROM retiree WHERE uuid = ?"),
          id_exact(db, "SELECT key FROM retiree WHERE id_number = ?"),
          id_prefix(db,
                    "SELECT key FROM retiree WHERE id_number >= ? AND id_number < ? "
                    "ORDER BY id_number LIMIT ?"),
          phone_exact(db, "SELECT key FROM retiree WHERE phone = ? ORDER BY key LIMIT ?"),
          phone_prefix(db,
                       "SELECT key FROM retiree WHERE phone >= ? AND phone < ? "
                       "ORDER BY phone LIMIT ?"),
          name(db,
               "SELECT rowid FROM retiree_name_fts WHERE retiree_name_fts MATCH ? "
               "ORDER BY rowid LIMIT ?"),
          unit(db,
               "SELECT key FROM retiree WHERE unit_id IN "
               "(SELECT id FROM unit WHERE instr(name, ?) > 0) ORDER BY key LIMIT ?"),
          insert(db,
                 "INSERT INTO retiree(id_number, name, gender, birth_date, ethnicity, unit_id, "
                 "retirement_date, phone, phone_shared_by_family, address, social_security_card, "
                 "scheme, overseas, status, status_reason, revision, uuid, created_at, "
                 "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
          update(db,
                 "UPDATE retiree SET id_number=?, name=?, gender=?, birth_date=?, ethnicity=?, "
                 "unit_id=?, retirement_date=?, phone=?, phone_shared_by_family=?, address=?, "
                 "social_security_card=?, scheme=?, overseas=?, status=?, status_reason=?, "
                 "revision=?, updated_at=? WHERE key=?"),
          current(db, "SELECT key, revision, name FROM retiree WHERE uuid = ?"),
          fts_insert(db, "INSERT INTO retiree_name_fts(rowid, name) VALUES (?, ?)"),
          fts_delete(db,
                     "INSERT INTO retiree_name_fts(retiree_name_fts, rowid, name) "
                     "VALUES ('delete', ?, ?)"),
          units(db) {}

    SQLite::Statement by_uuid, by_id_number, by_phone, by_key, row, key_of;
    SQLite::Statement id_exact, id_prefix, phone_exact, phone_prefix, name, unit;
    SQLite::Statement insert, update, current, fts_insert, fts_delete;
    UnitTable units;
};

SqliteRetireeRepository::SqliteRetireeRepository(Database& db, const Clock& clock)
    : db_(db), clock_(clock), event_ids_() {
    try {
        st_ = std::make_unique<Statements>(db.sql());
    } catch (const std::exception& e) {
        throw StoreError("preparing the registry queries on " + db.path().string() + ": " +
                         e.what());
    }
}

SqliteRetireeRepository::~SqliteRetireeRepository() = default;

namespace {

std::optional<Retiree> one_retiree(SQLite::Statement& st) {
    std::optional<Retiree> out;
    if (st.executeStep()) out = read_retiree(st);
    st.reset();
    st.clearBindings();
    return out;
}

}  // namespace

std::optional<Retiree> SqliteRetireeRepository::by_id(const Uuid& id) const {
    st_->by_uuid.bind(1, id.str());
    return one_retiree(st_->by_uuid);
}

std::optional<Retiree> SqliteRetireeRepository::by_id_number(const IdNumber& id) const {
    st_->by_id_number.bind(1, id.str());
    return one_retiree(st_->by_id_number);
}

std::optional<Retiree> SqliteRetireeRepository::by_key(std::int64_t key) const {
    st_->by_key.bind(1, key);
    return one_retiree(st_->by_key);
}

std::optional<std::int64_t> SqliteRetireeRepository::key_of(const Uuid& id) const {
    auto& st = st_->key_of;
    st.bind(1, id.str());
    std::optional<std::int64_t> out;
    if (st.executeStep()) out = st.getColumn(0).getInt64();
    st.reset();
    return out;
}

std::vector<Retiree> SqliteRetireeRepository::by_phone(const MobilePhone& phone) const {
    auto& st = st_->by_phone;
    st.bind(1, phone.str());
    std::vector<Retiree> out;
    while (st.executeStep()) out.push_back(read_retiree(st));
    st.reset();
    return out;
}

void SqliteRetireeRepository::add(const Retiree& r, const ChangeNote& note) {
    const std::string now = to_utc_iso(clock_.now());
    try {
        SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        const std::int64_t unit = st_->units.id_for(r.employer_unit);
        auto& ins = st_->insert;
        bind_record(ins, r, unit);
        ins.bind(17, r.id.str());
        ins.bind(18, now);
        ins.bind(19, now);
        try {
            ins.exec();
        } catch (const SQLite::Exception& e) {
            (void)ins.tryReset();  // reset() would rethrow the step's error
            if (is_unique_violation(e)) {
                throw DuplicateKey("ID number " + r.id_number.str() + " is already registered");
            }
            throw;
        }
        ins.reset();
        const std::int64_t key = db_.sql().getLastInsertRowid();
        st_->fts_insert.bind(1, key);
        st_->fts_insert.bind(2, r.name.str());
        st_->fts_insert.exec();
        st_->fts_insert.reset();
        append_outbox(db_.sql(), event_ids_.next(clock_.now()), "retiree", r.id.str(),
                      note.operation.empty() ? "create" : note.operation, retiree_payload(r, now),
                      now, note.actor);
        if (note.audit) append_audit(db_.sql(), *note.audit);
        tx.commit();
    } catch (const DuplicateKey&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError("saving retiree " + r.id_number.masked() + ": " + e.what());
    }
}

bool SqliteRetireeRepository::records_audit() const {
    return db_.sql().tableExists("audit_head");
}

void SqliteRetireeRepository::update(const Retiree& after, const ChangeNote& note) {
    const std::string now = to_utc_iso(clock_.now());
    try {
        SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        auto& cur = st_->current;
        cur.bind(1, after.id.str());
        if (!cur.executeStep()) {
            cur.reset();
            throw StaleRevision("the record " + after.id.str() + " no longer exists");
        }
        const std::int64_t key = cur.getColumn(0).getInt64();
        const std::int64_t stored_revision = cur.getColumn(1).getInt64();
        const std::string old_name = cur.getColumn(2).getString();
        cur.reset();
        if (stored_revision != after.revision - 1) {
            throw StaleRevision("record " + after.id_number.masked() + " is at revision " +
                                std::to_string(stored_revision) + ", the edit was made on " +
                                std::to_string(after.revision - 1));
        }
        const std::int64_t unit = st_->units.id_for(after.employer_unit);
        auto& up = st_->update;
        bind_record(up, after, unit);
        up.bind(17, now);
        up.bind(18, key);
        try {
            up.exec();
        } catch (const SQLite::Exception& e) {
            (void)up.tryReset();
            if (is_unique_violation(e)) {
                throw DuplicateKey("ID number " + after.id_number.str() + " is already registered");
            }
            throw;
        }
        up.reset();
        if (old_name != after.name.str()) {
            st_->fts_delete.bind(1, key);
            st_->fts_delete.bind(2, old_name);
            st_->fts_delete.exec();
            st_->fts_delete.reset();
            st_->fts_insert.bind(1, key);
            st_->fts_insert.bind(2, after.name.str());
            st_->fts_insert.exec();
            st_->fts_insert.reset();
        }
        append_outbox(db_.sql(), event_ids_.next(clock_.now()), "retiree", after.id.str(),
                      note.operation.empty() ? "update" : note.operation,
                      retiree_payload(after, now), now, note.actor);
        if (note.audit) append_audit(db_.sql(), *note.audit);
        tx.commit();
    } catch (const StaleRevision&) {
        throw;
    } catch (const DuplicateKey&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError("saving retiree " + after.id_number.masked() + ": " + e.what());
    }
}

std::int64_t SqliteRetireeRepository::total() const {
    // Records are never deleted, so the largest key is the count (and needs no table scan).
    return db_.sql().execAndGet("SELECT coalesce(max(key), 0) FROM retiree").getInt64();
}

namespace {

void collect(SQLite::Statement& st, std::vector<std::int64_t>& out) {
    while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
    st.reset();
    st.clearBindings();
}

}  // namespace

std::vector<std::int64_t> SqliteRetireeRepository::search(const SearchQuery& query) const {
    const auto limit = static_cast<std::int64_t>(std::min<std::size_t>(query.limit, 10'000'000));
    std::vector<SearchField> fields;
    if (query.field == SearchField::Auto) {
        fields = guess_search_fields(query.text);
    } else {
        fields = {query.field};
    }
    std::vector<std::int64_t> keys;
    try {
        for (const SearchField f : fields) {
            const bool fallback =
                query.field == SearchField::Auto && f == SearchField::EmployerUnit;
            if (fallback && !keys.empty()) break;  // the text was a name
            switch (f) {
                case SearchField::Auto:
                    break;
                case SearchField::IdNumber: {
                    const std::string t = upper_ascii(strip_blanks(query.text));
                    if (t.empty()) break;
                    if (t.size() >= 18) {
                        st_->id_exact.bind(1, t);
                        collect(st_->id_exact, keys);
                    } else {
                        st_->id_prefix.bind(1, t);
                        st_->id_prefix.bind(2, prefix_end(t));
                        st_->id_prefix.bind(3, limit);
                        collect(st_->id_prefix, keys);
                    }
                    break;
                }
                case SearchField::Phone: {
                    const std::string t = strip_blanks(query.text);
                    if (t.empty()) break;
                    if (t.size() == 11) {
                        st_->phone_exact.bind(1, t);
                        st_->phone_exact.bind(2, limit);
                        collect(st_->phone_exact, keys);
                    } else {
                        st_->phone_prefix.bind(1, t);
                        st_->phone_prefix.bind(2, prefix_end(t));
                        st_->phone_prefix.bind(3, limit);
                        collect(st_->phone_prefix, keys);
                    }
                    break;
                }
                case SearchField::Name: {
                    std::string t = strip_blanks(query.text);
                    if (t.empty() || !utf8::decode(t)) break;
                    st_->name.bind(1, fts_phrase(t));
                    st_->name.bind(2, limit);
                    collect(st_->name, keys);
                    break;
                }
                case SearchField::EmployerUnit: {
                    const std::string t = query.text;
                    if (strip_blanks(t).empty()) break;
                    st_->unit.bind(1, t);
                    st_->unit.bind(2, limit);
                    collect(st_->unit, keys);
                    break;
                }
            }
        }
    } catch (const std::exception& e) {
        throw StoreError("searching the registry for '" + query.text + "': " + e.what());
    }
    sort_unique(keys);
    if (keys.size() > query.limit) keys.resize(query.limit);
    return keys;
}

std::vector<RetireeRow> SqliteRetireeRepository::rows(std::span<const std::int64_t> keys) const {
    std::vector<RetireeRow> out;
    out.reserve(keys.size());
    auto& st = st_->row;
    try {
        for (const std::int64_t key : keys) {
            st.bind(1, key);
            if (st.executeStep()) {
                RetireeRow row;
                row.key = st.getColumn(0).getInt64();
                row.id = Uuid::parse(st.getColumn(1).getString()).value_or(Uuid{});
                row.id_number = st.getColumn(2).getString();
                row.name = st.getColumn(3).getString();
                row.gender =
                    st.getColumn(4).getString() == "female" ? Gender::Female : Gender::Male;
                row.birth_date = st.getColumn(5).getString();
                row.employer_unit = st.getColumn(6).getString();
                row.phone = st.getColumn(7).isNull() ? "" : st.getColumn(7).getString();
                row.status = parse_retiree_status(st.getColumn(8).getString())
                                 .value_or(RetireeStatus::Active);
                out.push_back(std::move(row));
            }
            st.reset();
        }
    } catch (const std::exception& e) {
        st.reset();
        throw StoreError(std::string("reading registry rows: ") + e.what());
    }
    return out;
}

}  // namespace pd::store
