#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/actor.h"
#include "domain/expected.h"

namespace pd {

// What happened. Stored by name (to_string), so the enum order may change freely.
enum class AuditAction {
    SignIn,
    SignInFailed,
    SignOut,
    ScreenLocked,
    ScreenUnlocked,
    SessionEnded,  // another user signed in at the lock screen
    PasswordChanged,
    PasswordReset,
    AccountUnlocked,
    AccountCreated,
    AccountDisabled,
    AccountEnabled,
    RoleChanged,
    FirstAdministrator,
    RetireeViewed,
    RetireeCreated,
    RetireeChanged,
    RetireeStatusChanged,
    Certification,
    Export,
    SettingChanged,
    PermissionDenied,
    AuditExported,
    StaffFaceEnrolled,  // a staff member's own face, kept to refuse it at the counter
    StaffFaceWithdrawn,
};

[[nodiscard]] std::string_view to_string(AuditAction a);
[[nodiscard]] std::optional<AuditAction> parse_audit_action(std::string_view s);

// One changed field: old and new values only for non-sensitive fields; sensitive ones carry
// masked values or "(changed)". Never biometric data.
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
    friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

// One line of the audit trail.
struct AuditEntry {
    std::int64_t seq = 0;                        // 1, 2, 3... assigned by the log
    std::chrono::system_clock::time_point at{};  // UTC
    std::string staff_id;  // the actor, or the staff number typed for an unknown account
    std::string staff_name;
    std::string workstation;
    AuditAction action = AuditAction::SignIn;
    std::string subject_type;  // "retiree", "staff", "setting", "session", "export", ""
    std::string subject_id;
    std::string outcome = "ok";  // "ok", "denied", "failed"
    std::string detail;          // free text for people: "wrong password, attempt 2 of 3"
    std::vector<FieldChange> changes;
    std::string
        prev_hash;  // SHA-256 (hex) of the previous entry's canonical form; "" for the first
};

// An entry as a service reports it; the log fills in seq and prev_hash.
[[nodiscard]] AuditEntry make_audit(const Actor& actor, std::chrono::system_clock::time_point at,
                                    AuditAction action, std::string subject_type,
                                    std::string subject_id, std::string outcome = "ok",
                                    std::string detail = {}, std::vector<FieldChange> changes = {});

// The exact bytes that are hashed: every field, length-prefixed, in a fixed order, times as
// UTC ISO-8601 with milliseconds. Versioned so the format can evolve.
[[nodiscard]] std::string canonical_form(const AuditEntry& e);

// SHA-256 as the domain needs it (the store implements it with OpenSSL).
class Digest {
  public:
    virtual ~Digest() = default;
    [[nodiscard]] virtual std::string sha256_hex(std::string_view bytes) const = 0;
};

// Where services append entries. The store's implementation links each entry to the previous
// one and writes it inside the caller's transaction when one is open.
class AuditSink {
  public:
    virtual ~AuditSink() = default;
    virtual void append(const AuditEntry& e) = 0;
};

// What the audit viewer asks for; empty members do not filter.
struct AuditQuery {
    std::string staff;       // a staff id, or part of the staff name or typed staff number
    std::string subject_id;  // a retiree's or an account's id
    std::optional<AuditAction> action;
    std::optional<std::chrono::system_clock::time_point> from;  // inclusive
    std::optional<std::chrono::system_clock::time_point> to;    // exclusive
    std::size_t limit = 100000;
};

// Reading the log (the store implements it). Newest first.
class AuditReader {
  public:
    virtual ~AuditReader() = default;
    [[nodiscard]] virtual std::vector<AuditEntry> find(const AuditQuery& query) const = 0;
};

// The first entry where the chain does not hold, and why.
struct ChainBreak {
    std::int64_t seq = 0;  // the entry named as broken
    std::string reason;
};

// Checks entries in stored order: seq runs 1, 2, 3... without gaps and every entry's prev_hash
// is the hash of the entry before it. `head_count`/`head_hash` are the count and last hash
// recorded separately at every append, so truncating the tail is caught too.
[[nodiscard]] std::optional<ChainBreak> verify_chain(const std::vector<AuditEntry>& entries,
                                                     const Digest& digest, std::int64_t head_count,
                                                     std::string_view head_hash);

// Reading the audit log for a person: supervisors and auditors only (permission.h); a refusal
// is itself audited.
[[nodiscard]] Expected<std::vector<AuditEntry>> read_audit(
    const Actor& actor, const AuditReader& reader, AuditSink& sink,
    std::chrono::system_clock::time_point now, const AuditQuery& query);

}  // namespace pd
