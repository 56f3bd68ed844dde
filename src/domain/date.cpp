#include "domain/date.h"

#include <cstdio>

namespace pd {

namespace {
bool all_digits(std::string_view s) {
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return !s.empty();
}
int to_int(std::string_view s) {
    int v = 0;
    for (const char c : s) v = v * 10 + (c - '0');
    return v;
}
std::optional<Date> make(int y, int m, int d) {
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}
}  // namespace

std::optional<Date> parse_compact_date(std::string_view digits) {
    if (digits.size() != 8 || !all_digits(digits)) return std::nullopt;
    return make(to_int(digits.substr(0, 4)), to_int(digits.substr(4, 2)),
                to_int(digits.substr(6, 2)));
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() == 8) return parse_compact_date(text);
    if (text.size() != 10) return std::nullopt;
    const char sep = text[4];
    if ((sep != '-' && sep != '/') || text[7] != sep) return std::nullopt;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    return make(to_int(y), to_int(m), to_int(d));
}

std::string to_iso(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::string to_compact(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

int age_on(Date birth, Date on) {
    int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
    if (std::chrono::month_day{on.month(), on.day()} <
        std::chrono::month_day{birth.month(), birth.day()}) {
        --years;
    }
    return years;
}

}  // namespace pd
