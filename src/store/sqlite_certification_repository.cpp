#include "store/sqlite_certification_repository.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <boost/json.hpp>

#include "store/certification_schema.h"
#include "store/outbox.h"
#include "store/store_error.h"
#include "store/utc_time.h"

namespace pd::store {

namespace {

namespace json = boost::json;
using TimePoint = std::chrono::system_clock::time_point;

// Stored times are UTC ISO-8601 with milliseconds (to_utc_iso); read them back exactly.
TimePoint parse_utc(const std::string& s) {
    return stored_utc(s, "a certification");
}

Uuid uuid_of(const std::string& s) {
    auto u = Uuid::parse(s);
    if (!u) throw StoreError("reading a certification: '" + s + "' is not a UUID");
    return *u;
}

std::string to_json(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return json::serialize(a);
}

std::vector<std::string> from_json(const std::string& s) {
    std::vector<std::string> out;
    const json::value parsed = json::parse(s);  // keep it alive for the loop (C++20 rules)
    for (const auto& v : parsed.as_array()) out.emplace_back(v.as_string());
    return out;
}

CertificationMethod parse_method(const std::string& s) {
    if (s == "home_visit") return CertificationMethod::HomeVisit;
    if (s == "manual_review") return CertificationMethod::ManualReview;
    if (s == "overseas") return CertificationMethod::Overseas;
    return CertificationMethod::CounterFace;
}

CertificationOutcome parse_outcome(const std::string& s) {
    if (s == "passed") return CertificationOutcome::Passed;
    if (s == "pending_review") return CertificationOutcome::PendingReview;
    if (s == "rejected") return CertificationOutcome::Rejected;
    return CertificationOutcome::Failed;
}

EnrollmentState parse_enrollment_state(const std::string& s) {
    if (s == "active") return EnrollmentState::Active;
    if (s == "superseded") return EnrollmentState::Superseded;
    return EnrollmentState::Pending;
}

HomeVisitState parse_visit_state(const std::string& s) {
    if (s == "queued") return HomeVisitState::Queued;
    if (s == "assigned") return HomeVisitState::Assigned;
    if (s == "done") return HomeVisitState::Done;
    if (s == "cancelled") return HomeVisitState::Cancelled;
    return HomeVisitState::Draft;
}

constexpr const char* kCertColumns =
    "id, retiree_id, method, outcome, at, valid_until, staff_id, staff_name, workstation, place, "
    "similarity, liveness, actions, proxy_name, proxy_id_number, proxy_phone, proxy_relationship, "
    "failure_reason, receipt_number, model_version, evidence_blobs, reviewed_by, review_reason";

Certification read_cert(SQLite::Statement& q) {
    Certification c;
    c.id = uuid_of(q.getColumn(0).getString());
    c.retiree_id = uuid_of(q.getColumn(1).getString());
    c.method = parse_method(q.getColumn(2).getString());
    c.outcome = parse_outcome(q.getColumn(3).getString());
    c.at = parse_utc(q.getColumn(4).getString());
    if (!q.getColumn(5).isNull()) c.valid_until = *parse_date(q.getColumn(5).getString());
    c.staff_id = q.getColumn(6).getString();
    c.staff_name = q.getColumn(7).getString();
    c.workstation = q.getColumn(8).getString();
    c.place = q.getColumn(9).getString();
    c.similarity = q.getColumn(10).getDouble();
    c.liveness = q.getColumn(11).getDouble();
    c.actions = from_json(q.getColumn(12).getString());
    if (!q.getColumn(13).isNull()) {
        c.proxy = ProxyAgent{PersonName::from_storage(q.getColumn(13).getString()),
                             IdNumber::from_storage(q.getColumn(14).getString()),
                             MobilePhone::from_storage(q.getColumn(15).getString()),
                             q.getColumn(16).getString()};
    }
    c.failure_reason = q.getColumn(17).getString();
    if (!q.getColumn(18).isNull()) c.receipt_number = q.getColumn(18).getString();
    c.model_version = q.getColumn(19).getString();
    c.evidence_blobs = from_json(q.getColumn(20).getString());
    c.reviewed_by = q.getColumn(21).getString();
    c.review_reason = q.getColumn(22).getString();
    return c;
}

// What sync uploads: the certification as the server stores it. No biometric data: evidence
// travels as blob ids, sealed.
std::string payload(const Certification& c) {
    json::object o;
    o["id"] = c.id.str();
    o["retiree_id"] = c.retiree_id.str();
    o["method"] = std::string(to_string(c.method));
    o["outcome"] = std::string(to_string(c.outcome));
    o["at"] = to_utc_iso(c.at);
    if (c.outcome == CertificationOutcome::Passed) o["valid_until"] = to_iso(c.valid_until);
    o["staff_id"] = c.staff_id;
    o["workstation"] = c.workstation;
    o["place"] = c.place;
    o["similarity"] = c.similarity;
    o["liveness"] = c.liveness;
    o["actions"] = json::parse(to_json(c.actions));
    if (c.proxy) {
        o["proxy"] = json::object{{"name", c.proxy->name.str()},
                                  {"id_number", c.proxy->id_number.str()},
                                  {"phone", c.proxy->phone.str()},
                                  {"relationship", c.proxy->relationship}};
    }
    o["failure_reason"] = c.failure_reason;
    o["receipt_number"] = c.receipt_number;
    o["model_version"] = c.model_version;
    o["reviewed_by"] = c.reviewed_by;
    o["review_reason"] = c.review_reason;
    return json::serialize(o);
}

Enrollment read_enrollment(SQLite::Statement& q) {
    Enrollment e;
    e.id = uuid_of(q.getColumn(0).getString());
    e.retiree_id = uuid_of(q.getColumn(1).getString());
    e.state = parse_enrollment_state(q.getColumn(2).getString());
    e.consent.text_version = q.getColumn(3).getString();
    e.consent.text = q.getColumn(4).getString();
    e.consent.given_by = q.getColumn(5).getString();
    e.consent.recorded_by = q.getColumn(6).getString();
    e.consent.at = parse_utc(q.getColumn(7).getString());
    e.template_blob = q.getColumn(8).getString();
    e.photo_blob = q.getColumn(9).getString();
    e.model_version = q.getColumn(10).getString();
    e.captured_by = q.getColumn(11).getString();
    e.captured_at = parse_utc(q.getColumn(12).getString());
    e.confirmed_by = q.getColumn(13).getString();
    if (!q.getColumn(14).isNull()) e.confirmed_at = parse_utc(q.getColumn(14).getString());
    return e;
}

constexpr const char* kEnrollmentColumns =
    "id, retiree_id, state, consent_version, consent_text, consent_given_by, consent_recorded_by, "
    "consent_at, template_blob, photo_blob, model_version, captured_by, captured_at, "
    "confirmed_by, confirmed_at";

std::string enrollment_payload(const Enrollment& e) {
    json::object o;
    o["id"] = e.id.str();
    o["retiree_id"] = e.retiree_id.str();
    o["state"] = std::string(to_string(e.state));
    o["consent_version"] = e.consent.text_version;
    o["consent_given_by"] = e.consent.given_by;
    o["consent_at"] = to_utc_iso(e.consent.at);
    o["model_version"] = e.model_version;
    o["captured_by"] = e.captured_by;
    o["confirmed_by"] = e.confirmed_by;
    return json::serialize(o);
}

}  // namespace

SqliteCertificationRepository::SqliteCertificationRepository(Database& db, const Clock& clock)
    : db_(db), clock_(clock) {
    migrate_certification(db_.sql());
}

std::vector<Certification> SqliteCertificationRepository::history(const Uuid& retiree) const {
    try {
        SQLite::Statement q(db_.sql(), std::string("SELECT ") + kCertColumns +
                                           " FROM certification WHERE retiree_id = ? ORDER BY at");
        q.bind(1, retiree.str());
        std::vector<Certification> out;
        while (q.executeStep()) out.push_back(read_cert(q));
        return out;
    } catch (const SQLite::Exception& e) {
        throw StoreError("reading the certification history of " + retiree.str() + ": " + e.what());
    }
}

std::optional<Certification> SqliteCertificationRepository::certification(const Uuid& id) const {
    SQLite::Statement q(db_.sql(),
                        std::string("SELECT ") + kCertColumns + " FROM certification WHERE id = ?");
    q.bind(1, id.str());
    if (!q.executeStep()) return std::nullopt;
    return read_cert(q);
}

std::optional<Certification> SqliteCertificationRepository::by_receipt(
    std::string_view number) const {
    SQLite::Statement q(db_.sql(), std::string("SELECT ") + kCertColumns +
                                       " FROM certification WHERE receipt_number = ?");
    q.bind(1, std::string(number));
    if (!q.executeStep()) return std::nullopt;
    return read_cert(q);
}

void SqliteCertificationRepository::write(const Certification& c, bool insert,
                                          const ChangeNote& note) {
    try {
        SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        const std::string sql =
            insert ? std::string("INSERT INTO certification (") + kCertColumns +
                         ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                   : std::string(
                         "UPDATE certification SET retiree_id=?2, method=?3, outcome=?4, at=?5, "
                         "valid_until=?6, staff_id=?7, staff_name=?8, workstation=?9, place=?10, "
                         "similarity=?11, liveness=?12, actions=?13, proxy_name=?14, "
                         "proxy_id_number=?15, proxy_phone=?16, proxy_relationship=?17, "
                         "failure_reason=?18, receipt_number=?19, model_version=?20, "
                         "evidence_blobs=?21, reviewed_by=?22, review_reason=?23 WHERE id=?1");
        SQLite::Statement st(db_.sql(), sql);
        st.bind(1, c.id.str());
        st.bind(2, c.retiree_id.str());
        st.bind(3, std::string(to_string(c.method)));
        st.bind(4, std::string(to_string(c.outcome)));
        st.bind(5, to_utc_iso(c.at));
        if (c.outcome == CertificationOutcome::Passed) {
            st.bind(6, to_iso(c.valid_until));
        } else {
            st.bind(6);
        }
        st.bind(7, c.staff_id);
        st.bind(8, c.staff_name);
        st.bind(9, c.workstation);
        st.bind(10, c.place);
        st.bind(11, c.similarity);
        st.bind(12, c.liveness);
        st.bind(13, to_json(c.actions));
        if (c.proxy) {
            st.bind(14, c.proxy->name.str());
            st.bind(15, c.proxy->id_number.str());
            st.bind(16, c.proxy->phone.str());
            st.bind(17, c.proxy->relationship);
        } else {
            st.bind(14);
            st.bind(15);
            st.bind(16);
            st.bind(17);
        }
        st.bind(18, c.failure_reason);
        if (c.receipt_number.empty()) {
            st.bind(19);
        } else {
            st.bind(19, c.receipt_number);
        }
        st.bind(20, c.model_version);
        st.bind(21, to_json(c.evidence_blobs));
        st.bind(22, c.reviewed_by);
        st.bind(23, c.review_reason);
        if (st.exec() != 1) throw StoreError("no such certification " + c.id.str());
        if (c.outcome == CertificationOutcome::Passed) {
            // The retiree's newest validity, for the due lists (retiree_validity).
            SQLite::Statement v(
                db_.sql(),
                "INSERT INTO retiree_validity (retiree_key, valid_until) SELECT key, ?1 FROM "
                "retiree WHERE uuid = ?2 ON CONFLICT (retiree_key) DO UPDATE SET valid_until = "
                "max(valid_until, excluded.valid_until)");
            v.bind(1, to_iso(c.valid_until));
            v.bind(2, c.retiree_id.str());
            v.exec();
        }
        if (insert && c.proxy) {
            SQLite::Statement p(
                db_.sql(),
                "INSERT INTO retiree_proxy (retiree_id, id_number, name, phone, relationship, "
                "first_seen, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) "
                "ON CONFLICT (retiree_id, id_number) DO UPDATE SET name = excluded.name, "
                "phone = excluded.phone, relationship = excluded.relationship, "
                "last_seen = excluded.last_seen");
            p.bind(1, c.retiree_id.str());
            p.bind(2, c.proxy->id_number.str());
            p.bind(3, c.proxy->name.str());
            p.bind(4, c.proxy->phone.str());
            p.bind(5, c.proxy->relationship);
            p.bind(6, to_utc_iso(c.at));
            p.exec();
        }
        append_outbox(db_.sql(), event_ids_.next(clock_.now()), "certification", c.id.str(),
                      note.operation, payload(c), to_utc_iso(clock_.now()), note.actor);
        tx.commit();
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError("saving certification " + c.id.str() + ": " + e.what());
    }
}

void SqliteCertificationRepository::add(const Certification& c, const ChangeNote& note) {
    write(c, true, note);
}

void SqliteCertificationRepository::update(const Certification& c, const ChangeNote& note) {
    write(c, false, note);
}

std::optional<Enrollment> SqliteCertificationRepository::active_enrollment(
    const Uuid& retiree) const {
    SQLite::Statement q(db_.sql(),
                        std::string("SELECT ") + kEnrollmentColumns +
                            " FROM enrollment WHERE retiree_id = ? AND state = 'active'");
    q.bind(1, retiree.str());
    if (!q.executeStep()) return std::nullopt;
    return read_enrollment(q);
}

std::optional<Enrollment> SqliteCertificationRepository::enrollment(const Uuid& id) const {
    SQLite::Statement q(
        db_.sql(), std::string("SELECT ") + kEnrollmentColumns + " FROM enrollment WHERE id = ?");
    q.bind(1, id.str());
    if (!q.executeStep()) return std::nullopt;
    return read_enrollment(q);
}

void SqliteCertificationRepository::add(const Enrollment& e, const ChangeNote& note) {
    try {
        SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement st(db_.sql(), std::string("INSERT INTO enrollment (") +
                                            kEnrollmentColumns +
                                            ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        st.bind(1, e.id.str());
        st.bind(2, e.retiree_id.str());
        st.bind(3, std::string(to_string(e.state)));
        st.bind(4, e.consent.text_version);
        st.bind(5, e.consent.text);
        st.bind(6, e.consent.given_by);
        st.bind(7, e.consent.recorded_by);
        st.bind(8, to_utc_iso(e.consent.at));
        st.bind(9, e.template_blob);
        st.bind(10, e.photo_blob);
        st.bind(11, e.model_version);
        st.bind(12, e.captured_by);
        st.bind(13, to_utc_iso(e.captured_at));
        st.bind(14, e.confirmed_by);
        if (e.confirmed_at) {
            st.bind(15, to_utc_iso(*e.confirmed_at));
        } else {
            st.bind(15);
        }
        st.exec();
        append_outbox(db_.sql(), event_ids_.next(clock_.now()), "enrollment", e.id.str(),
                      note.operation, enrollment_payload(e), to_utc_iso(clock_.now()), note.actor);
        tx.commit();
    } catch (const std::exception& ex) {
        throw StoreError("saving enrolment " + e.id.str() + ": " + ex.what());
    }
}

void SqliteCertificationRepository::activate(const Enrollment& confirmed, const ChangeNote& note) {
    try {
        SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement old(db_.sql(),
                              "UPDATE enrollment SET state = 'superseded' "
                              "WHERE retiree_id = ? AND state = 'active'");
        old.bind(1, confirmed.retiree_id.str());
        old.exec();
        SQLite::Statement st(db_.sql(),
                             "UPDATE enrollment SET state = 'active', confirmed_by = ?, "
                             "confirmed_at = ? WHERE id = ? AND state = 'pending'");
        st.bind(1, confirmed.confirmed_by);
        st.bind(2, confirmed.confirmed_at ? to_utc_iso(*confirmed.confirmed_at)
                                          : to_utc_iso(clock_.now()));
        st.bind(3, confirmed.id.str());
        if (st.exec() != 1) {
            throw StoreError("enrolment " + confirmed.id.str() + " is not pending");
        }
        append_outbox(db_.sql(), event_ids_.next(clock_.now()), "enrollment", confirmed.id.str(),
                      note.operation, enrollment_payload(confirmed), to_utc_iso(clock_.now()),
                      note.actor);
        tx.commit();
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& ex) {
        throw StoreError("activating enrolment " + confirmed.id.str() + ": " + ex.what());
    }
}

std::vector<ValidityRow> SqliteCertificationRepository::validity_by_unit(
    std::string_view unit, std::optional<Date> valid_until_at_most) const {
    // retiree_validity is keyed by the retiree's integer key, so each row is one cheap probe;
    // ISO dates compare as text, so the cut-off is applied in the query.
    const std::string sql =
        "SELECT r.key, r.uuid, r.name, r.id_number, u.name, COALESCE(r.phone, ''), "
        "v.valid_until FROM retiree r JOIN unit u ON u.id = r.unit_id "
        "LEFT JOIN retiree_validity v ON v.retiree_key = r.key WHERE r.status = 'active'" +
        std::string(unit.empty() ? "" : " AND u.name = :unit") +
        std::string(valid_until_at_most ? " AND (v.valid_until IS NULL OR v.valid_until <= :until)"
                                        : "") +
        " ORDER BY r.key";
    try {
        SQLite::Statement q(db_.sql(), sql);
        if (!unit.empty()) q.bind(":unit", std::string(unit));
        if (valid_until_at_most) q.bind(":until", to_iso(*valid_until_at_most));
        std::vector<ValidityRow> out;
        while (q.executeStep()) {
            ValidityRow row;
            row.retiree_id = uuid_of(q.getColumn(1).getString());
            row.name = q.getColumn(2).getString();
            row.id_number = q.getColumn(3).getString();
            row.employer_unit = q.getColumn(4).getString();
            row.phone = q.getColumn(5).getString();
            if (!q.getColumn(6).isNull()) row.valid_until = parse_date(q.getColumn(6).getString());
            out.push_back(std::move(row));
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw StoreError("listing certification validity for unit '" + std::string(unit) +
                         "': " + e.what());
    }
}

std::vector<ProxyAgent> SqliteCertificationRepository::known_proxies(const Uuid& retiree) const {
    SQLite::Statement q(db_.sql(),
                        "SELECT name, id_number, phone, relationship FROM retiree_proxy "
                        "WHERE retiree_id = ? ORDER BY last_seen DESC, id_number");
    q.bind(1, retiree.str());
    std::vector<ProxyAgent> out;
    while (q.executeStep()) {
        out.push_back(ProxyAgent{PersonName::from_storage(q.getColumn(0).getString()),
                                 IdNumber::from_storage(q.getColumn(1).getString()),
                                 MobilePhone::from_storage(q.getColumn(2).getString()),
                                 q.getColumn(3).getString()});
    }
    return out;
}

void SqliteCertificationRepository::add(const HomeVisitCase& c, const ChangeNote& note) {
    try {
        SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement st(db_.sql(),
                             "INSERT INTO home_visit_case (id, retiree_id, state, reason, "
                             "requested_by, requested_at, assigned_to) VALUES (?,?,?,?,?,?,?)");
        st.bind(1, c.id.str());
        st.bind(2, c.retiree_id.str());
        st.bind(3, std::string(to_string(c.state)));
        st.bind(4, c.reason);
        st.bind(5, c.requested_by);
        st.bind(6, to_utc_iso(c.requested_at));
        st.bind(7, c.assigned_to);
        st.exec();
        json::object o{{"id", c.id.str()},
                       {"retiree_id", c.retiree_id.str()},
                       {"state", std::string(to_string(c.state))},
                       {"reason", c.reason},
                       {"requested_by", c.requested_by},
                       {"requested_at", to_utc_iso(c.requested_at)}};
        append_outbox(db_.sql(), event_ids_.next(clock_.now()), "home_visit_case", c.id.str(),
                      note.operation, json::serialize(o), to_utc_iso(clock_.now()), note.actor);
        tx.commit();
    } catch (const std::exception& ex) {
        throw StoreError("saving home-visit case " + c.id.str() + ": " + ex.what());
    }
}

std::vector<HomeVisitCase> SqliteCertificationRepository::home_visits(const Uuid& retiree) const {
    SQLite::Statement q(db_.sql(),
                        "SELECT id, retiree_id, state, reason, requested_by, requested_at, "
                        "assigned_to FROM home_visit_case WHERE retiree_id = ? "
                        "ORDER BY requested_at");
    q.bind(1, retiree.str());
    std::vector<HomeVisitCase> out;
    while (q.executeStep()) {
        HomeVisitCase c;
        c.id = uuid_of(q.getColumn(0).getString());
        c.retiree_id = uuid_of(q.getColumn(1).getString());
        c.state = parse_visit_state(q.getColumn(2).getString());
        c.reason = q.getColumn(3).getString();
        c.requested_by = q.getColumn(4).getString();
        c.requested_at = parse_utc(q.getColumn(5).getString());
        c.assigned_to = q.getColumn(6).getString();
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace pd::store
