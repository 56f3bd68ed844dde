#include "domain/registry_service.h"

namespace pd {

namespace {

FieldErrors one(Error e) {
    return FieldErrors{std::move(e)};
}

std::string holder(const Retiree& r) {
    return r.name.str() + " (" + r.id_number.masked() + ", " + r.employer_unit + ")";
}

}  // namespace

RegistryService::RegistryService(RetireeRepository& repo, const ScriptChecker& script,
                                 const Clock& clock, UuidGenerator& ids)
    : repo_(repo), script_(script), clock_(clock), ids_(ids) {}

Expected<Retiree, FieldErrors> RegistryService::check(const RetireeDraft& draft,
                                                      const std::optional<Uuid>& self) const {
    auto validated = validate_draft(draft, script_, clock_.today());
    if (!validated) return validated;
    const Retiree& r = *validated;
    FieldErrors errors;

    if (const auto existing = repo_.by_id_number(r.id_number);
        existing && (!self || existing->id != *self)) {
        errors.push_back(Error{"id_number.duplicate",
                               "id_number",
                               PD_N("this ID number is already registered to {1}"),
                               {holder(*existing)}});
    }
    if (r.phone && !r.phone_shared_by_family) {
        for (const auto& other : repo_.by_phone(*r.phone)) {
            if (self && other.id == *self) continue;
            if (other.status == RetireeStatus::Deactivated) continue;
            errors.push_back(Error{"phone.registered",
                                   "phone",
                                   PD_N("this phone is already registered to {1} (该手机已注册). "
                                        "If the family shares it, tick \"shared by family\""),
                                   {holder(other)}});
            break;
        }
    }
    if (!errors.empty()) return errors;
    return validated;
}

Expected<Retiree, FieldErrors> RegistryService::register_retiree(const RetireeDraft& draft,
                                                                 const Actor& actor) {
    auto checked = check(draft, std::nullopt);
    if (!checked) return checked;
    Retiree r = *checked;
    r.id = ids_.next(clock_.now());
    r.revision = 1;
    try {
        repo_.add(r, ChangeNote{actor, "create",
                                r.phone_shared_by_family ? "phone shared by family" : ""});
    } catch (const DuplicateKey&) {
        // Another workstation's import or a second window won the race since check().
        return one(Error{"id_number.duplicate",
                         "id_number",
                         PD_N("this ID number was registered by someone else a moment ago"),
                         {}});
    }
    return r;
}

Expected<Retiree, FieldErrors> RegistryService::edit(const Uuid& id, const RetireeDraft& draft,
                                                     std::int64_t seen_revision,
                                                     const Actor& actor) {
    const auto current = repo_.by_id(id);
    if (!current) {
        return one(Error{"retiree.not_found", "", PD_N("the record no longer exists"), {}});
    }
    if (current->revision != seen_revision) {
        return one(Error{"retiree.stale",
                         "",
                         PD_N("someone changed this record while you were editing it; reopen it "
                              "to see their change"),
                         {}});
    }
    if (current->status == RetireeStatus::Deactivated) {
        return one(
            Error{"retiree.deactivated", "", PD_N("a deactivated record cannot be edited"), {}});
    }
    auto checked = check(draft, id);
    if (!checked) return checked;
    Retiree r = *checked;
    r.id = id;
    r.status = current->status;
    r.status_reason = current->status_reason;
    r.revision = current->revision + 1;
    try {
        repo_.update(r, ChangeNote{actor, "update",
                                   r.phone_shared_by_family && !current->phone_shared_by_family
                                       ? "phone shared by family"
                                       : ""});
    } catch (const StaleRevision&) {
        return one(Error{"retiree.stale",
                         "",
                         PD_N("someone changed this record while you were editing it; reopen it "
                              "to see their change"),
                         {}});
    } catch (const DuplicateKey&) {
        return one(Error{"id_number.duplicate",
                         "id_number",
                         PD_N("this ID number was registered by someone else a moment ago"),
                         {}});
    }
    return r;
}

Expected<Retiree> RegistryService::set_status(const Uuid& id, RetireeStatus status,
                                              const std::string& reason, const Actor& actor) {
    auto current = repo_.by_id(id);
    if (!current) return Error{"retiree.not_found", "", PD_N("the record no longer exists"), {}};
    if (reason.empty() && status != RetireeStatus::Active) {
        return Error{"status.reason", "reason", PD_N("give the reason for the change"), {}};
    }
    if (auto e = check_free_text(reason, "reason", 200, false)) return *e;
    if (current->status == status) {
        return Error{"status.unchanged", "", PD_N("the record already has this status"), {}};
    }
    Retiree r = *current;
    r.status = status;
    r.status_reason = reason;
    r.revision = current->revision + 1;
    const char* op = status == RetireeStatus::Deactivated ? "deactivate" : "set_status";
    try {
        repo_.update(r, ChangeNote{actor, op, reason});
    } catch (const StaleRevision&) {
        return Error{"retiree.stale",
                     "",
                     PD_N("someone changed this record at the same moment; try again"),
                     {}};
    }
    return r;
}

Expected<Retiree> RegistryService::deactivate(const Uuid& id, const std::string& reason,
                                              const Actor& actor) {
    return set_status(id, RetireeStatus::Deactivated, reason, actor);
}

}  // namespace pd
