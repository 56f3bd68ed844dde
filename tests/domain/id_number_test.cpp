#include "domain/id_number.h"

#include <gtest/gtest.h>

using namespace std::chrono;
using pd::IdNumber;

namespace {
const pd::Date kToday = 2026y / December / 3;

std::string code_of(std::string_view text) {
    const auto r = IdNumber::parse(text, kToday);
    return r ? "ok" : r.error().code;
}
}  // namespace

// The vectors of the spec (../shared/specs/id-card-reader.md, last section).
TEST(IdNumber, SpecVectors) {
    EXPECT_EQ(code_of("11010519491231002X"), "ok");
    EXPECT_EQ(code_of("440524188001010014"), "ok");
    EXPECT_EQ(code_of("410326199507103197"), "ok");
    const auto bad = IdNumber::parse("340524198001010013", kToday);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, "id_number.check_character");
    EXPECT_EQ(bad.error().args.at(0), "X");
    EXPECT_EQ(bad.error().field, "id_number");
    EXPECT_NE(bad.error().message().find("should be X"), std::string::npos);
}

TEST(IdNumber, LegacyFifteenDigitNumbersAreConverted) {
    EXPECT_EQ(IdNumber::parse("130503670401001", kToday)->str(), "130503196704010016");
    EXPECT_EQ(IdNumber::parse("110105491231002", kToday)->str(), "11010519491231002X");
}

TEST(IdNumber, LowerCaseXIsNormalisedAndBlanksTrimmed) {
    const auto r = IdNumber::parse("  11010519491231002x ", kToday);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->str(), "11010519491231002X");
}

TEST(IdNumber, EveryRejectionNamesItsReason) {
    const auto len = IdNumber::parse("1101051949123100", kToday);
    ASSERT_FALSE(len);
    EXPECT_EQ(len.error().code, "id_number.length");
    EXPECT_EQ(len.error().args.at(0), "16");

    const auto ch = IdNumber::parse("1101051949A231002X", kToday);
    ASSERT_FALSE(ch);
    EXPECT_EQ(ch.error().code, "id_number.character");
    EXPECT_EQ(ch.error().args.at(0), "11");
    EXPECT_EQ(ch.error().args.at(1), "A");

    const auto last = IdNumber::parse("11010519491231002Y", kToday);
    ASSERT_FALSE(last);
    EXPECT_EQ(last.error().code, "id_number.character");

    EXPECT_EQ(code_of("110105194902300021"), "id_number.date");      // 30 February
    EXPECT_EQ(code_of("990105194912310021"), "id_number.province");  // 99 is no province
    EXPECT_EQ(code_of("110105203001010011"), "id_number.future_date");
    EXPECT_EQ(code_of("１１０１０５１９４９１２３１００２Ｘ"), "id_number.character");
    EXPECT_EQ(code_of(""), "id_number.length");
    EXPECT_EQ(code_of(std::string("11010519491231002\0", 18)), "id_number.character");
}

TEST(IdNumber, DerivedFields) {
    const auto r = IdNumber::parse("11010519491231002X", kToday).value();
    EXPECT_EQ(r.birth_date(), 1949y / December / 31);
    EXPECT_EQ(r.gender(), pd::Gender::Female);  // 17th digit 2 is even
    EXPECT_EQ(IdNumber::parse("440524188001010014", kToday)->gender(), pd::Gender::Male);
    EXPECT_EQ(r.masked(), "1101**********002X");
    EXPECT_EQ(pd::province_name(r.province_code()), "北京");
    EXPECT_EQ(pd::province_name("61"), "陕西");
}

TEST(IdNumber, CheckCharacterAgreesWithEveryValidVector) {
    for (const std::string v : {"11010519491231002X", "440524188001010014", "410326199507103197"}) {
        EXPECT_EQ(IdNumber::check_character(v), v[17]) << v;
    }
}
