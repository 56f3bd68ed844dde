#pragma once

#include <optional>
#include <string_view>

namespace pd {

// The nation (民族) code table of GB 3304 as the ID card carries it ("01" 汉 ... "98").
[[nodiscard]] std::optional<std::string_view> ethnicity_name(std::string_view code2);
// The code for a name ("汉" or "汉族"), when it is one.
[[nodiscard]] std::optional<std::string_view> ethnicity_code(std::string_view name);

}  // namespace pd
