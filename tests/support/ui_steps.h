// Driving real wx windows in the UI tests (under Xvfb): pumping the event loop until something
// happened, pressing a button as its own event, and scenarios of steps run from a timer, which
// keeps running inside whatever loop is current, a modal dialog's included.
#pragma once

#include <gtest/gtest.h>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/evtloop.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pd::test {

// Runs the event loop until `done` or the timeout; true when done.
inline bool pump_until(const std::function<bool()>& done, std::chrono::seconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        wxTheApp->ProcessPendingEvents();
        wxYield();
        wxMilliSleep(5);
    }
    return true;
}

inline void pump_for(std::chrono::milliseconds d) {
    const auto until = std::chrono::steady_clock::now() + d;
    pump_until([&] { return std::chrono::steady_clock::now() > until; }, std::chrono::seconds(10));
}

// A click as the button's own event, as wxUIActionSimulator would end up sending it.
inline void press(wxButton* button) {
    wxCommandEvent e(wxEVT_BUTTON, button->GetId());
    e.SetEventObject(button);
    button->ProcessWindowEvent(e);
}

inline wxString text_of(wxWindow* w) {
    auto* t = dynamic_cast<wxTextCtrl*>(w);
    return t ? t->GetValue() : wxString();
}

// A sequence of steps; each returns true when done, false to be asked again on the next tick.
// PD_UI_TEST_TRACE=1 prints each step as it completes.
class Scenario {
  public:
    void add(std::string what, std::function<bool()> step) {
        steps_.push_back({std::move(what), std::move(step)});
    }

    // Runs the steps; a step that is not done within `step_timeout` fails the test.
    void run(std::chrono::milliseconds step_timeout) {
        wxGUIEventLoop loop;
        timer_.Bind(wxEVT_TIMER, [&](wxTimerEvent&) { tick(loop, step_timeout); });
        step_started_ = Clock::now();
        timer_.Start(40);
        loop.Run();
        timer_.Stop();
    }

    std::function<void()> on_abort;  // closes what is open (a modal dialog) after a failure

  private:
    using Clock = std::chrono::steady_clock;

    void tick(wxGUIEventLoop& loop, std::chrono::milliseconds step_timeout) {
        if (busy_) return;  // a step's own event processing re-entered the timer
        if (next_ >= steps_.size()) {
            loop.ScheduleExit();
            return;
        }
        busy_ = true;
        const bool done = steps_[next_].second();
        busy_ = false;
        if (done) {
            if (std::getenv("PD_UI_TEST_TRACE"))
                std::fprintf(stderr, "done: %s\n", steps_[next_].first.c_str());
            ++next_;
            step_started_ = Clock::now();
        } else if (Clock::now() - step_started_ > step_timeout) {
            ADD_FAILURE() << "step timed out: " << steps_[next_].first;
            next_ = steps_.size();
            if (on_abort) on_abort();
        }
    }

    std::vector<std::pair<std::string, std::function<bool()>>> steps_;
    std::size_t next_ = 0;
    bool busy_ = false;
    Clock::time_point step_started_;
    wxTimer timer_;
};

// A pause as a step: lets X deliver events and debounce timers fire.
inline std::function<bool()> pause(int ms) {
    auto until = std::make_shared<std::chrono::steady_clock::time_point>();
    return [until, ms] {
        const auto now = std::chrono::steady_clock::now();
        if (*until == std::chrono::steady_clock::time_point{})
            *until = now + std::chrono::milliseconds(ms);
        return now >= *until;
    };
}

}  // namespace pd::test
