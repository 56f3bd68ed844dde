#include "domain/money.h"

#include <cstdio>
#include <limits>

namespace pd {

Expected<Fen> Fen::parse_yuan(std::string_view text) {
    const auto reject = [](std::string code, std::string msg) {
        return Error{std::move(code), "amount", std::move(msg), {}};
    };
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    std::int64_t yuan = 0;
    std::int64_t fen = 0;
    int decimals = -1;
    bool any = false;
    for (const char c : text) {
        if (c == ',' && decimals < 0) continue;
        if (c == '.') {
            if (decimals >= 0) return reject("amount.format", PD_N("the amount has two points"));
            decimals = 0;
            continue;
        }
        if (c < '0' || c > '9') {
            return reject("amount.character", PD_N("the amount may hold only digits and a point"));
        }
        any = true;
        if (decimals >= 0) {
            if (++decimals > 2) {
                return reject("amount.decimals", PD_N("an amount has at most two decimals (fen)"));
            }
            fen = fen * 10 + (c - '0');
        } else {
            if (yuan > std::numeric_limits<std::int64_t>::max() / 1000) {
                return reject("amount.range", PD_N("the amount is too large"));
            }
            yuan = yuan * 10 + (c - '0');
        }
    }
    if (!any) return reject("amount.empty", PD_N("the amount is empty"));
    if (decimals == 1) fen *= 10;
    const std::int64_t total = yuan * 100 + fen;
    return Fen{negative ? -total : total};
}

std::string Fen::to_yuan_string() const {
    const std::int64_t abs = value < 0 ? -value : value;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s%lld.%02lld", value < 0 ? "-" : "",
                  static_cast<long long>(abs / 100), static_cast<long long>(abs % 100));
    return buf;
}

}  // namespace pd
