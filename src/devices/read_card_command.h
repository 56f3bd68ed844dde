#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "devices/card.h"
#include "devices/reader_error.h"

namespace pd::devices {

// Exit statuses of `read-card`, one per failure class (documented in docs/devices.md).
namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kUsage = 2;
inline constexpr int kNoCard = 3;           // nothing laid on the reader within the timeout
inline constexpr int kCardFailed = 4;       // the card did not read: re-place it
inline constexpr int kModuleFailed = 5;     // the security module refused or failed
inline constexpr int kTimeout = 6;          // the reader did not answer in time
inline constexpr int kNoReader = 7;         // no reader found, or the port failed / went away
inline constexpr int kProtocol = 8;         // corrupt data from the reader
inline constexpr int kUnsupportedCard = 9;  // read, but the layout is unknown (raw bytes shown)
}  // namespace exit_code

[[nodiscard]] int exit_code_for(ErrorKind kind);

// `read-card [--port PATH] [--baud N] [--json] [--timeout-ms N] [--fingerprint]
//            [--photo-decoder LIB]`
// Reads one card (waiting up to --timeout-ms, default 5000, for it to be laid down) and prints
// its fields to `out`, or a Chinese and English message to `err`. `args` excludes "read-card".
[[nodiscard]] int run_read_card_command(const std::vector<std::string>& args, std::ostream& out,
                                        std::ostream& err);

// The card as a JSON object (UTF-8), as `read-card --json` prints it.
[[nodiscard]] std::string card_to_json(const Card& card, const std::string& photo_status);

}  // namespace pd::devices
