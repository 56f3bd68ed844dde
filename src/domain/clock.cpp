#include "domain/clock.h"

#include <cstdio>
#include <ctime>

namespace pd {

std::chrono::system_clock::time_point SystemClock::now() const {
    return std::chrono::system_clock::now();
}

Date SystemClock::today() const {
    const std::time_t t = std::chrono::system_clock::to_time_t(now());
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &t);
#else
    localtime_r(&t, &local);
#endif
    return Date{std::chrono::year{local.tm_year + 1900},
                std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

Date ManualClock::today() const {
    // Tests reason in UTC dates; the manual clock has no time zone.
    return Date{std::chrono::floor<std::chrono::days>(now_)};
}

std::string to_utc_iso(std::chrono::system_clock::time_point t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const Date d{day};
    const std::chrono::hh_mm_ss hms{std::chrono::duration_cast<std::chrono::milliseconds>(t - day)};
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                  static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                  static_cast<int>(hms.subseconds().count()));
    return buf;
}

}  // namespace pd
