#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

namespace pd::devices {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// The framing shared by commands and responses (spec "Frames"):
// AA AA AA 96 69 | length (2, BE) | body | XOR of length..body.
namespace frame {
inline constexpr std::array<std::uint8_t, 5> kPreamble{0xAA, 0xAA, 0xAA, 0x96, 0x69};
inline constexpr std::size_t kHeaderSize = 7;  // preamble + length field
// The largest real frame is 2321 bytes; anything claiming more than 4 KiB is a framing error.
inline constexpr std::size_t kMaxLength = 4096;
// A command body is CMD PARA; a response body SW1 SW2 SW3: with the checksum, at least 3 bytes.
inline constexpr std::size_t kMinLength = 3;

[[nodiscard]] std::uint8_t checksum(ByteView bytes);
// Wraps `body` (everything between the length field and the checksum) into a whole frame.
// `body` must be shorter than kMaxLength.
[[nodiscard]] Bytes encode(ByteView body);
[[nodiscard]] Bytes encode_command(std::uint8_t cmd, std::uint8_t para, ByteView data = {});
// SW1 = SW2 = 0, as every module in practice sends.
[[nodiscard]] Bytes encode_response(std::uint8_t sw3, ByteView data = {});
}  // namespace frame

// What the decoder found in the byte stream.
struct DecodeEvent {
    enum class Kind { Frame, BadChecksum, BadLength };
    Kind kind = Kind::Frame;
    Bytes body;  // Frame: the bytes between the length field and the checksum
};

// Incremental decoder: feed it whatever each read returned, then drain events. It skips garbage
// until a preamble, drops frames with a bad checksum or an impossible length and resynchronises
// on the next preamble, and reassembles frames split across any number of reads. Its buffer never
// exceeds one maximal frame plus one read.
class FrameDecoder {
  public:
    void feed(ByteView bytes);
    [[nodiscard]] bool has_event() const noexcept { return !events_.empty(); }
    // Pops the oldest event; call only when has_event().
    [[nodiscard]] DecodeEvent pop();
    void reset();

    [[nodiscard]] std::size_t skipped_bytes() const noexcept { return skipped_; }
    [[nodiscard]] std::size_t buffered() const noexcept { return buffer_.size(); }

  private:
    void parse();

    Bytes buffer_;
    std::deque<DecodeEvent> events_;
    std::size_t skipped_ = 0;
};

}  // namespace pd::devices
