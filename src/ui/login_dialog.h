#pragma once

#include <wx/dialog.h>

#include <optional>
#include <string>

#include "domain/auth_service.h"
#include "domain/session.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace pd::ui {

// Staff number and password. Used at start and as the idle lock screen: there, `locked` is the
// session being resumed, and a different user signing in ends it (AuthService::unlock_screen).
// Failures show the service's message (remaining attempts, or the uniform refusal).
class LoginDialog final : public wxDialog {
  public:
    // `hint` (may be empty) is shown above the fields: the demo workspace names its accounts.
    LoginDialog(wxWindow* parent, AuthService& auth, std::string workstation,
                const Session* locked = nullptr, const wxString& hint = {});

    // After wxID_OK: who signed in, and whether it replaced the locked session's user.
    [[nodiscard]] const std::optional<Session>& session() const { return session_; }
    [[nodiscard]] bool switched_user() const { return switched_; }

    // For tests and the lock screen.
    [[nodiscard]] wxString message() const;
    [[nodiscard]] wxTextCtrl* staff_number_field() const { return number_; }
    [[nodiscard]] wxTextCtrl* password_field() const { return password_; }
    [[nodiscard]] wxButton* sign_in_button() const { return sign_in_; }

  private:
    void on_sign_in();
    void finish();

    AuthService& auth_;
    std::string workstation_;
    const Session* locked_;
    std::optional<Session> session_;
    bool switched_ = false;
    wxTextCtrl* number_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxButton* sign_in_ = nullptr;
};

// A new password after an administrator's reset (or by choice). Returns the updated session,
// or nullopt when cancelled.
[[nodiscard]] std::optional<Session> ask_new_password(wxWindow* parent, AuthService& auth,
                                                      const Session& session);

// The first administrator of a new workspace. Returns false when cancelled.
bool ask_first_administrator(wxWindow* parent, AuthService& auth, const std::string& workstation);

// Everything the application does before its main window: the first administrator of a new
// non-demo workspace, the sign-in, the forced password change. nullopt: the user gave up.
[[nodiscard]] std::optional<Session> sign_in_at_start(AuthService& auth,
                                                      const std::string& workstation,
                                                      const wxString& hint = {});

// The sign-in hint of a demo workspace: its accounts and their published password.
[[nodiscard]] wxString demo_accounts_hint(const char* password);

}  // namespace pd::ui
