#pragma once

#include <cstdint>
#include <string_view>

#include "devices/frame.h"
#include "devices/reader_error.h"

namespace pd::devices {

// A command: CMD and PARA bytes (spec "Commands").
struct Command {
    std::uint8_t cmd;
    std::uint8_t para;
    std::string_view name;  // for error details and logs
};

namespace command {
inline constexpr Command kReset{0x10, 0xFF, "reset"};
inline constexpr Command kSamStatus{0x11, 0xFF, "SAM status"};
inline constexpr Command kSamId{0x12, 0xFF, "SAM id"};
inline constexpr Command kFind{0x20, 0x01, "find card"};
inline constexpr Command kSelect{0x20, 0x02, "select card"};
inline constexpr Command kReadText{0x30, 0x01, "read text+photo"};
inline constexpr Command kReadFingerprint{0x30, 0x10, "read text+photo+fingerprint"};
inline constexpr Command kReadAddress{0x30, 0x03, "read newest address"};
}  // namespace command

inline constexpr std::size_t kPhotoSize = 1024;
inline constexpr std::size_t kSamIdSize = 16;
inline constexpr std::size_t kNewestAddressSize = 70;

// A decoded response body: SW1 SW2 SW3 data.
struct Response {
    std::uint8_t status = 0;
    Bytes data;
};

[[nodiscard]] Result<Response> parse_response(ByteView body);

// The data of a successful read: the three blocks, sized by the lengths the module sent.
struct CardData {
    Bytes text;
    Bytes photo;
    Bytes fingerprint;
};

// Splits the data after SW3 of a read (2 or 3 big-endian lengths, then the blocks). Lengths
// that do not fit the data are a protocol error, never an out-of-bounds read.
[[nodiscard]] Result<CardData> parse_read_data(ByteView data, bool with_fingerprint);
// The inverse, for the simulator.
[[nodiscard]] Bytes build_read_data(const CardData& card, bool with_fingerprint);

}  // namespace pd::devices
