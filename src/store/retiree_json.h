#pragma once

#include <string>

#include "domain/retiree.h"

namespace pd::store {

// The outbox payload of a retiree: every field, as the sync protocol will carry it.
[[nodiscard]] std::string retiree_payload(const Retiree& r, std::string_view updated_at);

}  // namespace pd::store
