#pragma once

#include <string>

namespace pd {

// Who does something, and where: recorded on every change and in the audit trail.
struct Actor {
    std::string staff_id;     // the staff account's id (a UUID), or "system" for imports
    std::string staff_name;   // for messages: "王芳 (A0123)"
    std::string workstation;  // host name of the workstation
};

}  // namespace pd
