// The driver against the simulator over a real pseudo-terminal: every operation, card type and
// fault.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "devices/discovery.h"
#include "devices/frame.h"
#include "devices/serial_link.h"
#include "sim_fixture.h"

namespace pd::devices {
namespace {

using namespace test;
using idsim::Fault;
using Clock = std::chrono::steady_clock;

class Driver : public SimulatorTest {};

TEST_F(Driver, SamOperations) {
    start();
    auto reader = open_reader();
    EXPECT_TRUE(reader.reset().has_value());
    EXPECT_TRUE(reader.sam_status().has_value());
    auto id = reader.sam_id();
    ASSERT_TRUE(id.has_value()) << id.error().message_en();
    EXPECT_EQ(*id, idsim::sample_card(CardType::ResidentId).sam_id);
}

TEST_F(Driver, SwitchesTheModulesBaudRate) {
    start();
    auto reader = open_reader();
    ASSERT_TRUE(reader.set_module_baud(9600).has_value());
    EXPECT_EQ(reader.options().baud, 9600u);
    EXPECT_TRUE(reader.sam_status().has_value());  // reopened at the new speed
    auto bad = reader.set_module_baud(12345);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().kind, ErrorKind::InvalidArgument);
}

TEST_F(Driver, FindSelectReadAddressStepByStep) {
    start();
    auto reader = open_reader();
    auto found = reader.find_card();
    ASSERT_TRUE(found.has_value()) << found.error().message_en();
    EXPECT_EQ(found->size(), 4u);
    auto selected = reader.select_card();
    ASSERT_TRUE(selected.has_value());
    EXPECT_EQ(selected->size(), 8u);
    auto data = reader.read_data(false);
    ASSERT_TRUE(data.has_value()) << data.error().message_en();
    EXPECT_EQ(data->text.size(), 256u);
    EXPECT_EQ(data->photo.size(), 1024u);
    auto address = reader.read_newest_address();
    ASSERT_TRUE(address.has_value());
    EXPECT_EQ(*address, "陕西省西安市雁塔区长安南路88号");
}

TEST_F(Driver, ReadsAResidentIdCard) {
    start();
    auto reader = open_reader();
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
    EXPECT_EQ(card->text.type, CardType::ResidentId);
    EXPECT_EQ(card->text.name, "王建国");
    EXPECT_EQ(card->text.id_number, "610103195607081232");
    EXPECT_EQ(card->text.nation_name, "汉");
    EXPECT_TRUE(card->text.long_term);
    EXPECT_EQ(card->photo_wlt, idsim::sample_card(CardType::ResidentId).photo);
    EXPECT_EQ(card->newest_address, "陕西省西安市雁塔区长安南路88号");
    EXPECT_TRUE(card->fingerprint.empty());
}

TEST_F(Driver, ReadsAPermitWithoutNewestAddress) {
    start(CardType::HkMacauTaiwanPermit);
    auto reader = open_reader();
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
    EXPECT_EQ(card->text.type, CardType::HkMacauTaiwanPermit);
    EXPECT_EQ(card->text.pass_number, "H12345678");
    EXPECT_FALSE(card->newest_address);  // status 91
    EXPECT_TRUE(card->text.problems.empty());
}

TEST_F(Driver, ReadsAForeignersCard) {
    start(CardType::ForeignPermanentResident);
    auto reader = open_reader();
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
    EXPECT_EQ(card->text.english_name, "SMITH JOHN WILLIAM");
    EXPECT_EQ(card->text.nationality_code, "USA");
}

TEST_F(Driver, ReadsAnUnknownLayoutRaw) {
    start(CardType::Unsupported);
    auto reader = open_reader();
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
    EXPECT_TRUE(card->unsupported_layout());
    EXPECT_EQ(card->text.raw.size(), 256u);
}

TEST_F(Driver, ReadsFingerprintsOfBothSizes) {
    for (std::size_t size : {1024u, 512u}) {
        auto sim_card = idsim::sample_card(CardType::ResidentId);
        sim_card.fingerprint = Bytes(size, 0x42);
        start(sim_card);
        auto options = fast_options(sim_->device_path());
        options.read_fingerprint = true;
        auto reader = open_reader(options);
        auto card = reader.read_card(kToday);
        ASSERT_TRUE(card.has_value()) << card.error().message_en();
        EXPECT_EQ(card->fingerprint.size(), size);
        EXPECT_FALSE(card->fingerprint_refused);
        EXPECT_EQ(card->text.name, "王建国");
    }
}

TEST_F(Driver, FallsBackToThePlainReadWhenTheModuleRefusesFingerprints) {
    auto sim_card = idsim::sample_card(CardType::ResidentId);
    sim_card.fingerprint = Bytes(1024, 0x42);
    start(sim_card);
    sim_->set_fault(Fault::RefuseFingerprint);
    auto options = fast_options(sim_->device_path());
    options.read_fingerprint = true;
    auto reader = open_reader(options);
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
    EXPECT_TRUE(card->fingerprint_refused);
    EXPECT_TRUE(card->fingerprint.empty());
    EXPECT_EQ(card->text.name, "王建国");
}

TEST_F(Driver, NoCardIsAClearError) {
    start();
    sim_->lift_card();
    auto reader = open_reader();
    auto card = reader.read_card(kToday);
    ASSERT_FALSE(card.has_value());
    EXPECT_EQ(card.error().kind, ErrorKind::NoCard);
    EXPECT_EQ(card.error().status, sw3::kNoCard);
    EXPECT_EQ(card.error().message_zh(), "请将身份证放在阅读器上");
}

TEST_F(Driver, TheCardMustBeLiftedBeforeItReadsAgain) {
    start();
    auto reader = open_reader();
    ASSERT_TRUE(reader.read_card(kToday).has_value());
    auto again = reader.read_card(kToday);
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().kind, ErrorKind::NoCard);
    sim_->lift_card();
    sim_->place_card();
    EXPECT_TRUE(reader.read_card(kToday).has_value());
}

