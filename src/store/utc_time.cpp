#include "store/utc_time.h"

#include <charconv>

#include "store/store_error.h"

namespace pd::store {

namespace {

bool number(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) return false;
    const char* first = text.data() + pos;
    const auto [ptr, ec] = std::from_chars(first, first + len, out);
    return ec == std::errc{} && ptr == first + len;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_utc_iso(std::string_view text) {
    using namespace std::chrono;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || text.back() != 'Z') {
        return std::nullopt;
    }
    if (!number(text, 0, 4, y) || !number(text, 5, 2, mo) || !number(text, 8, 2, d) ||
        !number(text, 11, 2, h) || !number(text, 14, 2, mi) || !number(text, 17, 2, s)) {
        return std::nullopt;
    }
    if (text.size() == 24) {
        if (text[19] != '.' || !number(text, 20, 3, ms)) return std::nullopt;
    } else if (text.size() != 20) {
        return std::nullopt;
    }
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                             day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
    return sys_days{ymd} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
}

std::chrono::system_clock::time_point stored_utc(std::string_view text, std::string_view what) {
    const auto t = parse_utc_iso(text);
    if (!t) {
        throw StoreError("reading " + std::string(what) + ": '" + std::string(text) +
                         "' is not a stored UTC time");
    }
    return *t;
}

}  // namespace pd::store
