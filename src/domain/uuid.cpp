#include "domain/uuid.h"

namespace pd {

namespace {
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::optional<Uuid> Uuid::parse(std::string_view text) {
    if (text.size() != 36) return std::nullopt;
    Uuid u;
    std::size_t b = 0;
    for (std::size_t i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-') return std::nullopt;
            ++i;
            continue;
        }
        const int hi = hex_value(text[i]);
        const int lo = hex_value(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        u.bytes[b++] = static_cast<std::uint8_t>(hi * 16 + lo);
        i += 2;
    }
    return u;
}

std::string Uuid::str() const {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 0xF];
    }
    return out;
}

bool Uuid::is_nil() const {
    for (const auto b : bytes) {
        if (b != 0) return false;
    }
    return true;
}

UuidGenerator::UuidGenerator() : rng_(std::random_device{}()) {
    // Mix in more entropy: one 32-bit draw is too little for ids that must never collide.
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
    rng_.seed(seq);
}

UuidGenerator::UuidGenerator(std::uint64_t seed) : rng_(seed) {}

Uuid UuidGenerator::next(std::chrono::system_clock::time_point now) {
    const auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count());
    const std::uint64_t r1 = rng_();
    const std::uint64_t r2 = rng_();
    Uuid u;
    for (int i = 0; i < 6; ++i)
        u.bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms >> (40 - 8 * i));
    for (int i = 0; i < 8; ++i)
        u.bytes[static_cast<std::size_t>(6 + i)] = static_cast<std::uint8_t>(r1 >> (8 * i));
    for (int i = 0; i < 2; ++i)
        u.bytes[static_cast<std::size_t>(14 + i)] = static_cast<std::uint8_t>(r2 >> (8 * i));
    u.bytes[6] = static_cast<std::uint8_t>(0x70 | (u.bytes[6] & 0x0F));  // version 7
    u.bytes[8] = static_cast<std::uint8_t>(0x80 | (u.bytes[8] & 0x3F));  // RFC 4122 variant
    return u;
}

}  // namespace pd
