#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/actor.h"
#include "domain/role.h"
#include "domain/uuid.h"

namespace pd {

enum class StaffStatus { Active, Disabled };
[[nodiscard]] std::string_view to_string(StaffStatus s);
[[nodiscard]] std::optional<StaffStatus> parse_staff_status(std::string_view s);

// A person who signs in at the workstation.
struct StaffAccount {
    Uuid id;
    std::string staff_number;  // what they type to sign in: "A0123"
    std::string name;
    Role role = Role::None;
    std::string unit;    // unit HR clerks: their employer unit
    std::string region;  // counter clerks: their region's division code prefix
    StaffStatus status = StaffStatus::Active;
    std::string password_hash;  // the hasher's self-describing encoding (algorithm, params, salt)
    bool must_change_password = false;
    int failed_attempts = 0;  // consecutive wrong passwords since the last success or unlock
    std::optional<std::chrono::system_clock::time_point> locked_until;
    std::chrono::system_clock::time_point created_at{};
    std::int64_t revision = 1;

    [[nodiscard]] bool locked_at(std::chrono::system_clock::time_point now) const {
        return locked_until && now < *locked_until;
    }
    // "王芳 (A0123)"
    [[nodiscard]] std::string display_name() const { return name + " (" + staff_number + ")"; }
    [[nodiscard]] Actor actor(std::string workstation) const {
        return Actor{id.str(), display_name(), std::move(workstation), role, unit, region};
    }
};

// What an administrator types to create an account.
struct NewStaff {
    std::string staff_number;
    std::string name;
    Role role = Role::None;
    std::string unit;
    std::string region;
};

// Staff accounts as the domain needs them. The store implements it over the workspace database.
class StaffRepository {
  public:
    virtual ~StaffRepository() = default;
    [[nodiscard]] virtual std::int64_t count() const = 0;
    [[nodiscard]] virtual std::optional<StaffAccount> by_id(const Uuid& id) const = 0;
    [[nodiscard]] virtual std::optional<StaffAccount> by_staff_number(
        std::string_view number) const = 0;
    [[nodiscard]] virtual std::vector<StaffAccount> all() const = 0;
    // Throws DuplicateKey (retiree_repository.h) when the staff number is taken.
    virtual void add(const StaffAccount& a) = 0;
    // Replaces the account whose revision is `after.revision - 1`; throws StaleRevision else.
    virtual void update(const StaffAccount& after) = 0;
};

}  // namespace pd
