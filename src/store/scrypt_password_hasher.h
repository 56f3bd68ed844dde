#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/password_hasher.h"

namespace pd::store {

// scrypt cost parameters. The defaults cost about 32 MiB and ~0.1 s per hash on the target
// machines: affordable at sign-in, expensive for someone guessing offline.
struct ScryptParams {
    std::uint64_t n = std::uint64_t{1} << 15;  // CPU/memory cost, a power of two
    std::uint32_t r = 8;                       // block size
    std::uint32_t p = 1;                       // parallelism
    friend bool operator==(const ScryptParams&, const ScryptParams&) = default;
};

// A parsed "$scrypt$n=32768,r=8,p=1$<salt hex>$<key hex>" encoding.
struct ScryptHash {
    ScryptParams params;
    std::string salt;  // raw bytes
    std::string key;   // raw bytes
};
[[nodiscard]] std::optional<ScryptHash> parse_scrypt_hash(std::string_view encoded);

// Password hashing with OpenSSL's scrypt KDF and a fresh 16-byte random salt per hash. The
// parameters travel in the encoding, so stored hashes keep verifying after the defaults are
// raised, and needs_rehash() tells the sign-in to upgrade them.
class ScryptPasswordHasher final : public PasswordHasher {
  public:
    explicit ScryptPasswordHasher(ScryptParams params = {});

    [[nodiscard]] std::string hash(std::string_view password) const override;
    [[nodiscard]] bool verify(std::string_view password, std::string_view encoded) const override;
    [[nodiscard]] bool needs_rehash(std::string_view encoded) const override;

    [[nodiscard]] const ScryptParams& params() const noexcept { return params_; }

  private:
    ScryptParams params_;
};

}  // namespace pd::store
