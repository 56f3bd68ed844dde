#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/expected.h"

namespace pd::devices {

// SW3, the status byte of every response (spec "Status (SW3)").
namespace sw3 {
inline constexpr std::uint8_t kSuccess = 0x90;
inline constexpr std::uint8_t kCardFound = 0x9F;
inline constexpr std::uint8_t kItemEmpty = 0x91;
inline constexpr std::uint8_t kCommandChecksum = 0x10;
inline constexpr std::uint8_t kCommandLength = 0x11;
inline constexpr std::uint8_t kCommandError = 0x21;
inline constexpr std::uint8_t kNotPermitted = 0x23;
inline constexpr std::uint8_t kUnrecognised = 0x24;
inline constexpr std::uint8_t kCardAuthSam = 0x31;
inline constexpr std::uint8_t kSamAuthCard = 0x32;
inline constexpr std::uint8_t kVerification = 0x33;
inline constexpr std::uint8_t kUnknownCardType = 0x40;
inline constexpr std::uint8_t kReadFailed = 0x41;
inline constexpr std::uint8_t kRandomFailed = 0x47;
inline constexpr std::uint8_t kSamSelfTest = 0x60;
inline constexpr std::uint8_t kSamNotAuthorised = 0x66;
inline constexpr std::uint8_t kNoCard = 0x80;
inline constexpr std::uint8_t kSelectFailed = 0x81;
}  // namespace sw3

// Failure classes: what the clerk (and the CLI's exit status) needs to tell apart.
enum class ErrorKind {
    NoCard,            // SW3 80: nothing on the reader
    CardFailed,        // SW3 31 32 33 40 41 47 81: the card is there but did not read; re-place it
    ModuleFailed,      // SW3 10 11 21 23 24 60 66 or unknown: the security module refused
    Timeout,           // no (complete) answer in time
    Disconnected,      // the port went away (unplugged) or could not be opened
    NoReader,          // discovery found no port that answers
    Protocol,          // corrupt frames or a response that does not fit the command
    PhotoUnavailable,  // no vendor decoder configured, or it failed
    InvalidArgument,   // a bad option from the caller
};

[[nodiscard]] std::string_view to_string(ErrorKind kind);

// The devices layer reports failures as values: every operation returns Result<T>.
struct ReaderError {
    ErrorKind kind = ErrorKind::ModuleFailed;
    std::optional<std::uint8_t> status;  // the SW3 byte when the module answered with one
    std::string detail;                  // English context for logs: port, command, errno text

    // For the clerk: Simplified Chinese, UTF-8 ("请将身份证放在阅读器上").
    [[nodiscard]] std::string message_zh() const;
    // English, with the detail appended.
    [[nodiscard]] std::string message_en() const;
};

template <class T>
using Result = pd::Expected<T, ReaderError>;
// The value of an operation that returns nothing but can fail.
struct Done {};

// The failure class of a status byte that is not a success.
[[nodiscard]] ErrorKind kind_of_status(std::uint8_t status);
// Per-status messages; unknown codes get a generic text with the hex code.
[[nodiscard]] std::string status_message_zh(std::uint8_t status);
[[nodiscard]] std::string status_message_en(std::uint8_t status);
[[nodiscard]] ReaderError status_error(std::uint8_t status, std::string detail = {});
// "0x80"
[[nodiscard]] std::string hex_byte(std::uint8_t b);

}  // namespace pd::devices
