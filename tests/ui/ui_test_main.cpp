// Starts wx (GTK on the X display) around the GoogleTest run. Without a display the tests are
// skipped with a message, never hung: scripts/test runs them under xvfb-run.
#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/init.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>

#include "ui/i18n.h"

namespace {
class TestApp final : public wxApp {
  public:
    bool OnInit() override { return true; }
};
}  // namespace

int main(int argc, char** argv) {
    testing::InitGoogleTest(&argc, argv);
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        std::fprintf(stderr,
                     "ui tests: no DISPLAY; run them under xvfb-run -a (scripts/test does)\n");
        return 1;
    }
    wxApp::SetInstance(new TestApp());  // wx's ownership model: wxEntryCleanup deletes it
    int wx_argc = 1;
    if (!wxEntryStart(wx_argc, argv) || !wxTheApp->CallOnInit()) {
        std::fprintf(stderr, "ui tests: wx could not start on DISPLAY=%s\n", display);
        return 1;
    }
    std::setlocale(LC_CTYPE, "C.UTF-8");
    wxTheApp->SetAppName("pensiondesk-ui-test");
    pd::ui::setup_translations(pd::ui::Language::Chinese);
    const int rc = RUN_ALL_TESTS();
    wxTheApp->OnExit();
    wxEntryCleanup();
    return rc;
}
