// pensiondesk: the desktop workstation. Parses the command line, refuses cleanly without a
// display, sets the language, opens the workspace and shows the main window.
#include <wx/app.h>
#include <wx/config.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/stopwatch.h>
#include <wx/timer.h>
#include <wx/utils.h>

#include <algorithm>
#include <chrono>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/auth_context.h"
#include "ui/i18n.h"
#include "ui/lock_screen.h"
#include "ui/login_dialog.h"
#include "ui/main_frame.h"
#include "ui/screenshot.h"
#include "ui/session.h"
#include "ui/text.h"

namespace {

struct Options {
    std::optional<std::filesystem::path> db;
    std::optional<pd::ui::Language> language;
    std::optional<std::string> screenshot;
    std::optional<std::string> demo_user;
    std::string area = "registry";
};

constexpr const char* usage =
    "usage: pensiondesk [--db PATH] [--lang zh_CN|en] [--area ID] [--screenshot FILE.png]\n"
    "                   [--demo-user STAFF_NUMBER]\n"
    "  --db PATH          open this workspace database (default: the demo workspace in the\n"
    "                     user's data directory)\n"
    "  --lang zh_CN|en    interface language (default: the one chosen in Settings, else zh_CN)\n"
    "  --area ID          area to open: registry, certification, payments, home_visits, sync,\n"
    "                     settings\n"
    "  --screenshot FILE  save a PNG of the main window once shown, then quit\n"
    "  --demo-user NUMBER sign in a demo account (demo-counter, demo-supervisor, ...) without\n"
    "                     the sign-in dialog; demo workspaces only (their data is synthetic)\n";

// nullopt: bad command line (already reported).
std::optional<Options> parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "pensiondesk: %s needs a value\n%s", argv[i], usage);
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };
        if (arg == "--help" || arg == "-h") {
            std::fputs(usage, stdout);
            std::exit(0);
        } else if (arg == "--db") {
            auto v = value();
            if (!v) return std::nullopt;
            o.db = std::filesystem::path(*v);
        } else if (arg == "--lang") {
            auto v = value();
            if (!v) return std::nullopt;
            o.language = pd::ui::parse_language(*v);
            if (!o.language) {
                std::fprintf(stderr, "pensiondesk: unknown language '%s' (zh_CN or en)\n",
                             v->c_str());
                return std::nullopt;
            }
        } else if (arg == "--screenshot") {
            auto v = value();
            if (!v) return std::nullopt;
            o.screenshot = *v;
        } else if (arg == "--demo-user") {
            auto v = value();
            if (!v) return std::nullopt;
            o.demo_user = *v;
        } else if (arg == "--area") {
            auto v = value();
            if (!v) return std::nullopt;
            o.area = *v;
        } else {
            std::fprintf(stderr, "pensiondesk: unknown option '%s'\n%s", argv[i], usage);
            return std::nullopt;
        }
    }
    return o;
}

bool has_display() {
#if defined(__WXGTK__)
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
#else
    return true;
#endif
}

class PensionDeskApp final : public wxApp {
  public:
    explicit PensionDeskApp(Options options) : options_(std::move(options)) {}

    bool OnInit() override {
        wxStopWatch started;
        // Narrow strings are UTF-8 whatever the system locale (DESIGN.md, Known pitfalls).
        std::setlocale(LC_CTYPE, "C.UTF-8");
        SetAppName("pensiondesk");
        SetAppDisplayName("PensionDesk");
#ifdef __WXGTK__
        wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
#endif
        pd::ui::setup_translations(options_.language.value_or(pd::ui::saved_language()));

        try {
            // Nobody acts until a staff member signs in: a bare Actor is refused everything.
            session_ = pd::ui::Session::open(options_.db, pd::Actor{});
            if (session_->workspace.demo) {
                pd::store::seed_demo_staff(*session_->auth, session_->clock, session_->ids);
            }
        } catch (const std::exception& e) {
            const wxString what = pd::ui::from_utf8(e.what());
            std::fprintf(stderr, "pensiondesk: %s\n", e.what());
            wxMessageBox(wxString::Format(_("The workspace could not be opened:\n%s"), what),
                         _("PensionDesk"), wxOK | wxICON_ERROR);
            return false;
        }
        workstation_ = pd::ui::to_utf8(wxGetHostName());

        auto staff = sign_in();
        if (!staff) return false;
        session_->sign_in(*staff);
        open_main_window();
        if (std::getenv("PENSIONDESK_TIMING"))
            std::fprintf(stderr, "pensiondesk: main window shown after %ld ms\n", started.Time());

        if (options_.screenshot) {
            // Let the window map and paint before reading the screen.
            const wxString file = pd::ui::from_utf8(*options_.screenshot);
            screenshot_timer_.Bind(wxEVT_TIMER, [this, file](wxTimerEvent&) {
                const bool ok = pd::ui::save_screenshot(frame_, file);
                if (!ok) std::fprintf(stderr, "pensiondesk: could not save the screenshot\n");
                frame_->Close();
            });
            screenshot_timer_.StartOnce(1500);
        }
        return true;
    }

