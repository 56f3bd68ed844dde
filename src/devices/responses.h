#pragma once

#include <cstdint>
#include <string_view>

#include "devices/frame.h"
#include "devices/reader_error.h"

namespace pd::devices {

// A command: CMD and PARA bytes (spec "Commands"), and the shape of its successful answer.
// Responses carry no command code, so the shape is what tells a late answer to an earlier,
// timed-out command from the answer to this one.
struct Command {
    std::uint8_t cmd;
    std::uint8_t para;
    std::string_view name;  // for error details and logs
    std::uint8_t success = 0x90;
    std::size_t min_data = 0;  // data bytes after SW3 on success
    std::size_t max_data = 0;  // 0: no upper bound

    // False for a frame that cannot be this command's answer: a success of the wrong size, or
    // 9F (card found), which only "find card" is answered with.
    [[nodiscard]] bool fits(std::uint8_t status, std::size_t data_size) const {
        if (status == success) {
            return data_size >= min_data && (max_data == 0 || data_size <= max_data);
        }
        return status != 0x9F;
    }
};

namespace command {
inline constexpr Command kReset{0x10, 0xFF, "reset", 0x90, 0, 0};
inline constexpr Command kSamStatus{0x11, 0xFF, "SAM status", 0x90, 0, 0};
inline constexpr Command kSamId{0x12, 0xFF, "SAM id", 0x90, 16, 16};
inline constexpr Command kFind{0x20, 0x01, "find card", 0x9F, 4, 4};
inline constexpr Command kSelect{0x20, 0x02, "select card", 0x90, 8, 8};
inline constexpr Command kReadText{0x30, 0x01, "read text+photo", 0x90, 4, 0};
inline constexpr Command kReadFingerprint{0x30, 0x10, "read text+photo+fingerprint", 0x90, 6, 0};
inline constexpr Command kReadAddress{0x30, 0x03, "read newest address", 0x90, 70, 70};
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
