#include "devices/frame.h"

#include <algorithm>
#include <stdexcept>

namespace pd::devices {

namespace frame {

std::uint8_t checksum(ByteView bytes) {
    std::uint8_t x = 0;
    for (const auto b : bytes) x ^= b;
    return x;
}

Bytes encode(ByteView body) {
    if (body.size() + 1 > kMaxLength) throw std::length_error("frame body too long");
    const auto length = static_cast<std::uint16_t>(body.size() + 1);
    Bytes out(kPreamble.begin(), kPreamble.end());
    out.reserve(kHeaderSize + length);
    out.push_back(static_cast<std::uint8_t>(length >> 8));
    out.push_back(static_cast<std::uint8_t>(length & 0xFF));
    out.insert(out.end(), body.begin(), body.end());
    out.push_back(checksum(ByteView(out).subspan(kPreamble.size())));
    return out;
}

Bytes encode_command(std::uint8_t cmd, std::uint8_t para, ByteView data) {
    Bytes body{cmd, para};
    body.insert(body.end(), data.begin(), data.end());
    return encode(body);
}

Bytes encode_response(std::uint8_t sw3, ByteView data) {
    Bytes body{0x00, 0x00, sw3};
    body.insert(body.end(), data.begin(), data.end());
    return encode(body);
}

}  // namespace frame

void FrameDecoder::feed(ByteView bytes) {
    buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
    parse();
}

DecodeEvent FrameDecoder::pop() {
    DecodeEvent e = std::move(events_.front());
    events_.pop_front();
    return e;
}

void FrameDecoder::reset() {
    buffer_.clear();
    events_.clear();
}

void FrameDecoder::parse() {
    using frame::kPreamble;
    std::size_t pos = 0;  // consumed prefix of buffer_, erased once at the end
    for (;;) {
        const auto begin = buffer_.begin() + static_cast<std::ptrdiff_t>(pos);
        const auto it = std::search(begin, buffer_.end(), kPreamble.begin(), kPreamble.end());
        if (it == buffer_.end()) {
            // Keep a tail that may be the start of a preamble split across reads.
            const std::size_t remaining = buffer_.size() - pos;
            const std::size_t keep = std::min(remaining, kPreamble.size() - 1);
            skipped_ += remaining - keep;
            pos = buffer_.size() - keep;
            break;
        }
        const auto start = static_cast<std::size_t>(it - buffer_.begin());
        skipped_ += start - pos;
        pos = start;
        if (buffer_.size() - start < frame::kHeaderSize) break;
        const std::size_t length =
            (std::size_t{buffer_[start + 5]} << 8) | std::size_t{buffer_[start + 6]};
        if (length < frame::kMinLength || length > frame::kMaxLength) {
            // Drop just the first preamble byte: the real frame may start inside what we saw.
            events_.push_back({DecodeEvent::Kind::BadLength, {}});
            pos = start + 1;
            ++skipped_;
            continue;
        }
        const std::size_t total = frame::kHeaderSize + length;
        if (buffer_.size() - start < total) break;
        const ByteView whole(buffer_.data() + start, total);
        const auto sum = frame::checksum(whole.subspan(kPreamble.size(), 2 + length - 1));
        if (sum != whole[total - 1]) {
            events_.push_back({DecodeEvent::Kind::BadChecksum, {}});
            pos = start + 1;
            ++skipped_;
            continue;
        }
        const auto body = whole.subspan(frame::kHeaderSize, length - 1);
        events_.push_back({DecodeEvent::Kind::Frame, Bytes(body.begin(), body.end())});
        pos = start + total;
    }
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(pos));
}

}  // namespace pd::devices
