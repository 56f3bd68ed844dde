#include "devices/reader_error.h"

#include <gtest/gtest.h>

#include "devices/read_card_command.h"

namespace pd::devices {
namespace {

TEST(ReaderError, NoCardAndReadFailureSpeakToTheClerk) {
    const auto no_card = status_error(sw3::kNoCard);
    EXPECT_EQ(no_card.kind, ErrorKind::NoCard);
    EXPECT_EQ(no_card.message_zh(), "请将身份证放在阅读器上");
    EXPECT_NE(no_card.message_en().find("no card"), std::string::npos);
    EXPECT_NE(no_card.message_en().find("0x80"), std::string::npos);

    const auto failed = status_error(sw3::kReadFailed, "read text+photo");
    EXPECT_EQ(failed.kind, ErrorKind::CardFailed);
    EXPECT_EQ(failed.message_zh(), "读卡失败，请重新放置");
    EXPECT_NE(failed.message_en().find("read text+photo"), std::string::npos);
}

TEST(ReaderError, EveryStatusOfTheSpecHasItsOwnMessages) {
    const std::uint8_t codes[] = {0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33,
                                  0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81};
    const auto unknown_zh = status_message_zh(0x77);
    for (auto c : codes) {
        EXPECT_NE(status_message_zh(c), unknown_zh) << hex_byte(c);
        EXPECT_EQ(status_message_en(c).find("unknown status"), std::string::npos) << hex_byte(c);
        EXPECT_NE(status_error(c).message_zh(), "") << hex_byte(c);
    }
    EXPECT_EQ(kind_of_status(0x81), ErrorKind::CardFailed);
    EXPECT_EQ(kind_of_status(0x66), ErrorKind::ModuleFailed);
    EXPECT_EQ(kind_of_status(0x77), ErrorKind::ModuleFailed);
    EXPECT_NE(unknown_zh.find("0x77"), std::string::npos);
}

TEST(ReaderError, KindsWithoutStatusHaveMessagesAndExitCodes) {
    for (auto k : {ErrorKind::NoCard, ErrorKind::CardFailed, ErrorKind::ModuleFailed,
                   ErrorKind::Timeout, ErrorKind::Disconnected, ErrorKind::NoReader,
                   ErrorKind::Protocol, ErrorKind::PhotoUnavailable, ErrorKind::InvalidArgument}) {
        ReaderError e{k, std::nullopt, ""};
        EXPECT_FALSE(e.message_zh().empty());
        EXPECT_FALSE(e.message_en().empty());
        EXPECT_NE(to_string(k), "unknown");
    }
    EXPECT_EQ(exit_code_for(ErrorKind::NoCard), 3);
    EXPECT_EQ(exit_code_for(ErrorKind::Timeout), 6);
    EXPECT_EQ(exit_code_for(ErrorKind::Disconnected), 7);
    EXPECT_EQ((ReaderError{ErrorKind::PhotoUnavailable, std::nullopt, ""}.message_en()),
              "chip photo not available");
}

}  // namespace
}  // namespace pd::devices
