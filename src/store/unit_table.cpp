#include "store/unit_table.h"

namespace pd::store {

UnitTable::UnitTable(SQLite::Database& db)
    : db_(db),
      find_(db, "SELECT id FROM unit WHERE name = ?"),
      insert_(db, "INSERT INTO unit(name) VALUES (?)") {}

std::int64_t UnitTable::id_for(const std::string& name) {
    find_.bind(1, name);
    if (find_.executeStep()) {
        const std::int64_t id = find_.getColumn(0).getInt64();
        find_.reset();
        return id;
    }
    find_.reset();
    insert_.bind(1, name);
    insert_.exec();
    insert_.reset();
    return db_.getLastInsertRowid();
}

}  // namespace pd::store
