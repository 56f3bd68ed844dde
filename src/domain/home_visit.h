#pragma once

#include <chrono>
#include <string>

#include "domain/uuid.h"

namespace pd {

enum class HomeVisitState { Draft, Queued, Assigned, Done, Cancelled };

[[nodiscard]] std::string_view to_string(HomeVisitState s);

// A request that a team certify the retiree at home (上门认证): for those who cannot come or
// cannot pass the face check (the FAQ's bedridden, deaf and demented retirees). Created as a
// draft by the counter; the home-visit queue assigns and schedules it.
struct HomeVisitCase {
    Uuid id;
    Uuid retiree_id;
    HomeVisitState state = HomeVisitState::Draft;
    std::string reason;  // why: "three failed face attempts: poor_quality", "bedridden"
    std::string requested_by;
    std::chrono::system_clock::time_point requested_at;
    std::string assigned_to;  // staff id, once assigned
};

}  // namespace pd
