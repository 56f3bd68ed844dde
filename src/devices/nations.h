#pragma once

#include <string_view>

namespace pd::devices {

// The ethnic group (民族) name for the card's two-digit nation code, or empty when unknown.
[[nodiscard]] std::string_view nation_name(std::string_view code2);

}  // namespace pd::devices
