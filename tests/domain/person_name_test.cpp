#include "domain/person_name.h"

#include <gtest/gtest.h>

#include "text/opencc_script_checker.h"

using pd::PersonName;

namespace {
const pd::ScriptChecker& script() {
    static const pd::text::OpenccScriptChecker checker;
    return checker;
}
pd::Expected<PersonName> parse(std::string_view s) {
    return PersonName::parse(s, script());
}
}  // namespace

TEST(PersonName, TrimsAndFoldsFullWidthForms) {
    EXPECT_EQ(parse("  张三　")->str(), "张三");
    EXPECT_EQ(parse("ＪＯＨＮ SMITH")->str(), "JOHN SMITH");
}

TEST(PersonName, MiddleDotOfMinorityNamesAndItsLookAlikes) {
    EXPECT_EQ(parse("买买提·艾力")->str(), "买买提·艾力");
    EXPECT_EQ(parse("买买提・艾力")->str(), "买买提·艾力");  // katakana dot
    EXPECT_EQ(parse("买买提•艾力")->str(), "买买提·艾力");   // bullet
    EXPECT_EQ(parse("·艾力").error().code, "name.dot");
    EXPECT_EQ(parse("买买提··艾力").error().code, "name.dot");
}

TEST(PersonName, TraditionalCharactersAreNamedWithTheirSimplifiedForms) {
    const auto r = parse("張國華");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "name.traditional");
    const auto msg = r.error().message();
    EXPECT_NE(msg.find("張→张"), std::string::npos) << msg;
    EXPECT_NE(msg.find("國→国"), std::string::npos) << msg;
    EXPECT_NE(msg.find("華→华"), std::string::npos) << msg;
    EXPECT_NE(msg.find("not found"), std::string::npos) << msg;
}

TEST(PersonName, CharactersTheStandardKeepsForNamesAreAccepted) {
    EXPECT_TRUE(parse("乾隆"));
    EXPECT_TRUE(parse("於梨华"));
}

TEST(PersonName, BadCharactersAreRefusedWithPosition) {
    EXPECT_EQ(parse("").error().code, "name.empty");
    EXPECT_EQ(parse("   ").error().code, "name.empty");
    const auto digit = parse("张3");
    EXPECT_EQ(digit.error().code, "name.digit");
    EXPECT_EQ(digit.error().args.at(0), "2");
    EXPECT_EQ(parse("张\x01三").error().code, "name.control");
    EXPECT_EQ(parse("张\xff三").error().code, "name.encoding");
    EXPECT_EQ(parse("张@三").error().code, "name.character");
    EXPECT_EQ(parse("张 三").error().code, "name.space");
    EXPECT_EQ(parse("张San").error().code, "name.mixed");
    EXPECT_EQ(parse(std::string(61, 'A')).error().code, "name.length");
}
