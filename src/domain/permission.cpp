#include "domain/permission.h"

#include <array>

namespace pd {

namespace {

bool unscoped_allows(Role role, Permission p) {
    using P = Permission;
    switch (role) {
        case Role::None:
            return false;
        case Role::UnitClerk:
        case Role::CounterClerk:
            return p == P::RetireeView || p == P::RetireeRegister || p == P::RetireeEdit ||
                   p == P::RetireeCertify ||
                   // Only the agency decides a record's status (deceased, suspended).
                   (role == Role::CounterClerk && p == P::RetireeStatus);
        case Role::HomeVisit:
            return p == P::RetireeView || p == P::RetireeCertify;
        case Role::Supervisor:
            return p == P::RetireeView || p == P::RetireeRegister || p == P::RetireeEdit ||
                   p == P::RetireeStatus || p == P::RetireeCertify || p == P::RetireeExport ||
                   p == P::AccountUnlock || p == P::AuditView || p == P::AuditExport;
        case Role::Administrator:
            // Accounts and settings, never retiree data and not the audit log it would be
            // judged by.
            return p == P::AccountManage || p == P::AccountUnlock || p == P::SettingsChange;
        case Role::Auditor:
            return p == P::AuditView || p == P::AuditExport;
        case Role::System:
            return p == P::RetireeView || p == P::RetireeRegister || p == P::RetireeEdit ||
                   p == P::RetireeStatus;
    }
    return false;
}

bool is_retiree_permission(Permission p) {
    return p == Permission::RetireeView || p == Permission::RetireeRegister ||
           p == Permission::RetireeEdit || p == Permission::RetireeStatus ||
           p == Permission::RetireeCertify || p == Permission::RetireeExport;
}

}  // namespace

std::string_view to_string(Permission p) {
    static constexpr std::array<std::string_view, 11> kNames{
        "retiree.view",    "retiree.register", "retiree.edit",   "retiree.status",
        "retiree.certify", "retiree.export",   "account.manage", "account.unlock",
        "settings.change", "audit.view",       "audit.export"};
    return kNames.at(static_cast<std::size_t>(p));
}

RetireeScope DefaultScopeResolver::scope_of(const Retiree& r, const Actor&) const {
    return RetireeScope{r.employer_unit, r.id_number.str().substr(0, 6), false};
}

bool role_allows(Role role, Permission p) {
    return unscoped_allows(role, p);
}

bool allows(const Actor& actor, Permission p) {
    if (!unscoped_allows(actor.role, p)) return false;
    // A scoped role with no scope configured sees nothing rather than everything.
    if (is_retiree_permission(p)) {
        if (actor.role == Role::UnitClerk && actor.unit.empty()) return false;
        if (actor.role == Role::CounterClerk && actor.region.empty()) return false;
    }
    return true;
}

bool allows(const Actor& actor, Permission p, const RetireeScope& scope) {
    if (!allows(actor, p)) return false;
    switch (actor.role) {
        case Role::UnitClerk:
            return scope.employer_unit == actor.unit;
        case Role::CounterClerk:
            return scope.region.starts_with(actor.region);
        case Role::HomeVisit:
            return scope.assigned_to_actor;
        default:
            return true;
    }
}

Error permission_denied(const Actor& actor, Permission p) {
    return Error{"permission.denied",
                 "",
                 PD_N("your role ({1}) does not allow this ({2}) for this record or account"),
                 {std::string(role_label(actor.role)), std::string(to_string(p))}};
}

}  // namespace pd
