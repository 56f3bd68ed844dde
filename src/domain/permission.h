#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/actor.h"
#include "domain/error.h"
#include "domain/retiree.h"
#include "domain/retiree_directory.h"

namespace pd {

// Everything the policy decides about. Retiree permissions are also scoped (RetireeScope).
enum class Permission {
    RetireeView,      // open a retiree's record
    RetireeRegister,  // create a record
    RetireeEdit,      // change a record's fields
    RetireeStatus,    // deactivate, suspend, mark deceased, reactivate
    RetireeCertify,   // perform or record a certification
    RetireeExport,    // export retiree data from the workstation
    AccountManage,    // create, disable, enable accounts; change roles
    AccountUnlock,    // unlock an account and reset its password
    SettingsChange,   // workstation and workspace settings
    AuditView,        // read the audit log
    AuditExport,      // export the audit log as CSV, verify the chain
};

[[nodiscard]] std::string_view to_string(Permission p);

// Where a retiree falls, as far as the scoped roles are concerned.
struct RetireeScope {
    std::string employer_unit;       // compared with a unit clerk's Actor::unit
    std::string region;              // division code; a counter clerk's Actor::region is its prefix
    bool assigned_to_actor = false;  // an open home-visit case is assigned to this actor
};

// Works out a retiree's scope for an actor. Home-visit cases and regions live outside the
// retiree record, so the outer layers may supply their own (set on RegistryService).
class ScopeResolver {
  public:
    virtual ~ScopeResolver() = default;
    [[nodiscard]] virtual RetireeScope scope_of(const Retiree& r, const Actor& actor) const = 0;
};

// Until retirees carry an agency region and home-visit cases exist: the region is the
// administrative division code in the first six digits of the ID number, and nothing is
// assigned to anyone (home-visit members see nothing). Replace with a store-backed resolver.
class DefaultScopeResolver final : public ScopeResolver {
  public:
    [[nodiscard]] RetireeScope scope_of(const Retiree& r, const Actor& actor) const override;
};

// The policy. Unscoped: may this role ever do this (menus, account and audit services)?
[[nodiscard]] bool role_allows(Role role, Permission p);
// Scoped: may this actor do this to a retiree with this scope?
[[nodiscard]] bool allows(const Actor& actor, Permission p, const RetireeScope& scope);
[[nodiscard]] bool allows(const Actor& actor, Permission p);

// The registry list as an actor may see it. Supervisors (and System) see everything; unit and
// counter clerks only rows of their unit or region, and only through search(): total() is 0
// for them, so a list never enumerates the whole registry by row key; rows() blanks any row
// outside their scope as a second line of defence. Every other role sees no rows at all.
class ScopedDirectory final : public RetireeDirectory {
  public:
    ScopedDirectory(const RetireeDirectory& inner, Actor actor)
        : inner_(inner), actor_(std::move(actor)) {}

    [[nodiscard]] std::int64_t total() const override;
    [[nodiscard]] std::vector<std::int64_t> search(const SearchQuery& query) const override;
    [[nodiscard]] std::vector<RetireeRow> rows(std::span<const std::int64_t> keys) const override;

    // Whether this actor may list every record (and so use total() and row keys 1..total()).
    [[nodiscard]] bool lists_everything() const;

  private:
    [[nodiscard]] bool in_scope(const RetireeRow& row) const;

    const RetireeDirectory& inner_;
    Actor actor_;
};

// The refusal the services return, naming what was refused (never what the record holds).
[[nodiscard]] Error permission_denied(const Actor& actor, Permission p);

}  // namespace pd
