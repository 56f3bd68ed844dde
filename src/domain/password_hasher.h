#pragma once

#include <string>
#include <string_view>

namespace pd {

// Password hashing as the domain needs it; the store implements it with OpenSSL scrypt. The
// encoded hash is self-describing (algorithm, cost parameters, salt) so costs can be raised
// later without invalidating stored hashes.
class PasswordHasher {
  public:
    virtual ~PasswordHasher() = default;
    // A fresh random salt every call.
    [[nodiscard]] virtual std::string hash(std::string_view password) const = 0;
    // Constant-time comparison; false for a malformed encoding.
    [[nodiscard]] virtual bool verify(std::string_view password,
                                      std::string_view encoded) const = 0;
    // True when `encoded` was made with weaker parameters than the current ones: the service
    // rehashes at the next successful sign-in.
    [[nodiscard]] virtual bool needs_rehash(std::string_view encoded) const = 0;
};

}  // namespace pd
