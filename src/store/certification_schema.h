#pragma once

#include <SQLiteCpp/Database.h>

namespace pd::store {

// Creates or upgrades the certification tables (certification, enrollment, home_visit_case,
// sealed_blob, staff_face) through their own component migrations.
void migrate_certification(SQLite::Database& db);

// Rebuilds retiree_validity (each retiree's newest passed validity, by retiree key) from the
// certifications; for data written without the repository (the demo's synthetic history).
void rebuild_retiree_validity(SQLite::Database& db);

}  // namespace pd::store
