#pragma once

#include <wx/string.h>

class wxWindow;

namespace pd::ui {

// What an area shows in place of its panel when that cannot open (the workspace or its keyring
// unreadable): the sentence, in red, where the panel would be, so the rest of the window works.
[[nodiscard]] wxWindow* make_error_panel(wxWindow* parent, const wxString& text);

}  // namespace pd::ui
