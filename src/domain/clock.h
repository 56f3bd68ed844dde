#pragma once

#include <chrono>

#include "domain/date.h"

namespace pd {

// Time as the domain sees it; tests inject a fixed or stepping clock.
class Clock {
  public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual std::chrono::system_clock::time_point now() const = 0;
    // Today's date where the workstation is (the UI's local time).
    [[nodiscard]] virtual Date today() const = 0;
};

class SystemClock final : public Clock {
  public:
    [[nodiscard]] std::chrono::system_clock::time_point now() const override;
    [[nodiscard]] Date today() const override;
};

// A clock that stays where a test puts it.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(std::chrono::system_clock::time_point t) : now_(t) {}
    [[nodiscard]] std::chrono::system_clock::time_point now() const override { return now_; }
    [[nodiscard]] Date today() const override;
    void set(std::chrono::system_clock::time_point t) { now_ = t; }
    void advance(std::chrono::system_clock::duration d) { now_ += d; }

  private:
    std::chrono::system_clock::time_point now_;
};

// UTC ISO-8601 with milliseconds: 2026-12-03T12:38:20.123Z (how times are stored).
[[nodiscard]] std::string to_utc_iso(std::chrono::system_clock::time_point t);

}  // namespace pd
