#include "ui/screen_fit.h"

#include <wx/display.h>
#include <wx/toplevel.h>

#include <algorithm>

namespace pd::ui {

void fit_to_screen(wxTopLevelWindow* window, wxSize wanted) {
    const int index = wxDisplay::GetFromWindow(window);
    const wxRect work =
        wxDisplay(index == wxNOT_FOUND ? 0U : static_cast<unsigned>(index)).GetClientArea();
    const wxSize min = window->GetMinSize();
    if (min.x > work.width || min.y > work.height)
        window->SetMinSize(wxSize(std::min(min.x, work.width), std::min(min.y, work.height)));
    window->SetSize(std::min(wanted.x, work.width), std::min(wanted.y, work.height));
    window->CentreOnScreen();
}

}  // namespace pd::ui
