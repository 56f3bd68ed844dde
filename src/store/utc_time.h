#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace pd::store {

// Reads back what pd::to_utc_iso wrote: "2026-12-03T12:38:20.123Z" (milliseconds optional).
[[nodiscard]] std::optional<std::chrono::system_clock::time_point> parse_utc_iso(
    std::string_view text);

// The same for a value the store itself wrote, where anything else means a damaged file:
// throws StoreError naming `what` was being read ("a certification", "a staff face").
[[nodiscard]] std::chrono::system_clock::time_point stored_utc(std::string_view text,
                                                               std::string_view what);

}  // namespace pd::store
