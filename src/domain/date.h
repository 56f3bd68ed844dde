#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace pd {

using Date = std::chrono::year_month_day;

// "19491231" -> 1949-12-31; nullopt when not 8 digits or not a real calendar date.
[[nodiscard]] std::optional<Date> parse_compact_date(std::string_view digits);
// "1949-12-31" (also accepts "1949/12/31" and the compact form).
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);
[[nodiscard]] std::string to_iso(Date d);      // 1949-12-31
[[nodiscard]] std::string to_compact(Date d);  // 19491231
// Completed years of age on `on`.
[[nodiscard]] int age_on(Date birth, Date on);

}  // namespace pd
