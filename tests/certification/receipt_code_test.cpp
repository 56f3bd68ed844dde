#include "domain/receipt_code.h"

#include <gtest/gtest.h>

TEST(ReceiptCode, NumbersCarryValidCheckDigits) {
    pd::UuidGenerator gen(42);
    for (int i = 0; i < 200; ++i) {
        const auto id = gen.next(std::chrono::system_clock::time_point{});
        const auto number = pd::make_receipt_number(id, 2026);
        ASSERT_EQ(number.size(), 20u) << number;
        EXPECT_TRUE(number.starts_with("RZ2026")) << number;
        EXPECT_TRUE(pd::receipt_number_valid(number)) << number;
    }
}

TEST(ReceiptCode, EverySingleCharacterChangeIsCaught) {
    pd::UuidGenerator gen(7);
    const auto number =
        pd::make_receipt_number(gen.next(std::chrono::system_clock::time_point{}), 2026);
    const std::string alphabet = "0123456789ABCDEF";
    for (std::size_t pos = 2; pos < number.size(); ++pos) {
        for (const char c : alphabet) {
            if (c == number[pos]) continue;
            std::string altered = number;
            altered[pos] = c;
            EXPECT_FALSE(pd::receipt_number_valid(altered)) << altered;
        }
    }
}

TEST(ReceiptCode, AcceptsLowerCaseAndSeparatorsRejectsJunk) {
    pd::UuidGenerator gen(9);
    const auto number =
        pd::make_receipt_number(gen.next(std::chrono::system_clock::time_point{}), 2026);
    std::string lower;
    for (const char c : number) lower += static_cast<char>(std::tolower(c));
    EXPECT_TRUE(pd::receipt_number_valid(lower));
    EXPECT_TRUE(pd::receipt_number_valid(number.substr(0, 10) + " - " + number.substr(10)));
    EXPECT_FALSE(pd::receipt_number_valid(""));
    EXPECT_FALSE(pd::receipt_number_valid("RZ"));
    EXPECT_FALSE(pd::receipt_number_valid(number + "0"));
    EXPECT_EQ(pd::receipt_qr_payload(number, "2027-03-14"), "PDRZ1|" + number + "|2027-03-14");
}
