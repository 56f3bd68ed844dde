#include "domain/audit.h"

#include <array>
#include <utility>

#include "domain/clock.h"
#include "domain/permission.h"

namespace pd {

namespace {

struct ActionName {
    AuditAction action;
    std::string_view name;
};

constexpr std::array<ActionName, 25> kActions{{
    {AuditAction::SignIn, "sign_in"},
    {AuditAction::SignInFailed, "sign_in_failed"},
    {AuditAction::SignOut, "sign_out"},
    {AuditAction::ScreenLocked, "screen_locked"},
    {AuditAction::ScreenUnlocked, "screen_unlocked"},
    {AuditAction::SessionEnded, "session_ended"},
    {AuditAction::PasswordChanged, "password_changed"},
    {AuditAction::PasswordReset, "password_reset"},
    {AuditAction::AccountUnlocked, "account_unlocked"},
    {AuditAction::AccountCreated, "account_created"},
    {AuditAction::AccountDisabled, "account_disabled"},
    {AuditAction::AccountEnabled, "account_enabled"},
    {AuditAction::RoleChanged, "role_changed"},
    {AuditAction::FirstAdministrator, "first_administrator"},
    {AuditAction::RetireeViewed, "retiree_viewed"},
    {AuditAction::RetireeCreated, "retiree_created"},
    {AuditAction::RetireeChanged, "retiree_changed"},
    {AuditAction::RetireeStatusChanged, "retiree_status_changed"},
    {AuditAction::Certification, "certification"},
    {AuditAction::Export, "export"},
    {AuditAction::SettingChanged, "setting_changed"},
    {AuditAction::PermissionDenied, "permission_denied"},
    {AuditAction::AuditExported, "audit_exported"},
    {AuditAction::StaffFaceEnrolled, "staff_face_enrolled"},
    {AuditAction::StaffFaceWithdrawn, "staff_face_withdrawn"},
}};

void field(std::string& out, std::string_view name, std::string_view value) {
    // name=<byte length>:<bytes>\n -- unambiguous whatever the value holds.
    out += name;
    out += '=';
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

}  // namespace

std::string_view to_string(AuditAction a) {
    for (const auto& n : kActions) {
        if (n.action == a) return n.name;
    }
    return "unknown";
}

std::optional<AuditAction> parse_audit_action(std::string_view s) {
    for (const auto& n : kActions) {
        if (n.name == s) return n.action;
    }
    return std::nullopt;
}

AuditEntry make_audit(const Actor& actor, std::chrono::system_clock::time_point at,
                      AuditAction action, std::string subject_type, std::string subject_id,
                      std::string outcome, std::string detail, std::vector<FieldChange> changes) {
    AuditEntry e;
    e.at = at;
    e.staff_id = actor.staff_id;
    e.staff_name = actor.staff_name;
    e.workstation = actor.workstation;
    e.action = action;
    e.subject_type = std::move(subject_type);
    e.subject_id = std::move(subject_id);
    e.outcome = std::move(outcome);
    e.detail = std::move(detail);
    e.changes = std::move(changes);
    return e;
}

std::string canonical_form(const AuditEntry& e) {
    std::string out = "pd-audit-v1\n";
    field(out, "seq", std::to_string(e.seq));
    field(out, "at", to_utc_iso(e.at));
    field(out, "staff_id", e.staff_id);
    field(out, "staff_name", e.staff_name);
    field(out, "workstation", e.workstation);
    field(out, "action", to_string(e.action));
    field(out, "subject_type", e.subject_type);
    field(out, "subject_id", e.subject_id);
    field(out, "outcome", e.outcome);
    field(out, "detail", e.detail);
    field(out, "changes", std::to_string(e.changes.size()));
    for (const auto& c : e.changes) {
        field(out, "field", c.field);
        field(out, "before", c.before);
        field(out, "after", c.after);
    }
    field(out, "prev_hash", e.prev_hash);
    return out;
}

std::optional<ChainBreak> verify_chain(const std::vector<AuditEntry>& entries, const Digest& digest,
                                       std::int64_t head_count, std::string_view head_hash) {
    std::string prev;
    std::int64_t expected_seq = 1;
    for (const auto& e : entries) {
        if (e.seq != expected_seq) {
            return ChainBreak{e.seq, "expected entry " + std::to_string(expected_seq) +
                                         " here: entries before it were deleted or reordered"};
        }
        if (e.prev_hash != prev) {
            // Entry seq-1 was changed, or this one's link was: the earlier one is the suspect,
            // unless this is the first entry.
            const std::int64_t suspect = e.seq > 1 ? e.seq - 1 : e.seq;
            return ChainBreak{suspect, "entry " + std::to_string(e.seq) +
                                           " does not carry the hash of entry " +
                                           std::to_string(e.seq - 1) +
                                           ": one of them was changed, deleted or moved"};
        }
        prev = digest.sha256_hex(canonical_form(e));
        ++expected_seq;
    }
    const auto count = static_cast<std::int64_t>(entries.size());
    if (count != head_count) {
        return ChainBreak{
            count + 1, "the log should hold " + std::to_string(head_count) + " entries but holds " +
                           std::to_string(count) +
                           ": entries at the end were deleted, or added outside PensionDesk"};
    }
    if (prev != head_hash) {
        return ChainBreak{count,
                          "the last entry does not match the recorded head hash: it was "
                          "changed"};
    }
    return std::nullopt;
}

Expected<std::vector<AuditEntry>> read_audit(const Actor& actor, const AuditReader& reader,
                                             AuditSink& sink,
                                             std::chrono::system_clock::time_point now,
                                             const AuditQuery& query) {
    if (!allows(actor, Permission::AuditView)) {
        sink.append(make_audit(actor, now, AuditAction::PermissionDenied, "audit", "", "denied",
                               std::string(to_string(Permission::AuditView))));
        return permission_denied(actor, Permission::AuditView);
    }
    return reader.find(query);
}

}  // namespace pd
