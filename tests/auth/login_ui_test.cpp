// The sign-in dialog, driven like a person would: types, clicks, fails three times and sees the
// lock message. Runs under Xvfb (see CMakeLists.txt).

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/frame.h>
#include <wx/init.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdio>

#include "domain/auth_service.h"
#include "fakes.h"
#include "ui/audit_viewer_panel.h"
#include "ui/lock_screen.h"
#include "ui/login_dialog.h"
#include "ui/staff_admin_panel.h"
#include "ui/text.h"

namespace {

using namespace std::chrono_literals;

// Lets GTK and the X server deliver what the simulator sent.
void settle(int ms = 150) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < until) {
        wxTheApp->ProcessPendingEvents();
        wxYield();
        wxMilliSleep(10);
    }
}

class LoginUi : public ::testing::Test {
  protected:
    LoginUi() {
        const auto admin = auth.create_first_administrator(
            {"boss", "管理员", pd::Role::Administrator, {}, {}}, "administrator password", "ws-ui");
        EXPECT_TRUE(admin.has_value());
        auto c = auth.create_account(admin->actor("ws-ui"),
                                     {"clerk", "王芳", pd::Role::CounterClerk, {}, "6101"},
                                     "temporarypassword");
        EXPECT_TRUE(c.has_value());
        // Let the clerk have a password of their own (no forced change in these tests).
        staff.rows[1].must_change_password = false;
        staff.rows[1].password_hash = hasher.hash("goodpassword");
    }

    void type_into(wxTextCtrl* field, const char* text) {
        field->SetFocus();
        field->SetValue(wxEmptyString);
        settle();
        sim.Text(text);
        settle();
    }
    void click(wxButton* button) {
        const wxRect r = button->GetScreenRect();
        sim.MouseMove(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() / 2);
        settle(50);
        sim.MouseClick();
        settle();
    }

    pd::ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3} + 9h};
    pd::UuidGenerator ids{11};
    pd::test::MemoryStaff staff;
    pd::test::FakeHasher hasher;
    pd::test::MemoryAudit audit;
    pd::AuthService auth{staff, hasher, audit, clock, ids};
    wxUIActionSimulator sim;
};

TEST_F(LoginUi, SignsIn) {
    pd::ui::LoginDialog dlg(nullptr, auth, "ws-ui");
    dlg.Show();
    settle(300);
    type_into(dlg.staff_number_field(), "clerk");
    type_into(dlg.password_field(), "goodpassword");
    EXPECT_EQ(dlg.staff_number_field()->GetValue(), "clerk");
    click(dlg.sign_in_button());
    ASSERT_TRUE(dlg.session().has_value()) << dlg.message();
    EXPECT_EQ(dlg.session()->actor.role, pd::Role::CounterClerk);
    EXPECT_EQ(dlg.GetReturnCode(), wxID_OK);
    EXPECT_FALSE(dlg.IsShown());
}

TEST_F(LoginUi, ThreeWrongPasswordsShowTheLockMessage) {
    pd::ui::LoginDialog dlg(nullptr, auth, "ws-ui");
    dlg.Show();
    settle(300);
    type_into(dlg.staff_number_field(), "clerk");

    type_into(dlg.password_field(), "wrongpassword");
    click(dlg.sign_in_button());
    EXPECT_FALSE(dlg.session().has_value());
    EXPECT_TRUE(dlg.message().Contains("2 attempt")) << dlg.message();
    EXPECT_TRUE(dlg.password_field()->GetValue().empty());  // never left in the field

    type_into(dlg.password_field(), "wrongagain");
    sim.Char(WXK_RETURN);  // Enter signs in too
    settle();
    EXPECT_TRUE(dlg.message().Contains("1 attempt")) << dlg.message();

    type_into(dlg.password_field(), "stillwrong");
    click(dlg.sign_in_button());
    EXPECT_FALSE(dlg.session().has_value());
    EXPECT_TRUE(dlg.message().Contains("locked for 24 hours")) << dlg.message();
    EXPECT_EQ(dlg.message(), pd::ui::translate(pd::sign_in_refused()));

    // Now even the right password gets the same message.
    type_into(dlg.password_field(), "goodpassword");
    click(dlg.sign_in_button());
    EXPECT_FALSE(dlg.session().has_value());
    EXPECT_EQ(dlg.message(), pd::ui::translate(pd::sign_in_refused()));
    EXPECT_TRUE(dlg.IsShown());

    // 24 hours later the account opens again.
    clock.advance(24h);
    type_into(dlg.password_field(), "goodpassword");
    click(dlg.sign_in_button());
    EXPECT_TRUE(dlg.session().has_value()) << dlg.message();
}

TEST_F(LoginUi, LockScreenModeResumesOrSwitches) {
    auto first = auth.sign_in("clerk", "goodpassword", "ws-ui");
    ASSERT_TRUE(first.has_value());
    {
        pd::ui::LoginDialog dlg(nullptr, auth, "ws-ui", &*first);
        dlg.Show();
        settle(300);
        EXPECT_EQ(dlg.staff_number_field()->GetValue(), "clerk");  // prefilled
        type_into(dlg.password_field(), "goodpassword");
        click(dlg.sign_in_button());
        ASSERT_TRUE(dlg.session().has_value()) << dlg.message();
        EXPECT_FALSE(dlg.switched_user());
    }
    {
        pd::ui::LoginDialog dlg(nullptr, auth, "ws-ui", &*first);
        dlg.Show();
        settle(300);
        type_into(dlg.staff_number_field(), "boss");
        type_into(dlg.password_field(), "administrator password");
        click(dlg.sign_in_button());
        ASSERT_TRUE(dlg.session().has_value()) << dlg.message();
        EXPECT_TRUE(dlg.switched_user());
        EXPECT_EQ(audit.of(pd::AuditAction::SessionEnded).size(), 1u);
    }
}

