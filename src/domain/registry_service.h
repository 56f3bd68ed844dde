#pragma once

#include <optional>
#include <string>

#include "domain/audit.h"
#include "domain/clock.h"
#include "domain/permission.h"
#include "domain/retiree_repository.h"
#include "domain/retiree_validation.h"
#include "domain/script_checker.h"
#include "domain/uuid.h"

namespace pd {

// Registering, viewing, editing and deactivating retirees, with every rule of the registry.
// Every call is checked against the actor's role and scope (permission.h): an Actor without a
// role is refused. With an audit sink attached, views, changes and refusals are audited.
class RegistryService {
  public:
    RegistryService(RetireeRepository& repo, const ScriptChecker& script, const Clock& clock,
                    UuidGenerator& ids);

    // Field checks plus the registry checks: the ID number held by another record, the phone
    // registered to another retiree (unless marked shared by family). `self` excludes the
    // record being edited. Never writes.
    [[nodiscard]] Expected<Retiree, FieldErrors> check(const RetireeDraft& draft,
                                                       const std::optional<Uuid>& self) const;

    Expected<Retiree, FieldErrors> register_retiree(const RetireeDraft& draft, const Actor& actor);
    // `seen_revision` is the revision the clerk edited; a newer stored one is refused.
    Expected<Retiree, FieldErrors> edit(const Uuid& id, const RetireeDraft& draft,
                                        std::int64_t seen_revision, const Actor& actor);
    // Never deletes: the record stays, marked deactivated, with the reason.
    Expected<Retiree> deactivate(const Uuid& id, const std::string& reason, const Actor& actor);
    Expected<Retiree> set_status(const Uuid& id, RetireeStatus status, const std::string& reason,
                                 const Actor& actor);
    // Opening a record for reading: checked and audited like a change.
    Expected<Retiree> view(const Uuid& id, const Actor& actor);

    // Collaborators set once after construction (kept out of the constructor so existing callers
    // compile). Without a resolver the DefaultScopeResolver applies; without a sink nothing is
    // audited, so the application must attach one.
    void set_scope_resolver(const ScopeResolver& resolver) { scope_ = &resolver; }
    void set_audit(AuditSink& sink) { audit_ = &sink; }

  private:
    RetireeRepository& repo_;
    const ScriptChecker& script_;
    const Clock& clock_;
    UuidGenerator& ids_;
    DefaultScopeResolver default_scope_;
    const ScopeResolver* scope_ = &default_scope_;
    AuditSink* audit_ = nullptr;

    [[nodiscard]] bool permitted(const Actor& actor, Permission p, const Retiree& r) const;
    void audit(const Actor& actor, AuditAction action, const Uuid& id, std::string outcome,
               std::string detail, std::vector<FieldChange> changes = {});
    Error refuse(const Actor& actor, Permission p, const Uuid& id);
    // Puts the change's audit entry into `note` when the repository writes it in the change's
    // transaction; false when the service must append it to the sink itself afterwards.
    bool attach_audit(ChangeNote& note, AuditAction action, const Uuid& id, std::string detail,
                      std::vector<FieldChange> changes) const;
};

}  // namespace pd
