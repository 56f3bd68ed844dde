#pragma once

class wxWindow;

namespace pd::ui {

struct Session;

// The staff accounts area: the accounts panel with its face column and buttons wired to the
// certification services (its own connection, kept as long as the panel). When those cannot
// open, the accounts are still managed, without faces.
[[nodiscard]] wxWindow* make_staff_area(wxWindow* parent, Session& session);

}  // namespace pd::ui
