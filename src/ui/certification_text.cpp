#include "ui/certification_text.h"

#include <wx/stattext.h>

namespace pd::ui {

void set_wrapped(wxStaticText* text, const wxString& label, int width) {
    wxString out;
    wxString line;
    for (const wxUniChar c : label) {
        if (c == '\n') {
            out << line << '\n';
            line.clear();
            continue;
        }
        line << c;
        if (text->GetTextExtent(line).x <= width) continue;
        // Too wide: break at the last space if the line has one late enough, else before c.
        const int space = line.Find(' ', true);
        if (space > static_cast<int>(line.length()) / 2) {
            out << line.Left(static_cast<std::size_t>(space)) << '\n';
            line = line.Mid(static_cast<std::size_t>(space) + 1);
        } else {
            line.RemoveLast();
            out << line << '\n';
            line = wxString(c);
        }
    }
    out << line;
    text->SetLabel(out);
}

}  // namespace pd::ui
