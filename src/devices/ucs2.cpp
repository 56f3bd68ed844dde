#include "devices/ucs2.h"

#include "domain/utf8.h"

namespace pd::devices::ucs2 {

std::string to_utf8(ByteView bytes) {
    std::u32string text;
    text.reserve(bytes.size() / 2);
    const std::size_t units = bytes.size() / 2;
    for (std::size_t i = 0; i < units; ++i) {
        const char32_t u = char32_t{bytes[2 * i]} | (char32_t{bytes[2 * i + 1]} << 8);
        if (u >= 0xD800 && u < 0xDC00 && i + 1 < units) {
            const char32_t low = char32_t{bytes[2 * i + 2]} | (char32_t{bytes[2 * i + 3]} << 8);
            if (low >= 0xDC00 && low < 0xE000) {
                text.push_back(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                ++i;
                continue;
            }
        }
        text.push_back(u >= 0xD800 && u < 0xE000 ? U'\uFFFD' : u);
    }
    if (bytes.size() % 2 != 0) text.push_back(U'\uFFFD');
    return utf8::encode(text);
}

std::string field(ByteView bytes) {
    std::size_t end = bytes.size() & ~std::size_t{1};
    while (end >= 2 && bytes[end - 1] == 0 && (bytes[end - 2] == 0x20 || bytes[end - 2] == 0)) {
        end -= 2;
    }
    return to_utf8(bytes.first(end));
}

Bytes from_utf8(std::string_view text, std::size_t size) {
    Bytes out;
    out.reserve(size);
    const auto decoded = utf8::decode(text);
    const std::u32string cps = decoded ? *decoded : std::u32string(text.size(), U'?');
    auto put = [&](char32_t unit) {
        out.push_back(static_cast<std::uint8_t>(unit & 0xFF));
        out.push_back(static_cast<std::uint8_t>((unit >> 8) & 0xFF));
    };
    for (const char32_t cp : cps) {
        if (cp > 0xFFFF) {
            // Outside the BMP: a surrogate pair, as to_utf8 joins them (so parse/build round-trip).
            if (out.size() + 4 > size) break;
            put(0xD800 + ((cp - 0x10000) >> 10));
            put(0xDC00 + ((cp - 0x10000) & 0x3FF));
            continue;
        }
        if (out.size() + 2 > size) break;
        put(cp >= 0xD800 && cp < 0xE000 ? U'?' : cp);
    }
    while (out.size() + 2 <= size) {
        out.push_back(0x20);
        out.push_back(0x00);
    }
    out.resize(size, 0);
    return out;
}

}  // namespace pd::devices::ucs2