    int OnExit() override {
        lock_.reset();
        if (session_ && session_->signed_in)
            session_->auth->service().sign_out(*session_->signed_in);
        session_.reset();  // after every window is gone: panels hold references into it
        return wxApp::OnExit();
    }

  private:
    // The sign-in dialog (with the first administrator of a new workspace), or a demo account
    // named on the command line. nullopt: nobody signed in; the app ends.
    std::optional<pd::Session> sign_in() {
        auto& auth = session_->auth->service();
        if (!options_.demo_user) {
            return pd::ui::sign_in_at_start(
                auth, workstation_,
                session_->workspace.demo ? pd::ui::demo_accounts_hint(pd::store::kDemoPassword)
                                         : wxString());
        }
        if (!session_->workspace.demo) {
            std::fprintf(stderr, "pensiondesk: --demo-user works only in a demo workspace\n");
            return std::nullopt;
        }
        auto s = auth.sign_in(*options_.demo_user, pd::store::kDemoPassword, workstation_);
        if (!s) {
            std::fprintf(stderr, "pensiondesk: demo sign-in of %s refused\n",
                         options_.demo_user->c_str());
            return std::nullopt;
        }
        return *s;
    }

    // The window for whoever is signed in, with its idle lock.
    void open_main_window() {
        frame_ = new pd::ui::MainFrame(*session_, pd::ui::default_areas());
        if (!frame_->show_area(options_.area)) frame_->show_area("registry");
        frame_->Show();
        const long minutes =
            std::clamp(wxConfig::Get()->ReadLong("/security/idle_minutes", 5), 1L, 60L);
        lock_ = std::make_unique<pd::ui::LockScreen>(
            frame_, session_->auth->service(), session_->clock, workstation_, *session_->signed_in,
            std::chrono::minutes(minutes),
            pd::ui::LockScreen::Hooks{
                [this](const pd::Session& other) {
                    // Another user took over: rebuild the window for their role and scope,
                    // after the lock screen's own handler has returned.
                    CallAfter([this, other] {
                        lock_.reset();
                        frame_->Destroy();
                        session_->sign_in(other);
                        open_main_window();
                    });
                },
                [this] {
                    CallAfter([this] {
                        lock_.reset();
                        session_->signed_in.reset();  // the lock screen signed them out
                        if (frame_) frame_->Destroy();
                    });
                }});
    }

    Options options_;
    std::unique_ptr<pd::ui::Session> session_;
    std::unique_ptr<pd::ui::LockScreen> lock_;
    pd::ui::MainFrame* frame_ = nullptr;  // owned by wx (a top-level window)
    std::string workstation_;
    wxTimer screenshot_timer_;
};

}  // namespace

int main(int argc, char** argv) {
    auto options = parse_options(argc, argv);
    if (!options) return 2;
    if (!has_display()) {
        std::fprintf(stderr,
                     "pensiondesk: no display found; start it under Xvfb with: xvfb-run -a "
                     "./scripts/run\n");
        return 2;
    }
    // wx's ownership model: the instance is deleted by wxEntry's clean-up.
    wxApp::SetInstance(new PensionDeskApp(std::move(*options)));
    int wx_argc = 1;  // our options are parsed; GTK sees only the program name
    return wxEntry(wx_argc, argv);
}
