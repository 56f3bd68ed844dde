#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>

#include "devices/card_reader.h"
#include "idsim/simulator.h"

namespace pd::devices::test {

using namespace std::chrono_literals;

// A link path of its own for each simulator, so tests can unplug and plug the "reader".
inline std::string unique_link() {
    static std::atomic<int> counter{0};
    return (std::filesystem::temp_directory_path() /
            ("pd-idsim-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
        .string();
}

// Short timeouts keep the suite fast; the faults that need a deadline use them.
inline ReaderOptions fast_options(const std::string& port) {
    ReaderOptions o;
    o.port = port;
    o.command_timeout = 300ms;
    o.find_timeout = 300ms;
    o.read_timeout = 600ms;
    o.poll_interval = 50ms;
    return o;
}

inline constexpr Date kToday{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{3}};

// An in-process simulator on a real pty, holding `card`.
class SimulatorTest : public ::testing::Test {
  protected:
    void start(idsim::SimCard card, std::chrono::milliseconds slow = 1000ms) {
        idsim::SimOptions options;
        options.link = unique_link();
        options.slow = slow;
        sim_ = std::make_unique<idsim::Simulator>(std::move(card), options);
        sim_->start();
    }
    void start(CardType type = CardType::ResidentId) { start(idsim::sample_card(type)); }

    CardReader open_reader(ReaderOptions options) {
        auto reader = CardReader::open(std::move(options));
        if (!reader) {
            ADD_FAILURE() << reader.error().message_en();
            throw std::runtime_error("cannot open the simulated reader");
        }
        return std::move(*reader);
    }
    CardReader open_reader() { return open_reader(fast_options(sim_->device_path())); }

    std::unique_ptr<idsim::Simulator> sim_;
};

}  // namespace pd::devices::test
