#pragma once

#include <wx/frame.h>

#include <string>
#include <vector>

#include "ui/area.h"

class wxListBox;
class wxSimplebook;

namespace pd::ui {

struct Session;

// The main window: the areas in a list on the left (Ctrl+1..Ctrl+9 or the View menu), the
// chosen area's panel on the right, the workspace and its record count in the status bar.
class MainFrame final : public wxFrame {
  public:
    MainFrame(Session& session, std::vector<Area> areas);

    // Shows an area by id ("registry", ...), making its panel on first use. Returns the panel.
    wxWindow* show_area(const std::string& id);
    [[nodiscard]] const std::vector<Area>& areas() const { return areas_; }

  private:
    wxWindow* show_index(std::size_t index);
    [[nodiscard]] wxString title_text() const;

    Session& session_;
    std::vector<Area> areas_;
    std::vector<wxWindow*> panels_;  // made lazily; owned by the book
    wxListBox* nav_ = nullptr;
    wxSimplebook* book_ = nullptr;
};

}  // namespace pd::ui
