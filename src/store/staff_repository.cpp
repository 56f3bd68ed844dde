#include "store/staff_repository.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>

#include "domain/clock.h"
#include "domain/retiree_repository.h"
#include "store/store_error.h"
#include "store/utc_time.h"

namespace pd::store {

namespace {

constexpr const char* kColumns =
    "id, staff_number, name, role, unit, region, status, password_hash, must_change_password, "
    "failed_attempts, locked_until, created_at, revision";

StaffAccount read(SQLite::Statement& q) {
    StaffAccount a;
    const std::string id = q.getColumn(0).getString();
    const auto uuid = Uuid::parse(id);
    const auto role = parse_role(q.getColumn(3).getString());
    const auto status = parse_staff_status(q.getColumn(6).getString());
    if (!uuid || !role || !status) {
        throw StoreError("reading staff account " + id + ": the row is malformed");
    }
    a.id = *uuid;
    a.staff_number = q.getColumn(1).getString();
    a.name = q.getColumn(2).getString();
    a.role = *role;
    a.unit = q.getColumn(4).getString();
    a.region = q.getColumn(5).getString();
    a.status = *status;
    a.password_hash = q.getColumn(7).getString();
    a.must_change_password = q.getColumn(8).getInt() != 0;
    a.failed_attempts = q.getColumn(9).getInt();
    if (!q.getColumn(10).isNull()) a.locked_until = parse_utc_iso(q.getColumn(10).getString());
    a.created_at = parse_utc_iso(q.getColumn(11).getString())
                       .value_or(std::chrono::system_clock::time_point{});
    a.revision = q.getColumn(12).getInt64();
    return a;
}

void bind_fields(SQLite::Statement& q, const StaffAccount& a) {
    q.bind(":id", a.id.str());
    q.bind(":staff_number", a.staff_number);
    q.bind(":name", a.name);
    q.bind(":role", std::string(to_string(a.role)));
    q.bind(":unit", a.unit);
    q.bind(":region", a.region);
    q.bind(":status", std::string(to_string(a.status)));
    q.bind(":password_hash", a.password_hash);
    q.bind(":must_change", a.must_change_password ? 1 : 0);
    q.bind(":failed", a.failed_attempts);
    if (a.locked_until) {
        q.bind(":locked_until", to_utc_iso(*a.locked_until));
    } else {
        q.bind(":locked_until");
    }
    q.bind(":created_at", to_utc_iso(a.created_at));
    q.bind(":revision", a.revision);
}

}  // namespace

std::int64_t SqliteStaffRepository::count() const {
    try {
        SQLite::Statement q(db_, "SELECT count(*) FROM staff_account");
        q.executeStep();
        return q.getColumn(0).getInt64();
    } catch (const SQLite::Exception& e) {
        throw StoreError(std::string("counting staff accounts: ") + e.what());
    }
}

std::optional<StaffAccount> SqliteStaffRepository::by_id(const Uuid& id) const {
    try {
        SQLite::Statement q(db_,
                            std::string("SELECT ") + kColumns + " FROM staff_account WHERE id = ?");
        q.bind(1, id.str());
        if (!q.executeStep()) return std::nullopt;
        return read(q);
    } catch (const SQLite::Exception& e) {
        throw StoreError("reading staff account " + id.str() + ": " + e.what());
    }
}

std::optional<StaffAccount> SqliteStaffRepository::by_staff_number(std::string_view number) const {
    try {
        SQLite::Statement q(
            db_, std::string("SELECT ") + kColumns + " FROM staff_account WHERE staff_number = ?");
        q.bind(1, std::string(number));
        if (!q.executeStep()) return std::nullopt;
        return read(q);
    } catch (const SQLite::Exception& e) {
        throw StoreError(std::string("looking up a staff number: ") + e.what());
    }
}

std::vector<StaffAccount> SqliteStaffRepository::all() const {
    try {
        SQLite::Statement q(
            db_, std::string("SELECT ") + kColumns + " FROM staff_account ORDER BY staff_number");
        std::vector<StaffAccount> out;
        while (q.executeStep()) out.push_back(read(q));
        return out;
    } catch (const SQLite::Exception& e) {
        throw StoreError(std::string("listing staff accounts: ") + e.what());
    }
}

void SqliteStaffRepository::add(const StaffAccount& a) {
    try {
        SQLite::Statement q(
            db_,
            "INSERT INTO staff_account (id, staff_number, name, role, unit, region, status, "
            "password_hash, must_change_password, failed_attempts, locked_until, created_at, "
            "revision) VALUES (:id, :staff_number, :name, :role, :unit, :region, :status, "
            ":password_hash, :must_change, :failed, :locked_until, :created_at, :revision)");
        bind_fields(q, a);
        q.exec();
    } catch (const SQLite::Exception& e) {
        if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE ||
            e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY) {
            throw DuplicateKey("staff number " + a.staff_number + " is already taken");
        }
        throw StoreError("adding staff account " + a.staff_number + ": " + e.what());
    }
}

void SqliteStaffRepository::update(const StaffAccount& after) {
    int changed = 0;
    try {
        SQLite::Statement q(
            db_,
            "UPDATE staff_account SET staff_number = :staff_number, name = :name, role = :role, "
            "unit = :unit, region = :region, status = :status, password_hash = :password_hash, "
            "must_change_password = :must_change, failed_attempts = :failed, "
            "locked_until = :locked_until, created_at = :created_at, revision = :revision "
            "WHERE id = :id AND revision = :revision - 1");
        bind_fields(q, after);
        changed = q.exec();
    } catch (const SQLite::Exception& e) {
        throw StoreError("updating staff account " + after.staff_number + ": " + e.what());
    }
    if (changed != 1) {
        throw StaleRevision("staff account " + after.staff_number + " changed meanwhile");
    }
}

}  // namespace pd::store
