#pragma once

#include <chrono>

#include "domain/clock.h"

namespace pd {

// When to hide retiree data because nobody touched the workstation. The UI reports activity
// and polls should_lock(); the clock is injected so tests step through the minutes.
class IdleLock {
  public:
    static constexpr std::chrono::minutes kDefaultTimeout{5};

    explicit IdleLock(const Clock& clock, std::chrono::seconds timeout = kDefaultTimeout);

    // Keyboard or mouse input while unlocked.
    void activity();
    // True once `timeout` has passed since the last activity, while unlocked.
    [[nodiscard]] bool should_lock() const;
    void lock();
    // After the same or another user signed in at the lock screen.
    void unlock();
    [[nodiscard]] bool locked() const { return locked_; }

    // Minutes from settings: at least 1, at most 60 (a workstation left open for longer is a
    // risk to thousands of records); out-of-range values are clamped.
    void set_timeout(std::chrono::seconds timeout);
    [[nodiscard]] std::chrono::seconds timeout() const { return timeout_; }
    // Time left before the lock (zero when due or locked).
    [[nodiscard]] std::chrono::seconds remaining() const;

  private:
    const Clock& clock_;
    std::chrono::seconds timeout_;
    std::chrono::system_clock::time_point last_activity_;
    bool locked_ = false;
};

}  // namespace pd
