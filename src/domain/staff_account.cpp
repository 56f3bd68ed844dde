#include "domain/staff_account.h"

namespace pd {

std::string_view to_string(StaffStatus s) {
    return s == StaffStatus::Active ? "active" : "disabled";
}

std::optional<StaffStatus> parse_staff_status(std::string_view s) {
    if (s == "active") return StaffStatus::Active;
    if (s == "disabled") return StaffStatus::Disabled;
    return std::nullopt;
}

}  // namespace pd
