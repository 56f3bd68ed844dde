#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace pd::store {

// Reads back what pd::to_utc_iso wrote: "2026-12-03T12:38:20.123Z" (milliseconds optional).
[[nodiscard]] std::optional<std::chrono::system_clock::time_point> parse_utc_iso(
    std::string_view text);

}  // namespace pd::store
