#pragma once

#include <wx/string.h>

class wxStaticText;

namespace pd::ui {

// Sets `label` on `text`, broken into lines no wider than `width` pixels. wxStaticText::Wrap
// breaks only at spaces, and Chinese has none: this breaks between any two characters, and
// at a space where there is one on the line, never putting closing punctuation (，。） at the
// start of a line or opening punctuation (（“) at its end.
void set_wrapped(wxStaticText* text, const wxString& label, int width);

}  // namespace pd::ui
