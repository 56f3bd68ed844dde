#include "domain/registry_service.h"

namespace pd {

namespace {

FieldErrors one(Error e) {
    return FieldErrors{std::move(e)};
}

std::string holder(const Retiree& r) {
    return r.name.str() + " (" + r.id_number.masked() + ", " + r.employer_unit + ")";
}

std::string masked_phone(const std::optional<MobilePhone>& p) {
    if (!p) return {};
    const std::string& s = p->str();
    if (s.size() < 7) return "****";
    return s.substr(0, 3) + "****" + s.substr(s.size() - 4);
}

std::string opt_date(const std::optional<Date>& d) {
    return d ? to_iso(*d) : std::string{};
}

// What changed between two versions of a record, for the audit log: values for the fields a
// supervisor needs to see, masks for identifiers, only "(changed)" for personal details.
std::vector<FieldChange> diff(const Retiree& a, const Retiree& b) {
    std::vector<FieldChange> out;
    auto plain = [&](const char* field, const std::string& x, const std::string& y) {
        if (x != y) out.push_back({field, x, y});
    };
    auto secret = [&](const char* field, bool changed) {
        if (changed) out.push_back({field, "(changed)", "(changed)"});
    };
    plain("name", a.name.str(), b.name.str());
    if (a.id_number != b.id_number) {
        out.push_back({"id_number", a.id_number.masked(), b.id_number.masked()});
    }
    plain("gender", std::string(to_string(a.gender)), std::string(to_string(b.gender)));
    secret("birth_date", a.birth_date != b.birth_date);
    secret("ethnicity", a.ethnicity != b.ethnicity);
    plain("employer_unit", a.employer_unit, b.employer_unit);
    plain("retirement_date", opt_date(a.retirement_date), opt_date(b.retirement_date));
    if (a.phone != b.phone) out.push_back({"phone", masked_phone(a.phone), masked_phone(b.phone)});
    plain("phone_shared_by_family", a.phone_shared_by_family ? "yes" : "no",
          b.phone_shared_by_family ? "yes" : "no");
    secret("address", a.address != b.address);
    secret("social_security_card", a.social_security_card != b.social_security_card);
    plain("scheme", std::string(to_string(a.scheme)), std::string(to_string(b.scheme)));
    plain("overseas", a.overseas ? "yes" : "no", b.overseas ? "yes" : "no");
    plain("status", std::string(to_string(a.status)), std::string(to_string(b.status)));
    return out;
}

}  // namespace

RegistryService::RegistryService(RetireeRepository& repo, const ScriptChecker& script,
                                 const Clock& clock, UuidGenerator& ids)
    : repo_(repo), script_(script), clock_(clock), ids_(ids) {}

bool RegistryService::permitted(const Actor& actor, Permission p, const Retiree& r) const {
    return allows(actor, p, scope_->scope_of(r, actor));
}

void RegistryService::audit(const Actor& actor, AuditAction action, const Uuid& id,
                            std::string outcome, std::string detail,
                            std::vector<FieldChange> changes) {
    if (!audit_) return;
    audit_->append(make_audit(actor, clock_.now(), action, "retiree", id.is_nil() ? "" : id.str(),
                              std::move(outcome), std::move(detail), std::move(changes)));
}

bool RegistryService::attach_audit(ChangeNote& note, AuditAction action, const Uuid& id,
                                   std::string detail, std::vector<FieldChange> changes) const {
    if (!audit_ || !repo_.records_audit()) return false;
    note.audit = make_audit(note.actor, clock_.now(), action, "retiree", id.str(), "ok",
                            std::move(detail), std::move(changes));
    return true;
}

Error RegistryService::refuse(const Actor& actor, Permission p, const Uuid& id) {
    audit(actor, AuditAction::PermissionDenied, id, "denied", std::string(to_string(p)));
    return permission_denied(actor, p);
}

Expected<Retiree> RegistryService::view(const Uuid& id, const Actor& actor) {
    if (!allows(actor, Permission::RetireeView)) {
        return refuse(actor, Permission::RetireeView, id);
    }
    auto r = repo_.by_id(id);
    if (!r) return Error{"retiree.not_found", "", PD_N("the record no longer exists"), {}};
    if (!permitted(actor, Permission::RetireeView, *r)) {
        return refuse(actor, Permission::RetireeView, id);
    }
    audit(actor, AuditAction::RetireeViewed, id, "ok", {});
    return *r;
}

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
    if (!allows(actor, Permission::RetireeRegister)) {
        return one(refuse(actor, Permission::RetireeRegister, Uuid{}));
    }
    auto checked = check(draft, std::nullopt);
    if (!checked) return checked;
    Retiree r = *checked;
    r.id = ids_.next(clock_.now());
    r.revision = 1;
    // A unit clerk registers for their own unit only, a counter clerk in their region only.
    if (!permitted(actor, Permission::RetireeRegister, r)) {
        return one(refuse(actor, Permission::RetireeRegister, r.id));
    }
    const std::vector<FieldChange> created{{"name", "", r.name.str()},
                                           {"id_number", "", r.id_number.masked()},
                                           {"employer_unit", "", r.employer_unit},
                                           {"status", "", std::string(to_string(r.status))}};
    ChangeNote note{actor, "create", r.phone_shared_by_family ? "phone shared by family" : ""};
    const bool audited = attach_audit(note, AuditAction::RetireeCreated, r.id, {}, created);
    try {
        repo_.add(r, note);
    } catch (const DuplicateKey&) {
        // Another workstation's import or a second window won the race since check().
        return one(Error{"id_number.duplicate",
                         "id_number",
                         PD_N("this ID number was registered by someone else a moment ago"),
                         {}});
    }
    if (!audited) audit(actor, AuditAction::RetireeCreated, r.id, "ok", {}, created);
    return r;
}

