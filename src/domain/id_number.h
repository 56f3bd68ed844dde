#pragma once

#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/expected.h"
#include "domain/gender.h"

namespace pd {

// A citizen ID number per GB 11643-1999: 6-digit division code, birth date, 3-digit sequence
// (odd: male), ISO 7064 MOD 11-2 check character. Always held in its 18-character form.
class IdNumber {
  public:
    // Accepts 18 characters (a lower-case x is normalised to X) or a 15-digit legacy number,
    // which is converted. `today` bounds the birth date. Every rejection names its reason.
    static Expected<IdNumber> parse(std::string_view text, Date today);

    // The check character for the first 17 digits (which must be digits).
    static char check_character(std::string_view first17);

    [[nodiscard]] const std::string& str() const noexcept { return value_; }
    [[nodiscard]] std::string_view division_code() const {
        return std::string_view(value_).substr(0, 6);
    }
    [[nodiscard]] std::string_view province_code() const {
        return std::string_view(value_).substr(0, 2);
    }
    [[nodiscard]] Date birth_date() const;
    [[nodiscard]] Gender gender() const;
    // "6101**********1234"-style masking for lists and logs that need no full number.
    [[nodiscard]] std::string masked() const;

    // Rebuilds a value that passed parse() before (read back from the workspace database).
    static IdNumber from_storage(std::string value) { return IdNumber(std::move(value)); }

    friend bool operator==(const IdNumber&, const IdNumber&) = default;

  private:
    explicit IdNumber(std::string value) : value_(std::move(value)) {}
    std::string value_;
};

// The province (or region) name for a two-digit code, or empty when the code is not one.
[[nodiscard]] std::string_view province_name(std::string_view code2);

}  // namespace pd
