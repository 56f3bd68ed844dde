#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/retiree.h"

namespace pd {

// Why a record changed; the store writes it to the outbox with the record, atomically.
struct ChangeNote {
    Actor actor;
    std::string operation;  // "create", "update", "deactivate", "import"
    std::string reason;     // free text: why deactivated, "phone shared by family", ...
    // The audit entry of the change, for repositories that write it in the same transaction
    // (records_audit()), so a change and its trail commit or vanish together.
    std::optional<AuditEntry> audit{};
};

// Thrown by a repository when the record changed under the caller (another edit won).
class StaleRevision : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Thrown by a repository when a unique key (ID number) is already taken.
class DuplicateKey : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The retiree registry as the domain needs it. Implementations make each add/update one
// transaction together with its outbox event.
class RetireeRepository {
  public:
    virtual ~RetireeRepository() = default;
    [[nodiscard]] virtual std::optional<Retiree> by_id(const Uuid& id) const = 0;
    [[nodiscard]] virtual std::optional<Retiree> by_id_number(const IdNumber& id) const = 0;
    [[nodiscard]] virtual std::vector<Retiree> by_phone(const MobilePhone& phone) const = 0;
    virtual void add(const Retiree& r, const ChangeNote& note) = 0;
    // Replaces the record whose revision is `after.revision - 1`; throws StaleRevision if the
    // stored revision differs.
    virtual void update(const Retiree& after, const ChangeNote& note) = 0;
    // True when add/update append ChangeNote::audit to the workspace's audit log inside their
    // own transaction; the service then leaves the entry to them.
    [[nodiscard]] virtual bool records_audit() const { return false; }
};

}  // namespace pd
