#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>

namespace pd::store {

// Employer units are stored once each (a million retirees share a few thousand units), which
// also makes unit-fragment search a scan of the small table instead of the big one.
class UnitTable {
  public:
    explicit UnitTable(SQLite::Database& db);
    // The unit's id, inserting it first when new. The caller holds the write transaction.
    std::int64_t id_for(const std::string& name);

  private:
    SQLite::Database& db_;
    SQLite::Statement find_;
    SQLite::Statement insert_;
};

}  // namespace pd::store
