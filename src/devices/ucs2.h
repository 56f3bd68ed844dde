#pragma once

#include <string>
#include <string_view>

#include "devices/frame.h"

namespace pd::devices::ucs2 {

// UCS-2 little-endian (as the card stores text) to UTF-8. Surrogate pairs are joined; a lone
// surrogate or an odd trailing byte becomes U+FFFD, so any bytes give valid UTF-8.
[[nodiscard]] std::string to_utf8(ByteView bytes);
// to_utf8 after removing trailing padding (U+0020 and U+0000) only: inner spaces are kept.
[[nodiscard]] std::string field(ByteView bytes);
// UTF-8 to UCS-2LE, padded with U+0020 (or cut) to exactly `size` bytes. Characters outside the
// BMP become surrogate pairs; invalid UTF-8 becomes '?'.
[[nodiscard]] Bytes from_utf8(std::string_view text, std::size_t size);

}  // namespace pd::devices::ucs2
