#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "devices/frame.h"
#include "idsim/sim_card.h"

namespace pd::idsim {

// Faults the simulated reader can be told to commit. Each is armed for a number of responses
// (or for good) and applies to the responses that follow.
enum class Fault {
    LiftMidRead,        // the card is lifted during the next read: status 41, card gone
    BadChecksum,        // the response's checksum byte is wrong
    SplitFrames,        // the response dribbles out in small pieces with pauses
    Garbage,            // noise (including a bogus oversized header) around the response
    Silence,            // no response at all
    RefuseFingerprint,  // the fingerprint read gets 21 (an old module)
    Slow,               // the response comes after SimOptions::slow
};

[[nodiscard]] std::optional<Fault> parse_fault(std::string_view name);
[[nodiscard]] std::string_view to_string(Fault fault);

struct SimOptions {
    // When set, a symlink to the pty kept at this path across unplug/plug, like
    // /dev/serial/by-id: the driver reopens it when the "reader" comes back.
    std::string link;
    std::chrono::milliseconds slow{2500};
};

// A reader on a pseudo-terminal pair, served by its own thread. Thread-safe: tests (and the
// control channel of pensiondesk-idsim) lay down and lift the card, arm faults and unplug the
// reader while a driver talks to it. Setup failures throw std::system_error.
class Simulator {
  public:
    explicit Simulator(SimCard card, SimOptions options = {});
    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;
    ~Simulator();

    // Opens the pty and starts serving.
    void start();
    void stop();

    // What a driver opens: the link when one was asked for, else the pty's slave path.
    [[nodiscard]] std::string device_path() const;

    void place_card();
    void lift_card();
    void set_card(SimCard card);
    // count < 0: until cleared.
    void set_fault(Fault fault, int count = -1);
    void clear_faults();
    // Closes the pty (the driver sees the port fail) / opens a new one behind the same link.
    void unplug();
    void plug();

    // One line of the text control protocol: place, lift, fault NAME [COUNT], clear, unplug,
    // plug, status. Returns "ok ..." or "error: ...".
    [[nodiscard]] std::string control(std::string_view line);

    // The protocol state machine: the response frame (unfaulted) for one command body.
    [[nodiscard]] devices::Bytes respond(devices::ByteView body);
    [[nodiscard]] std::size_t commands_served() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace pd::idsim
