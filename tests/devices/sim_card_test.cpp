#include "idsim/sim_card.h"

#include <gtest/gtest.h>

#include "devices/text_block.h"

namespace pd::idsim {
namespace {

using devices::CardType;
using namespace std::chrono;
constexpr Date kToday{year{2026}, month{12}, day{3}};

const std::string kCards = std::string(PD_DEVICES_TEST_DIR) + "/cards/";

TEST(SimCard, LoadsAResidentCardFile) {
    const auto card = load_card_file(kCards + "resident_expired.json");
    EXPECT_TRUE(card.present);
    EXPECT_FALSE(card.newest_address);
    EXPECT_EQ(card.fingerprint.size(), 512u);
    const auto text = devices::parse_text_block(card.text_block(), kToday);
    EXPECT_EQ(text.name, "李秀英");
    EXPECT_EQ(text.nation_name, "回");
    EXPECT_EQ(text.gender, Gender::Female);
    EXPECT_TRUE(text.expired);
    EXPECT_FALSE(text.id_number_problem);
}

TEST(SimCard, LoadsAForeignersCardLyingOffTheReader) {
    const auto card = load_card_file(kCards + "foreigner_absent.json");
    EXPECT_FALSE(card.present);
    const auto text = devices::parse_text_block(card.text_block(), kToday);
    EXPECT_EQ(text.type, CardType::ForeignPermanentResident);
    EXPECT_EQ(text.english_name, "GARCIA MARIA ELENA");
    EXPECT_EQ(text.id_number, "ESP440061010101");
}

TEST(SimCard, RawTextIsSentVerbatim) {
    const std::string hex(512, 'a');
    const auto card = parse_card_json(R"({"raw_text_hex": ")" + hex + R"("})");
    EXPECT_EQ(card.text_block(), devices::Bytes(256, 0xAA));
}

TEST(SimCard, RejectsBadJsonNamingTheKey) {
    auto message = [](std::string_view json) {
        try {
            (void)parse_card_json(json);
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(message("{").find("card JSON"), std::string::npos);
    EXPECT_NE(message("[]").find("object"), std::string::npos);
    EXPECT_NE(message(R"({"type": "passport"})").find("passport"), std::string::npos);
    EXPECT_NE(message(R"({"name": 5})").find("name"), std::string::npos);
    EXPECT_NE(message(R"({"fingerprint_bytes": 7})").find("fingerprint_bytes"), std::string::npos);
    EXPECT_NE(message(R"({"photo_hex": "zz"})").find("photo_hex"), std::string::npos);
    EXPECT_NE(message(R"({"present": "yes"})").find("present"), std::string::npos);
    EXPECT_THROW((void)load_card_file(kCards + "missing.json"), std::runtime_error);
}

}  // namespace
}  // namespace pd::idsim
