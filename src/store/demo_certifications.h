#pragma once

#include <cstdint>

#include "domain/clock.h"
#include "store/database.h"

namespace pd::store {

// A year of synthetic certification history for a demo workspace's retirees, so its due lists
// and histories look like an office's: most retirees certified at some day of the last 14
// months (some now due this month, some overdue), the rest never. Deterministic for `seed`.
// Rows are written directly in one transaction and without outbox events: they are not a
// clerk's work and must never reach a central server. Returns how many were written; does
// nothing (0) when the workspace already has certifications.
std::size_t seed_demo_certifications(Database& db, const Clock& clock, std::uint64_t seed);

}  // namespace pd::store
