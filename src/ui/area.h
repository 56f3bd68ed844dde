#pragma once

#include <wx/string.h>

#include <functional>
#include <string>
#include <vector>

class wxWindow;

namespace pd::ui {

struct Session;

// One area of the main window (a line in the navigation list and the panel it shows).
// To add an area: write a panel (one file), then add an Area to default_areas() in areas.cpp,
// or pass your own list to MainFrame. Panels are made the first time the area is opened.
struct Area {
    std::string id;  // stable: "registry", "certification", ... (settings and tests use it)
    wxString label;  // translated, shown in the navigation list and the View menu
    std::function<wxWindow*(wxWindow* parent, Session& session)> make_panel;
};

// The areas of this release, in navigation order.
[[nodiscard]] std::vector<Area> default_areas();

}  // namespace pd::ui
