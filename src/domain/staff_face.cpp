#include "domain/staff_face.h"

#include "domain/permission.h"

namespace pd {

namespace {
Error refuse(std::string code, std::string text) {
    return Error{std::move(code), "", std::move(text), {}};
}
}  // namespace

bool StaffFaceService::may_manage(const Uuid& staff, const Actor& actor) const {
    return actor.staff_id == staff.str() || allows(actor, Permission::AccountManage);
}

void StaffFaceService::audit(const Actor& actor, AuditAction action, const Uuid& staff,
                             std::string outcome, std::string detail) const {
    if (audit_)
        audit_->append(make_audit(actor, clock_.now(), action, "staff", staff.str(),
                                  std::move(outcome), std::move(detail)));
}

Expected<StaffFace> StaffFaceService::enrol(const Uuid& staff, const ConsentRecord& consent,
                                            std::string template_blob, std::string photo_blob,
                                            std::string model_version, const Actor& actor) {
    if (!may_manage(staff, actor)) {
        audit(actor, AuditAction::PermissionDenied, staff, "denied", "staff_face.enrol");
        return permission_denied(actor, Permission::AccountManage);
    }
    if (consent.text.empty() || consent.text_version.empty()) {
        return refuse("staff_face.consent",
                      PD_N("record the staff member's consent to face processing first"));
    }
    if (template_blob.empty()) {
        return refuse("staff_face.template", PD_N("no face template was captured"));
    }
    StaffFace f;
    f.staff_id = staff;
    f.consent = consent;
    f.consent.recorded_by = actor.staff_id;
    f.template_blob = std::move(template_blob);
    f.photo_blob = std::move(photo_blob);
    f.model_version = std::move(model_version);
    f.enrolled_by = actor.staff_id;
    f.enrolled_at = clock_.now();
    const bool replaced = faces_.face(staff).has_value();
    ChangeNote note{actor, "staff_face.enrol", "consent " + consent.text_version};
    note.audit =
        make_audit(actor, f.enrolled_at, AuditAction::StaffFaceEnrolled, "staff", staff.str(), "ok",
                   std::string(replaced ? "replaced; " : "") + "consent " + consent.text_version +
                       "; model " + f.model_version);
    faces_.put(f, note);
    return f;
}

Expected<bool> StaffFaceService::withdraw(const Uuid& staff, const std::string& reason,
                                          const Actor& actor) {
    if (!may_manage(staff, actor)) {
        audit(actor, AuditAction::PermissionDenied, staff, "denied", "staff_face.withdraw");
        return permission_denied(actor, Permission::AccountManage);
    }
    ChangeNote note{actor, "staff_face.withdraw", reason};
    note.audit = make_audit(actor, clock_.now(), AuditAction::StaffFaceWithdrawn, "staff",
                            staff.str(), "ok", reason);
    return faces_.remove(staff, note);
}

std::optional<Error> StaffFaceService::certify_readiness(const Actor& actor) const {
    if (!required_) return std::nullopt;
    const auto id = Uuid::parse(actor.staff_id);
    if (id && faces_.face(*id)) return std::nullopt;
    return refuse("staff_face.missing",
                  PD_N("Your own face is not enrolled yet, so it cannot be told apart from the "
                       "retiree's. Enrol it first with \"Enrol my own face...\" below."));
}

}  // namespace pd