Expected<Retiree, FieldErrors> RegistryService::edit(const Uuid& id, const RetireeDraft& draft,
                                                     std::int64_t seen_revision,
                                                     const Actor& actor) {
    if (!allows(actor, Permission::RetireeEdit)) {
        return one(refuse(actor, Permission::RetireeEdit, id));
    }
    const auto current = repo_.by_id(id);
    if (!current) {
        return one(Error{"retiree.not_found", "", PD_N("the record no longer exists"), {}});
    }
    if (!permitted(actor, Permission::RetireeEdit, *current)) {
        return one(refuse(actor, Permission::RetireeEdit, id));
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
    // Nor move a record out of their scope (another unit, another region).
    if (!permitted(actor, Permission::RetireeEdit, r)) {
        return one(refuse(actor, Permission::RetireeEdit, id));
    }
    ChangeNote note{actor, "update",
                    r.phone_shared_by_family && !current->phone_shared_by_family
                        ? "phone shared by family"
                        : ""};
    const auto changed = diff(*current, r);
    const bool audited = attach_audit(note, AuditAction::RetireeChanged, id, {}, changed);
    try {
        repo_.update(r, note);
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
    if (!audited) audit(actor, AuditAction::RetireeChanged, id, "ok", {}, changed);
    return r;
}

Expected<Retiree> RegistryService::set_status(const Uuid& id, RetireeStatus status,
                                              const std::string& reason, const Actor& actor) {
    if (!allows(actor, Permission::RetireeStatus)) {
        return refuse(actor, Permission::RetireeStatus, id);
    }
    auto current = repo_.by_id(id);
    if (!current) return Error{"retiree.not_found", "", PD_N("the record no longer exists"), {}};
    if (!permitted(actor, Permission::RetireeStatus, *current)) {
        return refuse(actor, Permission::RetireeStatus, id);
    }
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
    const std::vector<FieldChange> status_change{
        {"status", std::string(to_string(current->status)), std::string(to_string(status))}};
    ChangeNote note{actor, op, reason};
    const bool audited =
        attach_audit(note, AuditAction::RetireeStatusChanged, id, reason, status_change);
    try {
        repo_.update(r, note);
    } catch (const StaleRevision&) {
        return Error{"retiree.stale",
                     "",
                     PD_N("someone changed this record at the same moment; try again"),
                     {}};
    }
    if (!audited) audit(actor, AuditAction::RetireeStatusChanged, id, "ok", reason, status_change);
    return r;
}

Expected<Retiree> RegistryService::deactivate(const Uuid& id, const std::string& reason,
                                              const Actor& actor) {
    return set_status(id, RetireeStatus::Deactivated, reason, actor);
}

}  // namespace pd
