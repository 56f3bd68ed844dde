#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pd::utf8 {

// Decodes UTF-8 strictly (no overlongs, no surrogates, nothing above U+10FFFF).
// Returns nullopt on the first malformed sequence; `bad_offset` (if given) receives its offset.
[[nodiscard]] std::optional<std::u32string> decode(std::string_view text,
                                                   std::size_t* bad_offset = nullptr);
[[nodiscard]] std::string encode(std::u32string_view text);
[[nodiscard]] std::string encode(char32_t cp);

// Number of code points; the text must be valid UTF-8.
[[nodiscard]] std::size_t length(std::string_view text);

}  // namespace pd::utf8
