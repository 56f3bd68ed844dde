#pragma once

#include <wx/colour.h>
#include <wx/font.h>

class wxWindow;

namespace pd::ui::theme {

// Counter staff and the retirees across the desk are often old: text is large and dark on light.
inline constexpr int base_point_size = 15;

[[nodiscard]] wxFont base_font();
[[nodiscard]] wxFont heading_font();
[[nodiscard]] wxFont small_font();
[[nodiscard]] inline wxColour error_colour() {
    return {176, 0, 32};
}  // dark red, 7:1 on white
[[nodiscard]] inline wxColour muted_colour() {
    return {60, 60, 60};
}  // secondary text
[[nodiscard]] inline wxColour accent_colour() {
    return {0, 70, 140};
}  // headings
[[nodiscard]] inline wxColour background() {
    return {255, 255, 255};
}

// Sets the base font on a top-level window; children inherit it.
void apply(wxWindow* top);

}  // namespace pd::ui::theme
