#include "ui/theme.h"

#include <wx/settings.h>
#include <wx/window.h>

namespace pd::ui::theme {

namespace {
wxFont font_of_size(int points, wxFontWeight weight = wxFONTWEIGHT_NORMAL) {
    // Noto Sans CJK covers both scripts, so Latin and Chinese share one look at the same size.
    wxFont f(wxFontInfo(points).Family(wxFONTFAMILY_SWISS).FaceName("Noto Sans CJK SC"));
    if (!f.IsOk()) f = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    f.SetPointSize(points);
    f.SetWeight(weight);
    return f;
}
}  // namespace

wxFont base_font() {
    return font_of_size(base_point_size);
}
wxFont heading_font() {
    return font_of_size(base_point_size + 5, wxFONTWEIGHT_BOLD);
}
wxFont small_font() {
    return font_of_size(base_point_size - 2);
}

void apply(wxWindow* top) {
    top->SetFont(base_font());
    top->SetBackgroundColour(background());
}

}  // namespace pd::ui::theme