TEST_F(LoginUi, IdleLockHidesTheWindowAndTheSameUserResumes) {
    auto first = auth.sign_in("clerk", "goodpassword", "ws-ui");
    ASSERT_TRUE(first.has_value());
    auto* frame = new wxFrame(nullptr, wxID_ANY, "registry");
    frame->Show();
    settle(200);
    bool quit = false;
    pd::ui::LockScreen lock(frame, auth, clock, "ws-ui", *first, 5min,
                            {[](const pd::Session&) {}, [&] { quit = true; }});
    // Four minutes of nothing: still open.
    clock.advance(4min);
    settle(1300);
    EXPECT_TRUE(frame->IsShown());
    EXPECT_FALSE(lock.locked());

    // While the lock screen's modal loop runs: check what is visible, then sign in again.
    bool hidden_while_locked = false;
    wxTimer driver;
    driver.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        hidden_while_locked = !frame->IsShown();
        sim.Text("goodpassword");
        sim.Char(WXK_RETURN);
    });
    driver.StartOnce(800);
    clock.advance(1min);  // five minutes idle: the next tick locks
    settle(3000);
    EXPECT_TRUE(hidden_while_locked);
    EXPECT_FALSE(lock.locked());
    EXPECT_TRUE(frame->IsShown());
    EXPECT_FALSE(quit);
    EXPECT_EQ(lock.session().id, first->id);
    EXPECT_EQ(audit.of(pd::AuditAction::ScreenLocked).size(), 1u);
    EXPECT_EQ(audit.of(pd::AuditAction::ScreenUnlocked).size(), 1u);
    frame->Destroy();
    settle(100);
}

TEST_F(LoginUi, StaffAdminPanelListsAccountsForAdministratorsOnly) {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "admin");
    const auto admin = staff.rows[0].actor("ws-ui");
    auto* panel = new pd::ui::StaffAdminPanel(frame, auth, clock, admin);
    frame->Show();
    settle(200);
    auto* list = dynamic_cast<wxListCtrl*>(panel->GetChildren()[1]);
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->GetItemCount(), 2);
    const pd::Actor clerk{"c", "c", "ws-ui", pd::Role::CounterClerk, {}, "6101"};
    auto* refused = new pd::ui::StaffAdminPanel(frame, auth, clock, clerk);
    auto* refused_list = dynamic_cast<wxListCtrl*>(refused->GetChildren()[1]);
    ASSERT_NE(refused_list, nullptr);
    EXPECT_EQ(refused_list->GetItemCount(), 1);  // the refusal, not the accounts
    EXPECT_TRUE(refused_list->GetItemText(0).Contains("does not allow"));
    frame->Destroy();
    settle(100);
}

// The audit log as the viewer reads it: the in-memory sink, filtered like the store does.
class SinkReader final : public pd::AuditReader {
  public:
    explicit SinkReader(const pd::test::MemoryAudit& sink) : sink_(sink) {}
    [[nodiscard]] std::vector<pd::AuditEntry> find(const pd::AuditQuery& q) const override {
        std::vector<pd::AuditEntry> out;
        for (const auto& e : sink_.entries) {
            if (!q.staff.empty() && e.staff_name.find(q.staff) == std::string::npos) continue;
            if (q.action && e.action != *q.action) continue;
            out.push_back(e);
        }
        return out;
    }

  private:
    const pd::test::MemoryAudit& sink_;
};

TEST_F(LoginUi, AuditViewerForAuditorsNotForClerks) {
    (void)auth.sign_in("clerk", "goodpassword", "ws-ui");
    (void)auth.sign_in("boss", "administrator password", "ws-ui");
    SinkReader reader(audit);
    auto* frame = new wxFrame(nullptr, wxID_ANY, "audit");
    const pd::Actor auditor{"a", "审计员 (A1)", "ws-ui", pd::Role::Auditor, {}, {}};
    pd::test::MemoryAudit denials;
    auto* panel = new pd::ui::AuditViewerPanel(frame, reader, denials, clock, auditor);
    frame->Show();
    settle(200);
    EXPECT_GE(panel->shown(), 4u);
    panel->person_field()->ChangeValue(wxString::FromUTF8("王芳"));
    panel->search();
    const auto clerk_entries = panel->shown();
    EXPECT_GE(clerk_entries, 1u);
    EXPECT_LT(clerk_entries, audit.entries.size());
    const pd::Actor clerk{"c", "c", "ws-ui", pd::Role::CounterClerk, {}, "6101"};
    auto* refused = new pd::ui::AuditViewerPanel(frame, reader, denials, clock, clerk);
    EXPECT_EQ(refused->shown(), 0u);
    EXPECT_EQ(denials.of(pd::AuditAction::PermissionDenied).size(), 1u);
    frame->Destroy();
    settle(100);
}

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    wxApp::SetInstance(new wxApp);  // wx owns and deletes it in wxEntryCleanup
    int wx_argc = 1;
    if (!wxEntryStart(wx_argc, argv)) {
        std::fprintf(stderr, "cannot start wxWidgets (no display?)\n");
        return 1;
    }
    wxTheApp->CallOnInit();
    const int rc = RUN_ALL_TESTS();
    wxEntryCleanup();
    return rc;
}
