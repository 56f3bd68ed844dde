#pragma once

#include <wx/panel.h>

namespace pd::ui {

// An area that is not built yet: says so plainly and explains what it will do. Never a mock-up
// that looks like it works.
class LaterReleasePanel final : public wxPanel {
  public:
    LaterReleasePanel(wxWindow* parent, const wxString& title, const wxString& explanation);
};

}  // namespace pd::ui
