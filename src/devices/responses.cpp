#include "devices/responses.h"

namespace pd::devices {

Result<Response> parse_response(ByteView body) {
    if (body.size() < 3) {
        return ReaderError{ErrorKind::Protocol, std::nullopt,
                           "response of " + std::to_string(body.size()) + " bytes has no status"};
    }
    return Response{body[2], Bytes(body.begin() + 3, body.end())};
}

Result<CardData> parse_read_data(ByteView data, bool with_fingerprint) {
    const std::size_t header = with_fingerprint ? 6 : 4;
    if (data.size() < header) {
        return ReaderError{ErrorKind::Protocol, std::nullopt, "read response too short"};
    }
    auto length_at = [&](std::size_t i) {
        return (std::size_t{data[i]} << 8) | std::size_t{data[i + 1]};
    };
    const std::size_t text = length_at(0);
    const std::size_t photo = length_at(2);
    const std::size_t finger = with_fingerprint ? length_at(4) : 0;
    if (header + text + photo + finger > data.size()) {
        return ReaderError{ErrorKind::Protocol, std::nullopt,
                           "read response lengths " + std::to_string(text) + "+" +
                               std::to_string(photo) + "+" + std::to_string(finger) +
                               " exceed its " + std::to_string(data.size() - header) + " bytes"};
    }
    auto it = data.begin() + static_cast<std::ptrdiff_t>(header);
    CardData out;
    out.text.assign(it, it + static_cast<std::ptrdiff_t>(text));
    it += static_cast<std::ptrdiff_t>(text);
    out.photo.assign(it, it + static_cast<std::ptrdiff_t>(photo));
    it += static_cast<std::ptrdiff_t>(photo);
    out.fingerprint.assign(it, it + static_cast<std::ptrdiff_t>(finger));
    return out;
}

Bytes build_read_data(const CardData& card, bool with_fingerprint) {
    Bytes out;
    auto put_length = [&](std::size_t n) {
        out.push_back(static_cast<std::uint8_t>((n >> 8) & 0xFF));
        out.push_back(static_cast<std::uint8_t>(n & 0xFF));
    };
    put_length(card.text.size());
    put_length(card.photo.size());
    if (with_fingerprint) put_length(card.fingerprint.size());
    out.insert(out.end(), card.text.begin(), card.text.end());
    out.insert(out.end(), card.photo.begin(), card.photo.end());
    if (with_fingerprint) out.insert(out.end(), card.fingerprint.begin(), card.fingerprint.end());
    return out;
}

}  // namespace pd::devices