TEST_F(Driver, CardLiftedMidRead) {
    start();
    sim_->set_fault(Fault::LiftMidRead, 1);
    auto reader = open_reader();
    auto card = reader.read_card(kToday);
    ASSERT_FALSE(card.has_value());
    EXPECT_EQ(card.error().kind, ErrorKind::CardFailed);
    EXPECT_EQ(card.error().message_zh(), "读卡失败，请重新放置");
    sim_->place_card();
    EXPECT_TRUE(reader.read_card(kToday).has_value());
}

TEST_F(Driver, RetriesOnceAfterABadChecksum) {
    start();
    sim_->set_fault(Fault::BadChecksum, 1);
    auto reader = open_reader();
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
}

TEST_F(Driver, PersistentBadChecksumsAreAProtocolError) {
    start();
    sim_->set_fault(Fault::BadChecksum);
    auto reader = open_reader();
    const auto t0 = Clock::now();
    auto status = reader.sam_status();
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().kind, ErrorKind::Protocol);
    EXPECT_LT(Clock::now() - t0, 250ms);  // fails fast, without waiting out the deadline
    sim_->clear_faults();
    EXPECT_TRUE(reader.sam_status().has_value());
}

TEST_F(Driver, ReassemblesSplitFrames) {
    start();
    sim_->set_fault(Fault::SplitFrames, 3);  // find, select and the 1295-byte read
    auto options = fast_options(sim_->device_path());
    options.read_timeout = 3000ms;  // the read dribbles out over about a second
    auto reader = open_reader(options);
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
    EXPECT_EQ(card->text.name, "王建国");
}

