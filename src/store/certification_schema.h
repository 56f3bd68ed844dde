#pragma once

#include <SQLiteCpp/Database.h>

namespace pd::store {

// Creates or upgrades the certification tables (certification, enrollment, home_visit_case,
// sealed_blob, staff_face) through their own component migrations.
void migrate_certification(SQLite::Database& db);

}  // namespace pd::store
