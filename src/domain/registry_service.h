#pragma once

#include <optional>
#include <string>

#include "domain/clock.h"
#include "domain/retiree_repository.h"
#include "domain/retiree_validation.h"
#include "domain/script_checker.h"
#include "domain/uuid.h"

namespace pd {

// Registering, editing and deactivating retirees, with every rule of the registry.
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

  private:
    RetireeRepository& repo_;
    const ScriptChecker& script_;
    const Clock& clock_;
    UuidGenerator& ids_;
};

}  // namespace pd