TEST_F(Driver, SkipsGarbageBetweenFrames) {
    start();
    sim_->set_fault(Fault::Garbage);
    auto reader = open_reader();
    for (int i = 0; i < 2; ++i) {
        auto card = reader.read_card(kToday);
        ASSERT_TRUE(card.has_value()) << card.error().message_en();
        EXPECT_EQ(card->text.id_number, "610103195607081232");
        sim_->lift_card();
        sim_->place_card();
    }
}

TEST_F(Driver, SilenceTimesOutOnTime) {
    start();
    sim_->set_fault(Fault::Silence);
    auto reader = open_reader();
    const auto t0 = Clock::now();
    auto found = reader.find_card();
    const auto took = Clock::now() - t0;
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().kind, ErrorKind::Timeout);
    EXPECT_GE(took, 290ms);
    EXPECT_LT(took, 800ms);
}

TEST_F(Driver, SlowResponsesTimeOutAndTheNextExchangeIsClean) {
    start(idsim::sample_card(CardType::ResidentId), 500ms);
    sim_->set_fault(Fault::Slow, 1);
    auto reader = open_reader();
    auto found = reader.find_card();
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().kind, ErrorKind::Timeout);
    std::this_thread::sleep_for(300ms);  // the late answer arrives and must be discarded
    EXPECT_TRUE(reader.sam_status().has_value());
    auto card = reader.read_card(kToday);
    EXPECT_TRUE(card.has_value()) << card.error().message_en();
}

TEST_F(Driver, ALateAnswerIsNotTakenForTheNextOne) {
    start(idsim::sample_card(CardType::ResidentId), 400ms);
    sim_->set_fault(Fault::Slow, 1);
    auto reader = open_reader();
    auto found = reader.find_card();  // times out at 300 ms; the answer comes at 400 ms
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().kind, ErrorKind::Timeout);
    auto selected = reader.select_card();  // sees the late 9F first and must skip it
    ASSERT_TRUE(selected.has_value()) << selected.error().message_en();
    EXPECT_EQ(selected->size(), 8u);
}

TEST(CommandShape, TellsLateAnswersFromOurs) {
    EXPECT_TRUE(command::kFind.fits(0x9F, 4));
    EXPECT_TRUE(command::kFind.fits(0x80, 0));
    EXPECT_FALSE(command::kSelect.fits(0x9F, 4));
    EXPECT_FALSE(command::kSelect.fits(0x90, 0));
    EXPECT_TRUE(command::kSelect.fits(0x81, 0));
    EXPECT_FALSE(command::kReadAddress.fits(0x90, 1288));
    EXPECT_TRUE(command::kReadAddress.fits(0x91, 0));
    EXPECT_TRUE(command::kReadText.fits(0x90, 1284));
    EXPECT_TRUE(command::kSamStatus.fits(0x90, 0));
}

TEST_F(Driver, SlowButInTimeResponsesSucceed) {
    start(idsim::sample_card(CardType::ResidentId), 150ms);
    sim_->set_fault(Fault::Slow);
    auto reader = open_reader();
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
}

TEST_F(Driver, UnknownCommandsGetStatus24) {
    start();
    auto link = SerialLink::open(sim_->device_path());
    ASSERT_TRUE(link.has_value());
    auto r = link->transact(Command{0x55, 0x66, "bogus"}, 300ms);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, sw3::kUnrecognised);
}

TEST_F(Driver, UnplugGivesAClearErrorAndTheDriverRecovers) {
    start();
    auto reader = open_reader();
    ASSERT_TRUE(reader.sam_status().has_value());
    sim_->unplug();
    auto lost = reader.read_card(kToday);
    ASSERT_FALSE(lost.has_value());
    EXPECT_EQ(lost.error().kind, ErrorKind::Disconnected);
    EXPECT_EQ(lost.error().message_zh(), "读卡器已断开，请检查USB连接");
    auto still = reader.sam_status();  // reopening fails while it is away
    ASSERT_FALSE(still.has_value());
    EXPECT_EQ(still.error().kind, ErrorKind::Disconnected);
    sim_->plug();
    auto card = reader.read_card(kToday);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
}

