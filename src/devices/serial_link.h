#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "devices/reader_error.h"
#include "devices/responses.h"

namespace pd::devices {

inline constexpr unsigned kDefaultBaud = 115200;

// One open serial connection to a reader: a Boost.Asio serial_port on its own io_context, used
// from one thread at a time. Every exchange writes a command and reads frames until a valid
// response arrives or the exchange's deadline passes (the port is then cancelled), so no call
// blocks longer than its timeout. Corrupt frames end the exchange with a Protocol error.
class SerialLink {
  public:
    // Opens `path` as 8N1 at `baud`, no flow control.
    [[nodiscard]] static Result<SerialLink> open(const std::string& path,
                                                 unsigned baud = kDefaultBaud);

    SerialLink(SerialLink&&) noexcept;
    SerialLink& operator=(SerialLink&&) noexcept;
    ~SerialLink();

    [[nodiscard]] Result<Response> transact(const Command& command,
                                            std::chrono::milliseconds timeout);
    [[nodiscard]] bool is_open() const;
    void close();
    [[nodiscard]] const std::string& path() const;

  private:
    struct Impl;
    explicit SerialLink(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace pd::devices
