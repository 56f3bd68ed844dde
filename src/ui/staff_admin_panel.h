#pragma once

#include <wx/panel.h>

#include <vector>

#include "domain/auth_service.h"

class wxListCtrl;

namespace pd::ui {

// Accounts: create, disable or enable, unlock, reset the password, change the role. For
// administrators (everything) and supervisors (unlock and reset of clerks' accounts); the
// service decides, the panel only reports its answer.
class StaffAdminPanel final : public wxPanel {
  public:
    StaffAdminPanel(wxWindow* parent, AuthService& auth, const Clock& clock, Actor actor);

    void reload();

  private:
    [[nodiscard]] const StaffAccount* selected() const;
    void create_account();
    void toggle_enabled();
    void unlock();
    void reset_password();
    void change_role();
    // Shows the service's refusal, or reloads after a success.
    template <class T>
    void report(const Expected<T>& result);

    AuthService& auth_;
    const Clock& clock_;
    Actor actor_;
    std::vector<StaffAccount> accounts_;
    wxListCtrl* list_ = nullptr;
};

}  // namespace pd::ui
