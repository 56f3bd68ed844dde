#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "devices/card.h"
#include "devices/reader_error.h"
#include "devices/responses.h"
#include "devices/serial_link.h"

namespace pd::devices {

struct ReaderOptions {
    std::string port;  // empty: discover (see discovery.h)
    unsigned baud = kDefaultBaud;
    std::chrono::milliseconds command_timeout{1000};  // reset, SAM status, SAM id, address
    std::chrono::milliseconds find_timeout{1000};     // find and select
    std::chrono::milliseconds read_timeout{3000};     // text + photo (+ fingerprint)
    std::chrono::milliseconds poll_interval{250};     // wait_and_read and the watch mode
    bool read_fingerprint = false;
    bool read_newest_address = true;
    // Extra ports to probe during discovery, before the platform's usual ones (tests, config).
    std::vector<std::string> extra_candidates;
};

// Today's date on the local calendar, for expiry checks.
[[nodiscard]] Date local_today();

// A reader on one port. Not thread-safe: use it from one (worker) thread. When the port fails
// (unplugged), the operation returns Disconnected and the next operation reopens the same path,
// so a reader that comes back is used again without the caller doing anything.
class CardReader {
  public:
    // Opens options.port, or discovers a reader when it is empty (port() then says which).
    [[nodiscard]] static Result<CardReader> open(ReaderOptions options);

    [[nodiscard]] const std::string& port() const noexcept { return options_.port; }
    [[nodiscard]] const ReaderOptions& options() const noexcept { return options_; }

    // The module's primitives (spec "Commands").
    [[nodiscard]] Result<Done> reset();
    [[nodiscard]] Result<Done> sam_status();
    [[nodiscard]] Result<Bytes> sam_id();
    [[nodiscard]] Result<Bytes> find_card();  // NoCard when the reader is empty
    [[nodiscard]] Result<Bytes> select_card();
    // Text + photo, or with fingerprint (falling back to the plain read on status 21).
    [[nodiscard]] Result<CardData> read_data(bool with_fingerprint,
                                             bool* fingerprint_refused = nullptr);
    // Switches the module to `baud` (115200, 57600, 38400, 19200 or 9600) and reopens the port
    // at that speed for the following exchanges.
    [[nodiscard]] Result<Done> set_module_baud(unsigned baud);
    // nullopt when the card has no newest address (status 91).
    [[nodiscard]] Result<std::optional<std::string>> read_newest_address();

    // find + select + read + parse (+ newest address): one attempt, NoCard when nothing is there.
    [[nodiscard]] Result<Card> read_card(Date today);
    [[nodiscard]] Result<Card> read_card() { return read_card(local_today()); }
    // select + read + parse (+ newest address), after find_card() succeeded.
    [[nodiscard]] Result<Card> read_found_card(Date today);
    // Polls for a card for up to `wait`, then reads it. `cancel`, when given and set, ends the
    // wait early with NoCard.
    [[nodiscard]] Result<Card> wait_and_read_card(std::chrono::milliseconds wait, Date today,
                                                  const std::atomic<bool>* cancel = nullptr);

    void close();
    [[nodiscard]] bool is_open() const { return link_ && link_->is_open(); }

  private:
    explicit CardReader(ReaderOptions options) : options_(std::move(options)) {}
    Result<Response> exchange(const Command& command, std::chrono::milliseconds timeout);
    Result<Response> expect(const Command& command, std::chrono::milliseconds timeout,
                            std::uint8_t success);

    ReaderOptions options_;
    std::optional<SerialLink> link_;
};

// The 读卡 button in one call: opens options.port (or discovers a reader), waits up to `wait`
// for a card and reads it. Call it from a worker thread; `cancel` ends the wait early.
[[nodiscard]] Result<Card> read_one_card(const ReaderOptions& options,
                                         std::chrono::milliseconds wait,
                                         const std::atomic<bool>* cancel = nullptr);

}  // namespace pd::devices
