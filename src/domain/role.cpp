#include "domain/role.h"

#include <array>
#include <utility>

#include "domain/error.h"

namespace pd {

namespace {

struct RoleName {
    Role role;
    std::string_view name;
    std::string_view label;
};

constexpr std::array<RoleName, 8> kRoles{{
    {Role::None, "none", PD_N("No role")},
    {Role::UnitClerk, "unit_clerk", PD_N("Unit HR clerk")},
    {Role::CounterClerk, "counter_clerk", PD_N("Agency counter clerk")},
    {Role::HomeVisit, "home_visit", PD_N("Home-visit team member")},
    {Role::Supervisor, "supervisor", PD_N("Supervisor")},
    {Role::Administrator, "administrator", PD_N("Administrator")},
    {Role::Auditor, "auditor", PD_N("Auditor")},
    {Role::System, "system", PD_N("System")},
}};

}  // namespace

std::string_view to_string(Role r) {
    for (const auto& n : kRoles) {
        if (n.role == r) return n.name;
    }
    return "none";
}

std::optional<Role> parse_role(std::string_view s) {
    for (const auto& n : kRoles) {
        if (n.name == s) return n.role;
    }
    return std::nullopt;
}

std::string_view role_label(Role r) {
    for (const auto& n : kRoles) {
        if (n.role == r) return n.label;
    }
    return "No role";
}

bool is_staff_role(Role r) {
    return r != Role::None && r != Role::System;
}

}  // namespace pd
