#pragma once

#include <wx/panel.h>

namespace pd::ui {

struct Session;

// 设置: the interface language now; workstation settings (camera, card reader, sync server)
// come with their features.
class SettingsPanel final : public wxPanel {
  public:
    SettingsPanel(wxWindow* parent, Session& session);
};

}  // namespace pd::ui
