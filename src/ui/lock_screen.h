#pragma once

#include <wx/event.h>
#include <wx/eventfilter.h>
#include <wx/timer.h>

#include <chrono>
#include <functional>
#include <string>

#include "domain/auth_service.h"
#include "domain/idle_lock.h"
#include "domain/session.h"

class wxWindow;

namespace pd::ui {

// The idle lock of the main window. Watches all keyboard and mouse input of the application;
// after `timeout` without any, hides the window (no retiree data stays on screen) and shows
// the sign-in in lock mode. The same user resumes; a different user ends the first session
// and `on_switch` rebuilds the window for them. Quitting at the lock screen signs out.
class LockScreen final : public wxEvtHandler, public wxEventFilter {
  public:
    struct Hooks {
        std::function<void(const Session&)> on_switch;  // another user signed in
        std::function<void()> on_quit;                  // quit from the lock screen
    };

    LockScreen(wxWindow* frame, AuthService& auth, const Clock& clock, std::string workstation,
               Session session, std::chrono::seconds timeout, Hooks hooks);
    ~LockScreen() override;
    LockScreen(const LockScreen&) = delete;
    LockScreen& operator=(const LockScreen&) = delete;

    // Locks at once (a "Lock" menu item, or Ctrl+L).
    void lock_now();
    void set_timeout(std::chrono::seconds timeout) { idle_.set_timeout(timeout); }
    [[nodiscard]] const Session& session() const { return session_; }
    [[nodiscard]] bool locked() const { return idle_.locked(); }

    int FilterEvent(wxEvent& event) override;

  private:
    void on_tick();

    wxWindow* frame_;
    AuthService& auth_;
    std::string workstation_;
    Session session_;
    IdleLock idle_;
    Hooks hooks_;
    wxTimer timer_;
};

}  // namespace pd::ui