TEST_F(Driver, UnplugMidReadIsDisconnected) {
    start(idsim::sample_card(CardType::ResidentId), 400ms);
    sim_->set_fault(Fault::Slow);
    auto options = fast_options(sim_->device_path());
    options.find_timeout = 1000ms;
    auto reader = open_reader(options);
    std::thread unplugger([&] {
        std::this_thread::sleep_for(150ms);
        sim_->unplug();
    });
    auto card = reader.read_card(kToday);
    unplugger.join();
    ASSERT_FALSE(card.has_value());
    EXPECT_EQ(card.error().kind, ErrorKind::Disconnected) << card.error().message_en();
}

TEST_F(Driver, OpeningAMissingPortIsDisconnected) {
    auto reader = CardReader::open(fast_options("/dev/pd-no-such-reader"));
    ASSERT_FALSE(reader.has_value());
    EXPECT_EQ(reader.error().kind, ErrorKind::Disconnected);
    EXPECT_NE(reader.error().detail.find("/dev/pd-no-such-reader"), std::string::npos);
}

TEST_F(Driver, WaitsForACardToBeLaidDown) {
    start();
    sim_->lift_card();
    auto reader = open_reader();
    std::thread clerk([&] {
        std::this_thread::sleep_for(200ms);
        sim_->place_card();
    });
    auto card = reader.wait_and_read_card(2000ms, kToday);
    clerk.join();
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
}

TEST_F(Driver, ReadOneCardIsTheButtonInOneCall) {
    start(CardType::ForeignPermanentResident);
    auto card = read_one_card(fast_options(sim_->device_path()), 500ms);
    ASSERT_TRUE(card.has_value()) << card.error().message_en();
    EXPECT_EQ(card->text.name, "史密斯");

    sim_->lift_card();
    std::atomic<bool> cancel{true};
    const auto t0 = Clock::now();
    auto none = read_one_card(fast_options(sim_->device_path()), 5000ms, &cancel);
    ASSERT_FALSE(none.has_value());
    EXPECT_EQ(none.error().kind, ErrorKind::NoCard);
    EXPECT_LT(Clock::now() - t0, 1000ms);
}

TEST_F(Driver, DiscoveryFindsThePortThatAnswers) {
    start();
    // A second reader that never answers is skipped after its probe times out.
    idsim::SimOptions mute_options;
    idsim::Simulator mute(idsim::sample_card(CardType::ResidentId), mute_options);
    mute.set_fault(Fault::Silence);
    mute.start();
    auto found = discover_reader(
        {"/dev/pd-no-such-reader", "/dev/null", mute.device_path(), sim_->device_path()},
        kDefaultBaud, 200ms);
    ASSERT_TRUE(found.has_value()) << found.error().message_en();
    EXPECT_EQ(*found, sim_->device_path());

    auto none =
        discover_reader({"/dev/pd-no-such-reader", mute.device_path()}, kDefaultBaud, 100ms);
    ASSERT_FALSE(none.has_value());
    EXPECT_EQ(none.error().kind, ErrorKind::NoReader);

    ReaderOptions options = fast_options("");
    options.extra_candidates = {mute.device_path(), sim_->device_path()};
    auto reader = CardReader::open(options);
    ASSERT_TRUE(reader.has_value()) << reader.error().message_en();
    EXPECT_EQ(reader->port(), sim_->device_path());
}

TEST(Discovery, CandidatesAreUniqueSerialPorts) {
    const auto ports = candidate_ports();
    for (const auto& p : ports) {
        EXPECT_TRUE(p.find("ttyUSB") != std::string::npos ||
                    p.find("ttyACM") != std::string::npos ||
                    p.find("/dev/serial/by-id/") != std::string::npos)
            << p;
    }
    EXPECT_EQ(std::set<std::string>(ports.begin(), ports.end()).size(), ports.size());
}

}  // namespace
}  // namespace pd::devices
