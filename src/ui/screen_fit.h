#pragma once

#include <wx/gdicmn.h>

class wxTopLevelWindow;

namespace pd::ui {

// Sizes `window` to `wanted` (pixels) but never beyond the work area (the taskbar excluded) of
// the screen it is on, and centres it there. Counter PCs and home-visit laptops often have
// 1366x768 or smaller screens; a window taller than that hides its own buttons.
void fit_to_screen(wxTopLevelWindow* window, wxSize wanted);

}  // namespace pd::ui
