#include "devices/read_card_command.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>

#include "sim_fixture.h"

namespace pd::devices {
namespace {

using namespace test;

class ReadCardCommand : public SimulatorTest {
  protected:
    int run(std::vector<std::string> args) {
        out_.str("");
        err_.str("");
        return run_read_card_command(args, out_, err_);
    }
    std::ostringstream out_, err_;
};

TEST_F(ReadCardCommand, PrintsTheCardsFields) {
    start();
    ASSERT_EQ(run({"--port", sim_->device_path()}), exit_code::kOk) << err_.str();
    const auto text = out_.str();
    EXPECT_NE(text.find("name: 王建国"), std::string::npos) << text;
    EXPECT_NE(text.find("id number: 610103195607081232"), std::string::npos);
    EXPECT_NE(text.find("nation: 汉 (01)"), std::string::npos);
    EXPECT_NE(text.find("long-term"), std::string::npos);
    EXPECT_NE(text.find("chip photo not available"), std::string::npos);
}

TEST_F(ReadCardCommand, PrintsJson) {
    start(CardType::HkMacauTaiwanPermit);
    ASSERT_EQ(run({"--port", sim_->device_path(), "--json", "--baud", "115200"}), exit_code::kOk)
        << err_.str();
    const auto doc = boost::json::parse(out_.str()).as_object();
    EXPECT_EQ(doc.at("card_type").as_string(), "hk_macau_taiwan_permit");
    EXPECT_EQ(doc.at("name").as_string(), "陈大文");
    EXPECT_EQ(doc.at("id_number_valid").as_bool(), true);
    EXPECT_EQ(doc.at("expired").as_bool(), false);
    EXPECT_EQ(doc.at("photo_wlt_hex").as_string().size(), 2048u);
}

TEST_F(ReadCardCommand, ExitStatusPerFailureClass) {
    start();
    sim_->lift_card();
    EXPECT_EQ(run({"--port", sim_->device_path(), "--timeout-ms", "0"}), exit_code::kNoCard);
    EXPECT_NE(err_.str().find("请将身份证放在阅读器上"), std::string::npos) << err_.str();

    sim_->place_card();
    sim_->set_fault(idsim::Fault::LiftMidRead, 1);
    EXPECT_EQ(run({"--port", sim_->device_path(), "--timeout-ms", "0"}), exit_code::kCardFailed);
    EXPECT_NE(err_.str().find("读卡失败，请重新放置"), std::string::npos);

    EXPECT_EQ(run({"--port", "/dev/pd-no-such-reader"}), exit_code::kNoReader);
    EXPECT_EQ(run({"--bogus"}), exit_code::kUsage);
    EXPECT_EQ(run({"--baud", "fast"}), exit_code::kUsage);
    EXPECT_EQ(run({"--port"}), exit_code::kUsage);
    EXPECT_EQ(run({"--help"}), exit_code::kOk);
}

TEST_F(ReadCardCommand, WaitsForTheCardWithinTheTimeout) {
    start();
    sim_->lift_card();
    std::thread clerk([&] {
        std::this_thread::sleep_for(300ms);
        sim_->place_card();
    });
    const int status = run({"--port", sim_->device_path(), "--timeout-ms", "3000"});
    clerk.join();
    EXPECT_EQ(status, exit_code::kOk) << err_.str();
}

TEST_F(ReadCardCommand, UnsupportedLayoutPrintsRawBytes) {
    start(CardType::Unsupported);
    EXPECT_EQ(run({"--port", sim_->device_path()}), exit_code::kUnsupportedCard);
    EXPECT_NE(out_.str().find("unsupported card layout"), std::string::npos);
}

}  // namespace
}  // namespace pd::devices
