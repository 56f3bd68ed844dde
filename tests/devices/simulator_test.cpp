// The simulator's protocol state machine on its own, without a pty.
#include "idsim/simulator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "../support/idsim_process.h"
#include "devices/frame.h"
#include "devices/reader_error.h"

namespace pd::idsim {
namespace {

using devices::Bytes;
namespace sw3 = devices::sw3;

// The SW3 of the simulator's answer to CMD PARA.
std::uint8_t status(Simulator& sim, std::uint8_t cmd, std::uint8_t para) {
    const Bytes answer = sim.respond(Bytes{cmd, para});
    return answer.at(9);
}

TEST(SimulatorProtocol, FollowsTheModulesRules) {
    Simulator sim(sample_card(devices::CardType::ResidentId));
    EXPECT_EQ(status(sim, 0x11, 0xFF), sw3::kSuccess);
    EXPECT_EQ(status(sim, 0x20, 0x02), sw3::kSelectFailed);  // select before find
    EXPECT_EQ(status(sim, 0x30, 0x01), sw3::kReadFailed);    // read before select
    EXPECT_EQ(status(sim, 0x20, 0x01), sw3::kCardFound);
    EXPECT_EQ(status(sim, 0x20, 0x02), sw3::kSuccess);
    EXPECT_EQ(status(sim, 0x30, 0x01), sw3::kSuccess);
    EXPECT_EQ(status(sim, 0x30, 0x03), sw3::kSuccess);
    EXPECT_EQ(status(sim, 0x20, 0x01), sw3::kNoCard);  // read: lift before it is found again
    sim.lift_card();
    EXPECT_EQ(status(sim, 0x20, 0x01), sw3::kNoCard);
    sim.place_card();
    EXPECT_EQ(status(sim, 0x20, 0x01), sw3::kCardFound);
    EXPECT_EQ(status(sim, 0x55, 0x55), sw3::kUnrecognised);
    EXPECT_EQ(status(sim, 0x60, 0x04), sw3::kSuccess);
    EXPECT_EQ(sim.respond(Bytes{0x11}).at(9), sw3::kCommandLength);
    EXPECT_EQ(sim.commands_served(), 13u);
}

TEST(SimulatorProtocol, ReadResponsesHaveTheSpecsSizes) {
    auto card = sample_card(devices::CardType::ResidentId);
    card.fingerprint = Bytes(1024, 1);
    Simulator sim(card);
    (void)sim.respond(Bytes{0x20, 0x01});
    (void)sim.respond(Bytes{0x20, 0x02});
    EXPECT_EQ(sim.respond(Bytes{0x30, 0x01}).size(), 1295u);
    EXPECT_EQ(sim.respond(Bytes{0x30, 0x10}).size(), 2321u);
    sim.set_fault(Fault::RefuseFingerprint);
    EXPECT_EQ(status(sim, 0x30, 0x10), sw3::kCommandError);
}

TEST(SimulatorControl, ParsesControlLines) {
    Simulator sim(sample_card(devices::CardType::ResidentId));
    EXPECT_EQ(sim.control("lift"), "ok");
    EXPECT_EQ(sim.control("status"), "ok card absent");
    EXPECT_EQ(sim.control("place"), "ok");
    EXPECT_EQ(sim.control("fault slow 2"), "ok");
    EXPECT_EQ(sim.control("status"), "ok card present slow=2");
    EXPECT_EQ(sim.control("clear"), "ok");
    EXPECT_EQ(sim.control("fault meteor"), "error: unknown fault 'meteor'");
    EXPECT_EQ(sim.control("dance"), "error: unknown command 'dance'");
    for (auto f : {Fault::LiftMidRead, Fault::BadChecksum, Fault::SplitFrames, Fault::Garbage,
                   Fault::Silence, Fault::RefuseFingerprint, Fault::Slow}) {
        EXPECT_EQ(parse_fault(to_string(f)), f);
    }
}

TEST(SimulatorControl, AnotherCardIsLaidDownFromItsFile) {
    Simulator sim(sample_card(devices::CardType::ResidentId));
    const auto dir = std::filesystem::temp_directory_path() /
                     ("pd-sim-card-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "relative.json";
    pd::test::write_card_json(file, {"李明", "1", "19800101", "陕西省西安市碑林区测试路3号",
                                     "610103198001010038", "西安市公安局", "20300101"});
    EXPECT_EQ(sim.control("lift"), "ok");
    EXPECT_EQ(sim.control("card " + file.string()), "ok");
    EXPECT_EQ(sim.control("status"), "ok card present");
    // The new card is what a read returns now: its text block carries the relative's number.
    (void)sim.respond(Bytes{0x20, 0x01});
    (void)sim.respond(Bytes{0x20, 0x02});
    const Bytes read = sim.respond(Bytes{0x30, 0x01});
    Bytes number;  // the text block is UCS-2 little-endian
    for (char c : std::string("610103198001010038")) {
        number.push_back(static_cast<std::uint8_t>(c));
        number.push_back(0);
    }
    EXPECT_NE(std::search(read.begin(), read.end(), number.begin(), number.end()), read.end());
    // A bad file changes nothing and says why.
    EXPECT_EQ(sim.control("card").rfind("error: ", 0), 0u);
    EXPECT_EQ(sim.control("card " + (dir / "missing.json").string()).rfind("error: ", 0), 0u);
    EXPECT_EQ(sim.control("status"), "ok card present");
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace pd::idsim
