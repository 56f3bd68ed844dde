#pragma once

#include <wx/string.h>

class wxWindow;

namespace pd::ui {

// Saves what `window` shows on screen (with its children and any dialog above it) as a PNG.
// Reads the X screen, so it captures exactly what a user would see. Returns false on failure.
bool save_screenshot(wxWindow* window, const wxString& png_file);

}  // namespace pd::ui
