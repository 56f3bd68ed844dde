#pragma once

#include <SQLiteCpp/Database.h>

#include "domain/staff_account.h"

namespace pd::store {

// Staff accounts in the workspace database (table staff_account, see auth_schema.cpp). The
// connection must outlive the repository; migrate_auth() must have run on it.
class SqliteStaffRepository final : public StaffRepository {
  public:
    explicit SqliteStaffRepository(SQLite::Database& db) : db_(db) {}

    [[nodiscard]] std::int64_t count() const override;
    [[nodiscard]] std::optional<StaffAccount> by_id(const Uuid& id) const override;
    [[nodiscard]] std::optional<StaffAccount> by_staff_number(
        std::string_view number) const override;
    [[nodiscard]] std::vector<StaffAccount> all() const override;
    void add(const StaffAccount& a) override;
    void update(const StaffAccount& after) override;

  private:
    SQLite::Database& db_;
};

}  // namespace pd::store
