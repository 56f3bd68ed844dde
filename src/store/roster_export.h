#pragma once

#include <cstdint>
#include <ostream>

#include "store/database.h"

namespace pd::store {

// Writes the whole registry as a roster CSV (UTF-8, no BOM, the header of kRosterColumns, key
// order). The output imports again as it is. Returns the number of records.
std::size_t export_roster(Database& db, std::ostream& out);

// Writes `count` synthetic retirees (pd::SyntheticRoster with `seed`) as a roster CSV: the demo
// workspace's data, the tests' and the 1,000,000-row benchmark's.
void write_synthetic_roster(std::ostream& out, std::size_t count, std::uint64_t seed);

}  // namespace pd::store
