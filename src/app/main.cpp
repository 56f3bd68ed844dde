// pensiondesk: the desktop workstation. Parses the command line, refuses cleanly without a
// display, sets the language, opens the workspace and shows the main window.
#include <wx/app.h>
#include <wx/config.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/stopwatch.h>
#include <wx/timer.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ui/i18n.h"
#include "ui/main_frame.h"
#include "ui/screenshot.h"
#include "ui/session.h"
#include "ui/text.h"

namespace {

struct Options {
    std::optional<std::filesystem::path> db;
    std::optional<pd::ui::Language> language;
    std::optional<std::string> screenshot;
    std::string area = "registry";
};

constexpr const char* usage =
    "usage: pensiondesk [--db PATH] [--lang zh_CN|en] [--area ID] [--screenshot FILE.png]\n"
    "  --db PATH          open this workspace database (default: the demo workspace in the\n"
    "                     user's data directory)\n"
    "  --lang zh_CN|en    interface language (default: the one chosen in Settings, else zh_CN)\n"
    "  --area ID          area to open: registry, certification, payments, home_visits, sync,\n"
    "                     settings\n"
    "  --screenshot FILE  save a PNG of the main window once shown, then quit\n";

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
            session_ = pd::ui::Session::open(options_.db, pd::ui::desktop_actor());
        } catch (const std::exception& e) {
            const wxString what = pd::ui::from_utf8(e.what());
            std::fprintf(stderr, "pensiondesk: %s\n", e.what());
            wxMessageBox(wxString::Format(_("The workspace could not be opened:\n%s"), what),
                         _("PensionDesk"), wxOK | wxICON_ERROR);
            return false;
        }

        auto* frame = new pd::ui::MainFrame(*session_, pd::ui::default_areas());
        if (!frame->show_area(options_.area)) frame->show_area("registry");
        frame->Show();
        if (std::getenv("PENSIONDESK_TIMING"))
            std::fprintf(stderr, "pensiondesk: main window shown after %ld ms\n", started.Time());

        if (options_.screenshot) {
            // Let the window map and paint before reading the screen.
            const wxString file = pd::ui::from_utf8(*options_.screenshot);
            screenshot_timer_.Bind(wxEVT_TIMER, [frame, file](wxTimerEvent&) {
                const bool ok = pd::ui::save_screenshot(frame, file);
                if (!ok) std::fprintf(stderr, "pensiondesk: could not save the screenshot\n");
                frame->Close();
            });
            screenshot_timer_.StartOnce(1500);
        }
        return true;
    }

    int OnExit() override {
        session_.reset();  // after every window is gone: panels hold references into it
        return wxApp::OnExit();
    }

  private:
    Options options_;
    std::unique_ptr<pd::ui::Session> session_;
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
