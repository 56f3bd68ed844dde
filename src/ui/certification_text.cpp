#include "ui/certification_text.h"

#include <wx/stattext.h>

namespace pd::ui {

namespace {
// Chinese line-breaking rules (禁则): closing punctuation never starts a line, opening
// punctuation never ends one. A clerk reading "。" at the start of a line sees a broken sentence.
bool no_line_start(wxUniChar c) {
    static const wxString chars = wxString::FromUTF8("，。、；：？！）」』”’》〉】…,.;:?!)");
    return chars.Find(c) != wxNOT_FOUND;
}
bool no_line_end(wxUniChar c) {
    static const wxString chars = wxString::FromUTF8("（「『“‘《〈【(");
    return chars.Find(c) != wxNOT_FOUND;
}
}  // namespace

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
            wxString carry(c);
            // Take a few characters along rather than break inside a punctuation pair.
            while (line.length() > 1 && carry.length() < 4 &&
                   (no_line_start(carry[0]) || no_line_end(line.Last()))) {
                carry.Prepend(line.Last());
                line.RemoveLast();
            }
            out << line << '\n';
            line = carry;
        }
    }
    out << line;
    text->SetLabel(out);
}

}  // namespace pd::ui
