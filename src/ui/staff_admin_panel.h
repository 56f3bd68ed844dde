#pragma once

#include <wx/panel.h>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

#include "domain/auth_service.h"

class wxListCtrl;

namespace pd::ui {

// What the panel needs from the certification side to show and manage staff members' own faces
// (docs/certification.md, Staff faces). Empty: no face column and no face buttons.
struct StaffFaceHooks {
    std::function<std::optional<std::chrono::system_clock::time_point>(const Uuid&)> enrolled_at;
    std::function<void(wxWindow* parent, const StaffAccount&)> enrol;  // the capture dialog
    std::function<std::optional<Error>(const StaffAccount&, const std::string& reason)> withdraw;
};

// Accounts: create, disable or enable, unlock, reset the password, change the role. For
// administrators (everything) and supervisors (unlock and reset of clerks' accounts); the
// service decides, the panel only reports its answer.
class StaffAdminPanel final : public wxPanel {
  public:
    StaffAdminPanel(wxWindow* parent, AuthService& auth, const Clock& clock, Actor actor,
                    StaffFaceHooks faces = {});

    void reload();
    void select_row(std::size_t row);
    // The selected account's face: captured at the camera with the staff member present, or
    // withdrawn (its sealed copies deleted). Administrators only; the service decides.
    void enrol_face();
    void withdraw_face(const std::string& reason);
    [[nodiscard]] wxListCtrl* list() const { return list_; }

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
    StaffFaceHooks faces_;
    std::vector<StaffAccount> accounts_;
    wxListCtrl* list_ = nullptr;
};

}  // namespace pd::ui
