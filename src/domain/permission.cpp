#include "domain/permission.h"

#include <algorithm>
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

bool ScopedDirectory::lists_everything() const {
    return allows(actor_, Permission::RetireeView) &&
           (actor_.role == Role::Supervisor || actor_.role == Role::System);
}

bool ScopedDirectory::in_scope(const RetireeRow& row) const {
    return allows(actor_, Permission::RetireeView,
                  RetireeScope{row.employer_unit, row.id_number.substr(0, 6), false});
}

std::int64_t ScopedDirectory::total() const {
    return lists_everything() ? inner_.total() : 0;
}

std::vector<std::int64_t> ScopedDirectory::search(const SearchQuery& query) const {
    if (lists_everything()) return inner_.search(query);
    if (!allows(actor_, Permission::RetireeView)) return {};
    // Ask for more than the limit, then keep the rows in scope.
    SearchQuery wide = query;
    wide.limit = std::max<std::size_t>(query.limit, 1) * 20;
    const auto keys = inner_.search(wide);
    std::vector<std::int64_t> out;
    constexpr std::size_t kBatch = 500;
    for (std::size_t i = 0; i < keys.size() && out.size() < query.limit; i += kBatch) {
        const auto batch =
            std::span<const std::int64_t>(keys).subspan(i, std::min(kBatch, keys.size() - i));
        for (const auto& row : inner_.rows(batch)) {
            if (in_scope(row) && out.size() < query.limit) out.push_back(row.key);
        }
    }
    return out;
}

std::vector<RetireeRow> ScopedDirectory::rows(std::span<const std::int64_t> keys) const {
    if (!allows(actor_, Permission::RetireeView)) return {};
    auto rows = inner_.rows(keys);
    if (lists_everything()) return rows;
    for (auto& row : rows) {
        if (in_scope(row)) continue;
        // Keep the position (lists are aligned on keys) but nothing of the person.
        RetireeRow blank;
        blank.key = row.key;
        blank.name = "—";
        row = blank;
    }
    return rows;
}

}  // namespace pd
