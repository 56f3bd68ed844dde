#pragma once

#include <optional>
#include <string_view>

namespace pd {

enum class Gender { Male, Female };

[[nodiscard]] constexpr std::string_view to_string(Gender g) {
    return g == Gender::Male ? "male" : "female";
}
// Accepts male/female, M/F, 1/2 (the ID card's sex codes) and 男/女.
[[nodiscard]] std::optional<Gender> parse_gender(std::string_view text);

}  // namespace pd
