#include "devices/text_block.h"

#include <gtest/gtest.h>

#include "devices/ucs2.h"
#include "domain/ethnicity.h"
#include "idsim/sim_card.h"

namespace pd::devices {
namespace {

using namespace std::chrono;
constexpr Date kToday{year{2026}, month{12}, day{3}};

CardText round_trip(const CardText& t, Date today = kToday) {
    const Bytes block = build_text_block(t);
    EXPECT_EQ(block.size(), kTextBlockSize);
    return parse_text_block(block, today);
}

TEST(TextBlock, ParsesAResidentIdCard) {
    const auto card = round_trip(idsim::sample_card(CardType::ResidentId).text);
    EXPECT_EQ(card.type, CardType::ResidentId);
    EXPECT_EQ(card.name, "王建国");
    EXPECT_EQ(card.gender, Gender::Male);
    EXPECT_EQ(card.nation_code, "01");
    EXPECT_EQ(card.nation_name, "汉");
    EXPECT_EQ(card.birth_date, (Date{year{1956}, month{7}, day{8}}));
    EXPECT_EQ(card.address, "陕西省西安市碑林区南大街1号");
    EXPECT_EQ(card.id_number, "610103195607081232");
    EXPECT_FALSE(card.id_number_problem);
    EXPECT_EQ(card.issuing_authority, "西安市公安局碑林分局");
    EXPECT_EQ(card.valid_from, (Date{year{2015}, month{7}, day{8}}));
    EXPECT_TRUE(card.long_term);
    EXPECT_FALSE(card.valid_to);
    EXPECT_FALSE(card.expired);
    EXPECT_TRUE(card.problems.empty()) << card.problems.front();
    EXPECT_EQ(card.raw.size(), kTextBlockSize);
}

TEST(TextBlock, FieldOffsetsAreTheSpecs) {
    const Bytes block = build_text_block(idsim::sample_card(CardType::ResidentId).text);
    // Name at 0: 王 is U+738B, stored little-endian.
    EXPECT_EQ(block[0], 0x8B);
    EXPECT_EQ(block[1], 0x73);
    EXPECT_EQ(block[30], '1');  // sex
    EXPECT_EQ(block[32], '0');  // nation "01"
    EXPECT_EQ(block[34], '1');
    EXPECT_EQ(block[36], '1');    // birth 1956...
    EXPECT_EQ(block[122], '6');   // ID number 6101...
    EXPECT_EQ(block[188], '2');   // valid from 2015...
    EXPECT_EQ(block[204], 0x7F);  // 长 U+957F
    EXPECT_EQ(block[205], 0x95);
    EXPECT_EQ(block[248], ' ');
}

TEST(TextBlock, ParsesAHongKongMacauTaiwanPermit) {
    const auto card = round_trip(idsim::sample_card(CardType::HkMacauTaiwanPermit).text);
    EXPECT_EQ(card.type, CardType::HkMacauTaiwanPermit);
    EXPECT_EQ(card.name, "陈大文");
    EXPECT_EQ(card.id_number, "81000019970101001X");
    EXPECT_FALSE(card.id_number_problem);
    EXPECT_EQ(card.pass_number, "H12345678");
    EXPECT_EQ(card.issue_count, "01");
    EXPECT_EQ(card.issuing_authority, "深圳市公安局");
    EXPECT_TRUE(card.nation_code.empty());
    EXPECT_EQ(card.valid_to, (Date{year{2029}, month{1}, day{1}}));
    EXPECT_FALSE(card.expired);
}

TEST(TextBlock, ParsesAForeignersPermanentResidenceCardKeepingInnerSpaces) {
    const auto card = round_trip(idsim::sample_card(CardType::ForeignPermanentResident).text);
    EXPECT_EQ(card.type, CardType::ForeignPermanentResident);
    EXPECT_EQ(card.english_name, "SMITH JOHN WILLIAM");
    EXPECT_EQ(card.name, "史密斯");
    EXPECT_EQ(card.id_number, "USA110078010105");
    EXPECT_EQ(card.nationality_code, "USA");
    EXPECT_EQ(card.birth_date, (Date{year{1978}, month{1}, day{1}}));
    EXPECT_EQ(card.card_version, "01");
    EXPECT_EQ(card.authority_code, "1500");
    EXPECT_FALSE(card.id_number_problem);  // not a GB 11643 number: not checked
    EXPECT_TRUE(card.problems.empty());
}

TEST(TextBlock, LeadingSpacesAreNotPadding) {
    auto t = idsim::sample_card(CardType::ForeignPermanentResident).text;
    t.english_name = " O NEIL  MARY ";
    EXPECT_EQ(round_trip(t).english_name, " O NEIL  MARY");
}

TEST(TextBlock, FlagsAnExpiredCardButNotOneExpiringToday) {
    auto t = idsim::sample_card(CardType::ResidentId).text;
    t.valid_from_raw = "20061203";
    t.valid_to_raw = "20261203";
    EXPECT_FALSE(round_trip(t).expired);
    EXPECT_TRUE(round_trip(t, Date{year{2026}, month{12}, day{4}}).expired);
    t.valid_to_raw = "20200101";
    const auto card = round_trip(t);
    EXPECT_TRUE(card.expired);
    EXPECT_FALSE(card.long_term);
}

TEST(TextBlock, ReportsAnInvalidIdNumberWithTheDomainsReason) {
    auto t = idsim::sample_card(CardType::ResidentId).text;
    t.id_number = "340524198001010013";  // check character should be X
    const auto card = round_trip(t);
    ASSERT_TRUE(card.id_number_problem);
    EXPECT_EQ(card.id_number_problem->code, "id_number.check_character");
    EXPECT_EQ(card.id_number, "340524198001010013");  // kept as read
}

TEST(TextBlock, ReportsBadDatesSexAndNationAsProblems) {
    auto t = idsim::sample_card(CardType::ResidentId).text;
    t.birth_date_raw = "1956x708";
    t.sex_code = "7";
    t.nation_code = "99";
    const auto card = round_trip(t);
    EXPECT_FALSE(card.birth_date);
    EXPECT_FALSE(card.gender);
    EXPECT_TRUE(card.nation_name.empty());
    EXPECT_EQ(card.problems.size(), 3u);
}

TEST(TextBlock, KeepsUnknownLayoutsRaw) {
    const Bytes block = build_text_block(idsim::sample_card(CardType::Unsupported).text);
    const auto card = parse_text_block(block, kToday);
    EXPECT_EQ(card.type, CardType::Unsupported);
    EXPECT_EQ(card.raw, block);
    ASSERT_FALSE(card.problems.empty());
    EXPECT_NE(card.problems[0].find("unsupported card layout"), std::string::npos);
    EXPECT_TRUE(card.name.empty());

    const auto short_block = parse_text_block(Bytes(100, 0x20), kToday);
    EXPECT_EQ(short_block.type, CardType::Unsupported);
    EXPECT_EQ(short_block.raw.size(), 100u);
}

TEST(TextBlock, NulPaddedBlocksReadAsResidentCards) {
    Bytes block = build_text_block(idsim::sample_card(CardType::ResidentId).text);
    std::fill(block.begin() + 220, block.end(), 0);
    EXPECT_EQ(parse_text_block(block, kToday).type, CardType::ResidentId);
}

TEST(Nations, TableMatchesTheSpec) {
    EXPECT_EQ(pd::ethnicity_name("01").value_or(""), "汉");
    EXPECT_EQ(pd::ethnicity_name("05").value_or(""), "维吾尔");
    EXPECT_EQ(pd::ethnicity_name("10").value_or(""), "朝鲜");
    EXPECT_EQ(pd::ethnicity_name("29").value_or(""), "柯尔克孜");
    EXPECT_EQ(pd::ethnicity_name("43").value_or(""), "乌孜别克");
    EXPECT_EQ(pd::ethnicity_name("56").value_or(""), "基诺");
    EXPECT_EQ(pd::ethnicity_name("97").value_or(""), "其他");
    EXPECT_EQ(pd::ethnicity_name("98").value_or(""), "外国血统中国籍人士");
    EXPECT_EQ(pd::ethnicity_name("00").value_or(""), "");
    EXPECT_EQ(pd::ethnicity_name("57").value_or(""), "");
    int known = 0;
    for (int i = 0; i < 100; ++i) {
        const std::string code = (i < 10 ? "0" : "") + std::to_string(i);
        known += pd::ethnicity_name(code).has_value() ? 1 : 0;
    }
    EXPECT_EQ(known, 58);
}

TEST(Ucs2, DecodesSurrogatesAndRejectsNothing) {
    EXPECT_EQ(ucs2::to_utf8(Bytes{0x3D, 0xD8, 0x00, 0xDE}), "\U0001F600");
    EXPECT_EQ(ucs2::to_utf8(Bytes{0x00, 0xD8, 0x41, 0x00}), "\uFFFDA");
    EXPECT_EQ(ucs2::to_utf8(Bytes{0x41, 0x00, 0x42}), "A\uFFFD");
    EXPECT_EQ(ucs2::field(Bytes{0x41, 0x00, 0x20, 0x00, 0x42, 0x00, 0x20, 0x00, 0, 0}), "A B");
    EXPECT_EQ(ucs2::from_utf8("长期", 6), (Bytes{0x7F, 0x95, 0x1F, 0x67, 0x20, 0x00}));
    // Found by fuzzing: characters outside the BMP must survive a build/parse round trip.
    EXPECT_EQ(ucs2::from_utf8("\U0001F600", 4), (Bytes{0x3D, 0xD8, 0x00, 0xDE}));
    EXPECT_EQ(ucs2::from_utf8("A\U0001F600", 4), (Bytes{0x41, 0x00, 0x20, 0x00}));
}

}  // namespace
}  // namespace pd::devices
