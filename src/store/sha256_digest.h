#pragma once

#include <string>
#include <string_view>

#include "domain/audit.h"

namespace pd::store {

// SHA-256 through OpenSSL's EVP, as lowercase hex.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

class Sha256Digest final : public Digest {
  public:
    [[nodiscard]] std::string sha256_hex(std::string_view bytes) const override {
        return store::sha256_hex(bytes);
    }
};

}  // namespace pd::store
