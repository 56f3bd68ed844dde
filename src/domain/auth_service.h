#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit.h"
#include "domain/clock.h"
#include "domain/expected.h"
#include "domain/password_hasher.h"
#include "domain/permission.h"
#include "domain/session.h"
#include "domain/staff_account.h"
#include "domain/uuid.h"

namespace pd {

// Why a sign-in failed, as the person at the keyboard may see it. Locked, disabled and unknown
// accounts get the same text; only the audit log tells them apart.
struct SignInFailure {
    Error error;
    int remaining_attempts = 0;  // > 0: "2 attempts left"; 0: refused (locked or equivalent)
};

struct ScreenUnlock {
    Session session;
    bool switched_user = false;  // a different user signed in: the first session was ended
};

// Sign-in with lockout, the first administrator, and account administration. Every outcome is
// written to the audit sink.
class AuthService {
  public:
    static constexpr int kMaxAttempts = 3;
    static constexpr std::chrono::hours kLockout{24};
    static constexpr std::size_t kMinPasswordLength = 10;
    static constexpr std::size_t kMaxPasswordLength = 128;

    AuthService(StaffRepository& staff, const PasswordHasher& hasher, AuditSink& audit,
                const Clock& clock, UuidGenerator& ids);

    // A new workspace has no account: the UI must ask for the first administrator.
    [[nodiscard]] bool needs_first_administrator() const;
    // Only while there is no account at all; the role is forced to Administrator.
    Expected<StaffAccount> create_first_administrator(const NewStaff& who,
                                                      std::string_view password,
                                                      std::string_view workstation);

    Expected<Session, SignInFailure> sign_in(std::string_view staff_number,
                                             std::string_view password,
                                             std::string_view workstation);
    void sign_out(const Session& s);

    // The idle lock engaged (audited; the session stays).
    void screen_locked(const Session& s);
    // Someone signed in at the lock screen: the same user resumes; a different user ends the
    // first session (audited) and starts their own.
    Expected<ScreenUnlock, SignInFailure> unlock_screen(const Session& current,
                                                        std::string_view staff_number,
                                                        std::string_view password,
                                                        std::string_view workstation);

    // The signed-in user's own password; clears must_change_password and gives back the
    // session with the account's role restored.
    Expected<Session> change_password(const Session& s, std::string_view old_password,
                                      std::string_view new_password);

    // Administration (each checks the actor's permission and is audited).
    Expected<std::vector<StaffAccount>> list_accounts(const Actor& actor) const;
    Expected<StaffAccount> create_account(const Actor& actor, const NewStaff& who,
                                          std::string_view temporary_password);
    Expected<StaffAccount> unlock_account(const Actor& actor, const Uuid& id);
    // Sets a temporary password the user must change at next sign-in; also unlocks.
    Expected<StaffAccount> reset_password(const Actor& actor, const Uuid& id,
                                          std::string_view temporary_password);
    Expected<StaffAccount> set_enabled(const Actor& actor, const Uuid& id, bool enabled,
                                       std::string_view reason);
    Expected<StaffAccount> change_role(const Actor& actor, const Uuid& id, Role role,
                                       std::string_view unit, std::string_view region);

    // Minimum length, not the staff number, not one repeated character.
    [[nodiscard]] std::optional<Error> check_password(std::string_view password,
                                                      std::string_view staff_number) const;

  private:
    struct Phantom {
        int failures = 0;
        std::chrono::system_clock::time_point locked_until{};
    };

    [[nodiscard]] Session open_session(const StaffAccount& a, std::string_view workstation);
    SignInFailure record_failure(StaffAccount a, std::string_view workstation);
    SignInFailure phantom_failure(std::string_view staff_number, std::string_view workstation,
                                  std::string detail);
    void audit_refusal(const Actor& actor, const std::string& subject, std::string detail);
    [[nodiscard]] std::optional<Error> check_new_staff(const NewStaff& who) const;
    Expected<StaffAccount> load_for_admin(const Actor& actor, const Uuid& id, Permission p) const;
    void save(StaffAccount& a);
    void burn_time(std::string_view password) const;
    void denied(const Actor& actor, Permission p, const std::string& subject);

    StaffRepository& staff_;
    const PasswordHasher& hasher_;
    AuditSink& audit_;
    const Clock& clock_;
    UuidGenerator& ids_;
    mutable std::string dummy_hash_;
    // Unknown and disabled staff numbers count down like real ones, so the messages do not
    // reveal which staff numbers exist. In memory only; bounded.
    std::map<std::string, Phantom, std::less<>> phantoms_;
};

// The English text every refused sign-in shows (locked, disabled, unknown after 3 tries).
[[nodiscard]] Error sign_in_refused();

}  // namespace pd
