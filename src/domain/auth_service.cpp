#include "domain/auth_service.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "domain/retiree_repository.h"
#include "domain/utf8.h"

namespace pd {

namespace {

constexpr std::size_t kMaxPhantoms = 1000;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Error wrong_password(int remaining) {
    return Error{"auth.wrong_password",
                 "password",
                 PD_N("wrong staff number or password: {1} attempt(s) left before the account "
                      "is locked for 24 hours"),
                 {std::to_string(remaining)}};
}

// Whoever typed at the sign-in dialog, before we know who they are.
Actor typed(std::string_view staff_number, std::string_view workstation,
            const std::string& id = {}) {
    // Staff numbers are short; a password typed into the wrong field must not land whole in
    // the log.
    return Actor{
        id, std::string(staff_number.substr(0, 32)), std::string(workstation), Role::None, {}, {}};
}

bool can_touch(const Actor& actor, const StaffAccount& target) {
    if (actor.role == Role::Administrator) return true;
    // A supervisor may help clerks back in, but not take over an administrator's, auditor's or
    // fellow supervisor's account by resetting its password.
    if (actor.role == Role::Supervisor) {
        return target.role == Role::UnitClerk || target.role == Role::CounterClerk ||
               target.role == Role::HomeVisit;
    }
    return false;
}

}  // namespace

Error sign_in_refused() {
    return Error{"auth.refused",
                 "",
                 PD_N("this account cannot sign in now. After three wrong passwords an account "
                      "is locked for 24 hours; a supervisor or administrator can unlock it"),
                 {}};
}

AuthService::AuthService(StaffRepository& staff, const PasswordHasher& hasher, AuditSink& audit,
                         const Clock& clock, UuidGenerator& ids)
    : staff_(staff), hasher_(hasher), audit_(audit), clock_(clock), ids_(ids) {}

bool AuthService::needs_first_administrator() const {
    return staff_.count() == 0;
}

std::optional<Error> AuthService::check_password(std::string_view password,
                                                 std::string_view staff_number) const {
    if (!utf8::decode(password)) {
        return Error{"password.encoding", "password", PD_N("the password is not valid text"), {}};
    }
    const auto n = utf8::length(password);
    if (n < kMinPasswordLength) {
        return Error{"password.short",
                     "password",
                     PD_N("the password needs at least {1} characters"),
                     {std::to_string(kMinPasswordLength)}};
    }
    if (n > kMaxPasswordLength) {
        return Error{"password.long",
                     "password",
                     PD_N("the password may have at most {1} characters"),
                     {std::to_string(kMaxPasswordLength)}};
    }
    if (!staff_number.empty() &&
        lower_ascii(password).find(lower_ascii(staff_number)) != std::string::npos) {
        return Error{"password.staff_number",
                     "password",
                     PD_N("the password must not contain the staff number"),
                     {}};
    }
    if (std::ranges::all_of(password, [&](char c) { return c == password.front(); })) {
        return Error{"password.repeated",
                     "password",
                     PD_N("the password must not be one character repeated"),
                     {}};
    }
    return std::nullopt;
}

std::optional<Error> AuthService::check_new_staff(const NewStaff& who) const {
    if (who.staff_number.empty() || who.staff_number.size() > 32) {
        return Error{"staff_number.length",
                     "staff_number",
                     PD_N("the staff number needs 1 to 32 characters"),
                     {}};
    }
    for (const unsigned char c : who.staff_number) {
        if (!std::isalnum(c) && c != '-' && c != '_') {
            return Error{"staff_number.character",
                         "staff_number",
                         PD_N("the staff number may hold only letters, digits, - and _"),
                         {}};
        }
    }
    if (!utf8::decode(who.name) || who.name.empty() || utf8::length(who.name) > 50) {
        return Error{"staff_name.length",
                     "name",
                     PD_N("give the staff member's name (up to 50 characters)"),
                     {}};
    }
    if (!is_staff_role(who.role)) {
        return Error{"staff_role.invalid", "role", PD_N("choose the staff member's role"), {}};
    }
    if (who.role == Role::UnitClerk && who.unit.empty()) {
        return Error{"staff_unit.missing",
                     "unit",
                     PD_N("a unit HR clerk needs the employer unit they work for"),
                     {}};
    }
    if (who.role == Role::CounterClerk) {
        const bool digits =
            !who.region.empty() && who.region.size() <= 6 &&
            std::ranges::all_of(who.region, [](unsigned char c) { return std::isdigit(c) != 0; });
        if (!digits) {
            return Error{"staff_region.invalid",
                         "region",
                         PD_N("a counter clerk needs their region's division code (2 to 6 "
                              "digits, e.g. 6101)"),
                         {}};
        }
    }
    return std::nullopt;
}

void AuthService::burn_time(std::string_view password) const {
    // Unknown, disabled and locked accounts cost one hash like a real check, so timing does not
    // tell them apart.
    if (dummy_hash_.empty()) dummy_hash_ = hasher_.hash("pensiondesk-dummy-password");
    (void)hasher_.verify(password, dummy_hash_);
}

void AuthService::save(StaffAccount& a) {
    a.revision += 1;
    staff_.update(a);
}

Expected<StaffAccount> AuthService::create_first_administrator(const NewStaff& who,
                                                               std::string_view password,
                                                               std::string_view workstation) {
    const Actor actor = typed(who.staff_number, workstation);
    if (!needs_first_administrator()) {
        audit_.append(make_audit(actor, clock_.now(), AuditAction::FirstAdministrator, "staff",
                                 who.staff_number, "denied", "accounts already exist"));
        return Error{"first_admin.exists",
                     "",
                     PD_N("this workspace already has accounts: sign in instead"),
                     {}};
    }
    NewStaff admin = who;
    admin.role = Role::Administrator;
    admin.unit.clear();
    admin.region.clear();
    if (auto e = check_new_staff(admin)) return *e;
    if (auto e = check_password(password, admin.staff_number)) return *e;
    StaffAccount a;
    a.id = ids_.next(clock_.now());
    a.staff_number = admin.staff_number;
    a.name = admin.name;
    a.role = Role::Administrator;
    a.password_hash = hasher_.hash(password);
    a.created_at = clock_.now();
    staff_.add(a);
    audit_.append(make_audit(a.actor(std::string(workstation)), clock_.now(),
                             AuditAction::FirstAdministrator, "staff", a.id.str(), "ok",
                             "first administrator of a new workspace",
                             {{"staff_number", "", a.staff_number}, {"name", "", a.name}}));
    return a;
}

Session AuthService::open_session(const StaffAccount& a, std::string_view workstation) {
    Session s;
    s.id = ids_.next(clock_.now());
    s.account = a;
    s.account.password_hash.clear();
    s.actor = a.actor(std::string(workstation));
    s.started = clock_.now();
    s.must_change_password = a.must_change_password;
    // Until the temporary password is replaced the session may do nothing else.
    if (s.must_change_password) s.actor.role = Role::None;
    return s;
}

SignInFailure AuthService::phantom_failure(std::string_view staff_number,
                                           std::string_view workstation, std::string detail) {
    const auto now = clock_.now();
    if (phantoms_.size() >= kMaxPhantoms) phantoms_.clear();
    auto& p = phantoms_[std::string(staff_number.substr(0, 32))];
    const Actor actor = typed(staff_number, workstation);
    if (p.failures >= kMaxAttempts && now < p.locked_until) {
        audit_.append(make_audit(actor, now, AuditAction::SignInFailed, "staff", actor.staff_name,
                                 "denied", detail + "; refused as locked"));
        return SignInFailure{sign_in_refused(), 0};
    }
    if (p.failures >= kMaxAttempts) p.failures = 0;
    p.failures += 1;
    if (p.failures >= kMaxAttempts) p.locked_until = now + kLockout;
    audit_.append(make_audit(actor, now, AuditAction::SignInFailed, "staff", actor.staff_name,
                             "failed",
                             detail + ", attempt " + std::to_string(p.failures) + " of " +
                                 std::to_string(kMaxAttempts)));
    if (p.failures >= kMaxAttempts) return SignInFailure{sign_in_refused(), 0};
    return SignInFailure{wrong_password(kMaxAttempts - p.failures), kMaxAttempts - p.failures};
}

SignInFailure AuthService::record_failure(StaffAccount a, std::string_view workstation) {
    const auto now = clock_.now();
    if (a.locked_until && now >= *a.locked_until) {
        // The lock expired: a fresh set of attempts.
        a.locked_until.reset();
        a.failed_attempts = 0;
    }
    a.failed_attempts += 1;
    const bool locks = a.failed_attempts >= kMaxAttempts;
    if (locks) a.locked_until = now + kLockout;
    try {
        save(a);
    } catch (const StaleRevision&) {
        // Another workstation counted a failure at the same moment: count on its record.
        if (auto fresh = staff_.by_id(a.id)) return record_failure(*fresh, workstation);
    }
    const Actor actor = a.actor(std::string(workstation));
    std::string detail = "wrong password, attempt " + std::to_string(a.failed_attempts) + " of " +
                         std::to_string(kMaxAttempts);
    if (locks) detail += "; account locked until " + to_utc_iso(*a.locked_until);
    audit_.append(
        make_audit(actor, now, AuditAction::SignInFailed, "staff", a.id.str(), "failed", detail));
    if (locks) return SignInFailure{sign_in_refused(), 0};
    return SignInFailure{wrong_password(kMaxAttempts - a.failed_attempts),
                         kMaxAttempts - a.failed_attempts};
}

Expected<Session, SignInFailure> AuthService::sign_in(std::string_view staff_number,
                                                      std::string_view password,
                                                      std::string_view workstation) {
    const auto now = clock_.now();
    // Made before the lookup, so the first unknown staff number costs no more than later ones.
    if (dummy_hash_.empty()) dummy_hash_ = hasher_.hash("pensiondesk-dummy-password");
    auto found = staff_.by_staff_number(staff_number);
    if (!found) {
        burn_time(password);
        return phantom_failure(staff_number, workstation, "unknown staff number");
    }
    StaffAccount a = *found;
    if (a.status == StaffStatus::Disabled) {
        burn_time(password);
        return phantom_failure(staff_number, workstation, "account disabled (" + a.id.str() + ")");
    }
    if (a.locked_at(now)) {
        burn_time(password);
        audit_.append(make_audit(a.actor(std::string(workstation)), now, AuditAction::SignInFailed,
                                 "staff", a.id.str(), "denied",
                                 "account locked until " + to_utc_iso(*a.locked_until)));
        return SignInFailure{sign_in_refused(), 0};
    }
    if (!hasher_.verify(password, a.password_hash)) return record_failure(a, workstation);

    const bool had_failures = a.failed_attempts != 0 || a.locked_until.has_value();
    const bool rehash = hasher_.needs_rehash(a.password_hash);
    if (had_failures || rehash) {
        a.failed_attempts = 0;
        a.locked_until.reset();
        // Costs were raised since this hash was made: upgrade it while we hold the password.
        if (rehash) a.password_hash = hasher_.hash(password);
        save(a);
    }
    Session s = open_session(a, workstation);
    audit_.append(make_audit(s.actor, now, AuditAction::SignIn, "session", s.id.str(), "ok",
                             std::string(a.must_change_password ? "must change password; " : "") +
                                 (rehash ? "password hash upgraded" : "")));
    return s;
}

void AuthService::sign_out(const Session& s) {
    audit_.append(
        make_audit(s.actor, clock_.now(), AuditAction::SignOut, "session", s.id.str(), "ok"));
}

void AuthService::screen_locked(const Session& s) {
    audit_.append(make_audit(s.actor, clock_.now(), AuditAction::ScreenLocked, "session",
                             s.id.str(), "ok", "idle lock"));
}

Expected<ScreenUnlock, SignInFailure> AuthService::unlock_screen(const Session& current,
                                                                 std::string_view staff_number,
                                                                 std::string_view password,
                                                                 std::string_view workstation) {
    auto signed_in = sign_in(staff_number, password, workstation);
    if (!signed_in) return signed_in.error();
    Session next = std::move(signed_in).value();
    if (next.account.id == current.account.id) {
        // Same person: keep the original session, with the role as stored now.
        Session resumed = current;
        resumed.actor = next.actor;
        resumed.account = next.account;
        resumed.must_change_password = next.must_change_password;
        audit_.append(make_audit(resumed.actor, clock_.now(), AuditAction::ScreenUnlocked,
                                 "session", current.id.str(), "ok"));
        return ScreenUnlock{std::move(resumed), false};
    }
    audit_.append(make_audit(current.actor, clock_.now(), AuditAction::SessionEnded, "session",
                             current.id.str(), "ok",
                             "ended at the lock screen: " + next.actor.staff_name + " signed in"));
    return ScreenUnlock{std::move(next), true};
}

Expected<Session> AuthService::change_password(const Session& s, std::string_view old_password,
                                               std::string_view new_password) {
    auto found = staff_.by_id(s.account.id);
    if (!found || found->status != StaffStatus::Active) return sign_in_refused();
    StaffAccount a = *found;
    if (!hasher_.verify(old_password, a.password_hash)) {
        audit_.append(make_audit(s.actor, clock_.now(), AuditAction::PasswordChanged, "staff",
                                 a.id.str(), "failed", "current password wrong"));
        return Error{"password.current_wrong",
                     "old_password",
                     PD_N("the current password is not right"),
                     {}};
    }
    if (auto e = check_password(new_password, a.staff_number)) return *e;
    if (hasher_.verify(new_password, a.password_hash)) {
        return Error{"password.same",
                     "password",
                     PD_N("choose a password different from the current one"),
                     {}};
    }
    a.password_hash = hasher_.hash(new_password);
    a.must_change_password = false;
    save(a);
    audit_.append(
        make_audit(s.actor, clock_.now(), AuditAction::PasswordChanged, "staff", a.id.str(), "ok"));
    Session next = s;
    next.account = a;
    next.account.password_hash.clear();
    next.actor = a.actor(s.actor.workstation);
    next.must_change_password = false;
    return next;
}

void AuthService::denied(const Actor& actor, Permission p, const std::string& subject) {
    audit_.append(make_audit(actor, clock_.now(), AuditAction::PermissionDenied, "staff", subject,
                             "denied", std::string(to_string(p))));
}

Expected<std::vector<StaffAccount>> AuthService::list_accounts(const Actor& actor) const {
    if (!allows(actor, Permission::AccountManage) && !allows(actor, Permission::AccountUnlock)) {
        return permission_denied(actor, Permission::AccountManage);
    }
    auto all = staff_.all();
    for (auto& a : all) a.password_hash.clear();
    return all;
}

Expected<StaffAccount> AuthService::load_for_admin(const Actor& actor, const Uuid& id,
                                                   Permission p) const {
    if (!allows(actor, p)) return permission_denied(actor, p);
    auto found = staff_.by_id(id);
    if (!found) return Error{"staff.not_found", "", PD_N("the account no longer exists"), {}};
    if (!can_touch(actor, *found)) return permission_denied(actor, p);
    if (found->id.str() == actor.staff_id) {
        return Error{"staff.self",
                     "",
                     PD_N("you cannot change your own account here; ask another administrator"),
                     {}};
    }
    return *found;
}

Expected<StaffAccount> AuthService::create_account(const Actor& actor, const NewStaff& who,
                                                   std::string_view temporary_password) {
    if (!allows(actor, Permission::AccountManage)) {
        denied(actor, Permission::AccountManage, who.staff_number);
        return permission_denied(actor, Permission::AccountManage);
    }
    if (auto e = check_new_staff(who)) return *e;
    if (auto e = check_password(temporary_password, who.staff_number)) return *e;
    StaffAccount a;
    a.id = ids_.next(clock_.now());
    a.staff_number = who.staff_number;
    a.name = who.name;
    a.role = who.role;
    a.unit = who.role == Role::UnitClerk ? who.unit : std::string{};
    a.region = who.role == Role::CounterClerk ? who.region : std::string{};
    a.password_hash = hasher_.hash(temporary_password);
    a.must_change_password = true;
    a.created_at = clock_.now();
    try {
        staff_.add(a);
    } catch (const DuplicateKey&) {
        return Error{"staff_number.duplicate",
                     "staff_number",
                     PD_N("another account already has this staff number"),
                     {}};
    }
    audit_.append(make_audit(actor, clock_.now(), AuditAction::AccountCreated, "staff", a.id.str(),
                             "ok", {},
                             {{"staff_number", "", a.staff_number},
                              {"name", "", a.name},
                              {"role", "", std::string(to_string(a.role))},
                              {"unit", "", a.unit},
                              {"region", "", a.region}}));
    a.password_hash.clear();
    return a;
}

Expected<StaffAccount> AuthService::unlock_account(const Actor& actor, const Uuid& id) {
    auto loaded = load_for_admin(actor, id, Permission::AccountUnlock);
    if (!loaded) {
        denied(actor, Permission::AccountUnlock, id.str());
        return loaded;
    }
    StaffAccount a = *loaded;
    a.failed_attempts = 0;
    a.locked_until.reset();
    save(a);
    audit_.append(
        make_audit(actor, clock_.now(), AuditAction::AccountUnlocked, "staff", a.id.str(), "ok"));
    a.password_hash.clear();
    return a;
}

Expected<StaffAccount> AuthService::reset_password(const Actor& actor, const Uuid& id,
                                                   std::string_view temporary_password) {
    auto loaded = load_for_admin(actor, id, Permission::AccountUnlock);
    if (!loaded) {
        denied(actor, Permission::AccountUnlock, id.str());
        return loaded;
    }
    StaffAccount a = *loaded;
    if (auto e = check_password(temporary_password, a.staff_number)) return *e;
    a.password_hash = hasher_.hash(temporary_password);
    a.must_change_password = true;
    a.failed_attempts = 0;
    a.locked_until.reset();
    save(a);
    audit_.append(make_audit(actor, clock_.now(), AuditAction::PasswordReset, "staff", a.id.str(),
                             "ok", "temporary password; must change at next sign-in"));
    a.password_hash.clear();
    return a;
}

Expected<StaffAccount> AuthService::set_enabled(const Actor& actor, const Uuid& id, bool enabled,
                                                std::string_view reason) {
    auto loaded = load_for_admin(actor, id, Permission::AccountManage);
    if (!loaded) {
        denied(actor, Permission::AccountManage, id.str());
        return loaded;
    }
    StaffAccount a = *loaded;
    const auto wanted = enabled ? StaffStatus::Active : StaffStatus::Disabled;
    if (a.status == wanted) {
        return Error{"staff.status_unchanged", "", PD_N("the account already has this status"), {}};
    }
    const auto before = a.status;
    a.status = wanted;
    save(a);
    audit_.append(make_audit(
        actor, clock_.now(), enabled ? AuditAction::AccountEnabled : AuditAction::AccountDisabled,
        "staff", a.id.str(), "ok", std::string(reason),
        {{"status", std::string(to_string(before)), std::string(to_string(a.status))}}));
    a.password_hash.clear();
    return a;
}

Expected<StaffAccount> AuthService::change_role(const Actor& actor, const Uuid& id, Role role,
                                                std::string_view unit, std::string_view region) {
    auto loaded = load_for_admin(actor, id, Permission::AccountManage);
    if (!loaded) {
        denied(actor, Permission::AccountManage, id.str());
        return loaded;
    }
    StaffAccount a = *loaded;
    NewStaff check{a.staff_number, a.name, role, std::string(unit), std::string(region)};
    if (auto e = check_new_staff(check)) return *e;
    const StaffAccount before = a;
    a.role = role;
    a.unit = role == Role::UnitClerk ? std::string(unit) : std::string{};
    a.region = role == Role::CounterClerk ? std::string(region) : std::string{};
    save(a);
    std::vector<FieldChange> changes;
    if (before.role != a.role) {
        changes.push_back(
            {"role", std::string(to_string(before.role)), std::string(to_string(a.role))});
    }
    if (before.unit != a.unit) changes.push_back({"unit", before.unit, a.unit});
    if (before.region != a.region) changes.push_back({"region", before.region, a.region});
    audit_.append(make_audit(actor, clock_.now(), AuditAction::RoleChanged, "staff", a.id.str(),
                             "ok", {}, std::move(changes)));
    a.password_hash.clear();
    return a;
}

}  // namespace pd
