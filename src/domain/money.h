#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/expected.h"

namespace pd {

// An amount of money in integer fen (1/100 yuan). Money is never floating point.
struct Fen {
    std::int64_t value = 0;

    // "1234.5", "1,234.56", "-3" (yuan) -> fen; more than two decimals or junk is refused.
    static Expected<Fen> parse_yuan(std::string_view text);
    [[nodiscard]] std::string to_yuan_string() const;  // "1234.50"

    friend auto operator<=>(const Fen&, const Fen&) = default;
    friend Fen operator+(Fen a, Fen b) { return Fen{a.value + b.value}; }
    friend Fen operator-(Fen a, Fen b) { return Fen{a.value - b.value}; }
};

}  // namespace pd
