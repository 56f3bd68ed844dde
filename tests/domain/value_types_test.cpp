#include <gtest/gtest.h>

#include "domain/clock.h"
#include "domain/money.h"
#include "domain/phone.h"
#include "domain/utf8.h"
#include "domain/uuid.h"

using namespace std::chrono;

TEST(MobilePhone, AcceptsCommonWritingsAndRefusesTheRest) {
    EXPECT_EQ(pd::MobilePhone::parse("139 1234 5678")->str(), "13912345678");
    EXPECT_EQ(pd::MobilePhone::parse("+86 139-1234-5678")->str(), "13912345678");
    EXPECT_EQ(pd::MobilePhone::parse("008613912345678")->str(), "13912345678");
    EXPECT_EQ(pd::MobilePhone::parse("1391234567").error().code, "phone.length");
    EXPECT_EQ(pd::MobilePhone::parse("12912345678").error().code, "phone.prefix");
    EXPECT_EQ(pd::MobilePhone::parse("029-8888888").error().code, "phone.length");
    EXPECT_EQ(pd::MobilePhone::parse("1391234567a").error().code, "phone.character");
}

TEST(Fen, ParsesYuanExactlyAndNeverFloats) {
    EXPECT_EQ(pd::Fen::parse_yuan("1234.56")->value, 123456);
    EXPECT_EQ(pd::Fen::parse_yuan("1,234.5")->value, 123450);
    EXPECT_EQ(pd::Fen::parse_yuan("-3")->value, -300);
    EXPECT_EQ(pd::Fen::parse_yuan("0.1")->value, 10);
    EXPECT_EQ(pd::Fen::parse_yuan("1.234").error().code, "amount.decimals");
    EXPECT_EQ(pd::Fen::parse_yuan("1.2.3").error().code, "amount.format");
    EXPECT_EQ(pd::Fen::parse_yuan("12a").error().code, "amount.character");
    EXPECT_EQ(pd::Fen::parse_yuan("").error().code, "amount.empty");
    EXPECT_EQ(pd::Fen::parse_yuan("99999999999999999999").error().code, "amount.range");
    EXPECT_EQ((pd::Fen{123450}).to_yuan_string(), "1234.50");
    EXPECT_EQ((pd::Fen{-5}).to_yuan_string(), "-0.05");
}

TEST(Uuid, Version7IsTimeOrderedAndRoundTrips) {
    pd::UuidGenerator gen(1);
    const auto t0 = sys_days{2026y / December / 3} + hours{1};
    const auto a = gen.next(t0);
    const auto b = gen.next(t0 + milliseconds{1});
    EXPECT_LT(a, b);
    EXPECT_EQ(a.str()[14], '7');
    EXPECT_EQ(pd::Uuid::parse(a.str()), a);
    EXPECT_FALSE(pd::Uuid::parse("not-a-uuid"));
    EXPECT_FALSE(pd::Uuid::parse("01890a5d-ac96-774b-bcce-b302099a805g"));
}

TEST(Utf8, StrictDecoding) {
    EXPECT_EQ(pd::utf8::decode("张三")->size(), 2u);
    std::size_t bad = 0;
    EXPECT_FALSE(pd::utf8::decode("ab\xC0\x80", &bad));  // overlong NUL
    EXPECT_EQ(bad, 2u);
    EXPECT_FALSE(pd::utf8::decode("\xED\xA0\x80"));  // surrogate
    EXPECT_FALSE(pd::utf8::decode("\xE5\xBC"));      // truncated
    EXPECT_EQ(pd::utf8::encode(U"张·三"), "张·三");
}

TEST(Clock, UtcIsoWithMilliseconds) {
    const auto t =
        sys_days{2026y / December / 3} + hours{12} + minutes{38} + seconds{20} + milliseconds{123};
    EXPECT_EQ(pd::to_utc_iso(t), "2026-12-03T12:38:20.123Z");
    pd::ManualClock clock(t);
    EXPECT_EQ(clock.today(), 2026y / December / 3);
}
