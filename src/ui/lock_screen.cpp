#include "ui/lock_screen.h"

#include <wx/window.h>

#include "ui/login_dialog.h"

namespace pd::ui {

LockScreen::LockScreen(wxWindow* frame, AuthService& auth, const Clock& clock,
                       std::string workstation, Session session, std::chrono::seconds timeout,
                       Hooks hooks)
    : frame_(frame),
      auth_(auth),
      workstation_(std::move(workstation)),
      session_(std::move(session)),
      idle_(clock, timeout),
      hooks_(std::move(hooks)),
      timer_(this) {
    wxEvtHandler::AddFilter(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { on_tick(); });
    timer_.Start(1000);
}

LockScreen::~LockScreen() {
    timer_.Stop();
    wxEvtHandler::RemoveFilter(this);
}

int LockScreen::FilterEvent(wxEvent& event) {
    const wxEventType t = event.GetEventType();
    if (t == wxEVT_KEY_DOWN || t == wxEVT_MOTION || t == wxEVT_LEFT_DOWN || t == wxEVT_RIGHT_DOWN ||
        t == wxEVT_MOUSEWHEEL) {
        idle_.activity();
    }
    return Event_Skip;
}

void LockScreen::on_tick() {
    if (idle_.should_lock()) lock_now();
}

void LockScreen::lock_now() {
    if (idle_.locked()) return;
    idle_.lock();
    timer_.Stop();
    auth_.screen_locked(session_);
    // Hidden, not covered: nothing of the window can be read or reached while locked.
    frame_->Hide();
    LoginDialog dlg(nullptr, auth_, workstation_, &session_);
    const bool ok = dlg.ShowModal() == wxID_OK && dlg.session();
    if (!ok) {
        auth_.sign_out(session_);
        if (hooks_.on_quit) hooks_.on_quit();
        return;
    }
    session_ = *dlg.session();
    const bool switched = dlg.switched_user();
    if (session_.must_change_password) {
        // A user coming back from a reset: their own password first, or no session.
        auto changed = ask_new_password(nullptr, auth_, session_);
        if (!changed) {
            auth_.sign_out(session_);
            if (hooks_.on_quit) hooks_.on_quit();
            return;
        }
        session_ = *changed;
    }
    idle_.unlock();
    timer_.Start(1000);
    if (switched && hooks_.on_switch) {
        hooks_.on_switch(session_);
    } else {
        frame_->Show();
        frame_->Raise();
    }
}

}  // namespace pd::ui
