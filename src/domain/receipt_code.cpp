#include "domain/receipt_code.h"

#include <cstdio>

namespace pd {

namespace {

int char_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    return -1;
}

// ISO 7064 MOD 97-10 over the base-36 digits (as IBAN does): letters count as two digits.
int mod97(std::string_view body) {
    int rem = 0;
    for (const char c : body) {
        const int v = char_value(c);
        if (v < 0) return -1;
        rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
    }
    return rem;
}

}  // namespace

std::string make_receipt_number(const Uuid& certification, int year) {
    // The random tail of a v7 UUID (bytes 10-15) names the certification uniquely enough
    // within a year; the year keeps numbers short and readable.
    static constexpr char hex[] = "0123456789ABCDEF";
    char y[8];
    std::snprintf(y, sizeof y, "%04d", year % 10000);
    std::string body = std::string("RZ") + y;
    for (std::size_t i = 10; i < 16; ++i) {
        body += hex[certification.bytes[i] >> 4];
        body += hex[certification.bytes[i] & 0xF];
    }
    const int check = 98 - (mod97(body) * 100) % 97;
    char digits[4];
    std::snprintf(digits, sizeof digits, "%02d", check);
    return body + digits;
}

bool receipt_number_valid(std::string_view number) {
    std::string clean;
    for (const char c : number) {
        if (c == ' ' || c == '-') continue;
        clean += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (clean.size() != 20 || !clean.starts_with("RZ")) return false;
    return mod97(clean) == 1;
}

std::string receipt_qr_payload(std::string_view number, std::string_view valid_until) {
    return "PDRZ1|" + std::string(number) + "|" + std::string(valid_until);
}

}  // namespace pd
