#pragma once

#include <wx/bitmap.h>

#include <cstdint>
#include <vector>

namespace pd::ui {

// A JPEG (a captured or sealed face image) as a bitmap no larger than `box` pixels on its long
// side; OpenCV decodes, so no wx image handler needs registering. An invalid bitmap (IsOk()
// false) when undecodable: never built from an empty image, which wx asserts on.
[[nodiscard]] wxBitmap jpeg_bitmap(const std::vector<std::uint8_t>& jpeg, int box);

}  // namespace pd::ui
