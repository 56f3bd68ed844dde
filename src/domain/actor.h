#pragma once

#include <string>
#include <utility>

#include "domain/role.h"

namespace pd {

// Who does something, and where: recorded on every change and in the audit trail. The role and
// its scope decide what the domain services allow (permission.h); a default-constructed Actor
// has Role::None and is refused everything.
struct Actor {
    std::string staff_id;     // the staff account's id (a UUID), or "system" for imports
    std::string staff_name;   // for messages: "王芳 (A0123)"
    std::string workstation;  // host name of the workstation
    Role role = Role::None;
    std::string unit{};    // employer unit of a unit HR clerk (matches Retiree::employer_unit)
    std::string region{};  // administrative division code prefix of a counter clerk: "6101"
};

// The actor for imports, demo seeding and other non-interactive work on a workspace.
[[nodiscard]] inline Actor system_actor(std::string workstation, std::string what = "system") {
    return Actor{"system", std::move(what), std::move(workstation), Role::System, {}, {}};
}

}  // namespace pd
