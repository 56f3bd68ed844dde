#pragma once

#include <chrono>

#include "domain/actor.h"
#include "domain/staff_account.h"
#include "domain/uuid.h"

namespace pd {

// A signed-in staff member at one workstation. Services take `session.actor`.
struct Session {
    Uuid id;
    StaffAccount account;  // as it was at sign-in (password hash cleared)
    Actor actor;
    std::chrono::system_clock::time_point started{};
    // Set after an administrator's reset: nothing else is allowed until the password changes.
    bool must_change_password = false;
};

}  // namespace pd
