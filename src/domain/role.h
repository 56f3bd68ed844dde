#pragma once

#include <optional>
#include <string_view>

namespace pd {

// What a staff member is there to do. Each role sees a different slice of the registry; see
// permission.h for the policy and docs/security.md for the table.
enum class Role {
    None,           // no role: refused everything (the safe default of a bare Actor)
    UnitClerk,      // 单位经办人: the retirees of their own employer unit
    CounterClerk,   // 经办机构窗口: the retirees of their agency office's region
    HomeVisit,      // 上门认证: the cases assigned to them
    Supervisor,     // every retiree of the workspace; unlocks and resets clerks' accounts
    Administrator,  // accounts and settings only: never retiree data
    Auditor,        // read-only: the audit log
    System,         // non-interactive imports and demo seeding; never a staff account's role
};

// Stable names used in storage and the CLI: "unit_clerk", "counter_clerk", ...
[[nodiscard]] std::string_view to_string(Role r);
[[nodiscard]] std::optional<Role> parse_role(std::string_view s);
// English label for the UI (translated there): "Unit HR clerk", ...
[[nodiscard]] std::string_view role_label(Role r);
// The roles a staff account may hold (None and System are not among them).
[[nodiscard]] bool is_staff_role(Role r);

}  // namespace pd
