#include "store/sqlite_staff_face_repository.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <boost/json.hpp>

#include "store/audit_log.h"
#include "store/auth_schema.h"
#include "store/certification_schema.h"
#include "store/outbox.h"
#include "store/store_error.h"
#include "store/utc_time.h"

namespace pd::store {

namespace {

constexpr const char* kColumns =
    "staff_id, consent_version, consent_text, consent_given_by, consent_recorded_by, "
    "consent_at, template_blob, photo_blob, model_version, enrolled_by, enrolled_at";

StaffFace read(SQLite::Statement& st) {
    StaffFace f;
    const auto id = Uuid::parse(st.getColumn(0).getString());
    if (!id) throw StoreError("reading a staff face: the staff id is not a UUID");
    f.staff_id = *id;
    f.consent.text_version = st.getColumn(1).getString();
    f.consent.text = st.getColumn(2).getString();
    f.consent.given_by = st.getColumn(3).getString();
    f.consent.recorded_by = st.getColumn(4).getString();
    f.consent.at = stored_utc(st.getColumn(5).getString(), "a staff face");
    f.template_blob = st.getColumn(6).getString();
    f.photo_blob = st.getColumn(7).getString();
    f.model_version = st.getColumn(8).getString();
    f.enrolled_by = st.getColumn(9).getString();
    f.enrolled_at = stored_utc(st.getColumn(10).getString(), "a staff face");
    return f;
}

// What the central server learns: who has a face on file and under which model; never the
// template (it stays sealed on this workstation's store).
std::string payload(const StaffFace& f) {
    return boost::json::serialize(boost::json::object{
        {"staff_id", f.staff_id.str()},
        {"consent_version", f.consent.text_version},
        {"model_version", f.model_version},
        {"enrolled_by", f.enrolled_by},
        {"enrolled_at", to_utc_iso(f.enrolled_at)},
    });
}

}  // namespace

SqliteStaffFaceRepository::SqliteStaffFaceRepository(Database& db, const Clock& clock)
    : db_(db), clock_(clock) {
    migrate_auth(db_.sql());  // the audit table the notes' entries go to
    migrate_certification(db_.sql());
}

std::optional<StaffFace> SqliteStaffFaceRepository::face(const Uuid& staff) const {
    SQLite::Statement st(db_.sql(),
                         std::string("SELECT ") + kColumns + " FROM staff_face WHERE staff_id = ?");
    st.bind(1, staff.str());
    if (!st.executeStep()) return std::nullopt;
    return read(st);
}

std::vector<StaffFace> SqliteStaffFaceRepository::all() const {
    SQLite::Statement st(db_.sql(),
                         std::string("SELECT ") + kColumns + " FROM staff_face ORDER BY staff_id");
    std::vector<StaffFace> out;
    while (st.executeStep()) out.push_back(read(st));
    return out;
}

void SqliteStaffFaceRepository::put(const StaffFace& f, const ChangeNote& note) {
    try {
        SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement st(db_.sql(), std::string("INSERT OR REPLACE INTO staff_face (") +
                                            kColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        st.bind(1, f.staff_id.str());
        st.bind(2, f.consent.text_version);
        st.bind(3, f.consent.text);
        st.bind(4, f.consent.given_by);
        st.bind(5, f.consent.recorded_by);
        st.bind(6, to_utc_iso(f.consent.at));
        st.bind(7, f.template_blob);
        st.bind(8, f.photo_blob);
        st.bind(9, f.model_version);
        st.bind(10, f.enrolled_by);
        st.bind(11, to_utc_iso(f.enrolled_at));
        st.exec();
        append_outbox(db_.sql(), event_ids_.next(clock_.now()), "staff_face", f.staff_id.str(),
                      note.operation, payload(f), to_utc_iso(clock_.now()), note.actor);
        if (note.audit) append_audit(db_.sql(), *note.audit);
        tx.commit();
    } catch (const std::exception& ex) {
        throw StoreError("saving the face of staff member " + f.staff_id.str() + ": " + ex.what());
    }
}

bool SqliteStaffFaceRepository::remove(const Uuid& staff, const ChangeNote& note) {
    try {
        SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement st(db_.sql(), "DELETE FROM staff_face WHERE staff_id = ?");
        st.bind(1, staff.str());
        const bool removed = st.exec() > 0;
        if (removed) {
            append_outbox(db_.sql(), event_ids_.next(clock_.now()), "staff_face", staff.str(),
                          note.operation,
                          boost::json::serialize(boost::json::object{{"staff_id", staff.str()},
                                                                     {"reason", note.reason}}),
                          to_utc_iso(clock_.now()), note.actor);
            if (note.audit) append_audit(db_.sql(), *note.audit);
        }
        tx.commit();
        return removed;
    } catch (const std::exception& ex) {
        throw StoreError("removing the face of staff member " + staff.str() + ": " + ex.what());
    }
}

}  // namespace pd::store
