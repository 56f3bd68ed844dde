#pragma once

#include <optional>
#include <string>
#include <vector>

#include "devices/frame.h"
#include "domain/date.h"
#include "domain/error.h"
#include "domain/gender.h"

namespace pd::devices {

inline constexpr std::size_t kTextBlockSize = 256;

enum class CardType {
    ResidentId,                // 居民身份证
    HkMacauTaiwanPermit,       // 港澳台居民居住证, type character 'J'
    ForeignPermanentResident,  // 外国人永久居留身份证 (2017 layout), type character 'I'
    Unsupported,               // a layout we do not know (e.g. the unpublished 2023 one)
};

[[nodiscard]] std::string_view to_string(CardType type);
// 居民身份证 / 港澳台居民居住证 / 外国人永久居留身份证 / 未知证件
[[nodiscard]] std::string_view display_name_zh(CardType type);

// The fields of the 256-byte text block, as UTF-8 with trailing padding removed. Fields a card
// type does not have stay empty. The *_raw strings are what the card holds; the parsed values
// are empty when the raw text is not a valid date.
struct CardText {
    CardType type = CardType::ResidentId;
    std::string name;          // Chinese name (every type; the foreigner's card may lack one)
    std::string english_name;  // foreigner's card
    std::string sex_code;      // "1" male, "2" female, "0" unknown, "9" unspecified
    std::optional<Gender> gender;
    std::string nation_code;       // resident ID: two digits
    std::string nation_name;       // 汉, 蒙古, ... empty when the code is not in the table
    std::string nationality_code;  // foreigner's card: ISO 3166 alpha-3
    std::string birth_date_raw;
    std::optional<Date> birth_date;
    std::string address;
    // Resident ID and J permit: the 18-character citizen ID number. Foreigner's card: the card
    // number (15 characters in the 2017 layout; not a GB 11643 number).
    std::string id_number;
    // Why IdNumber::parse rejected the number (resident ID and J permit only).
    std::optional<pd::Error> id_number_problem;
    std::string issuing_authority;  // resident ID and J permit
    std::string authority_code;     // foreigner's card
    std::string valid_from_raw;
    std::optional<Date> valid_from;
    std::string valid_to_raw;  // YYYYMMDD or 长期
    std::optional<Date> valid_to;
    bool long_term = false;    // valid_to is 长期
    bool expired = false;      // valid_to is before the `today` given to the parser
    std::string pass_number;   // J permit: 通行证号码
    std::string issue_count;   // J permit: 签发次数
    std::string card_version;  // foreigner's card
    // Fields that did not parse ("birth_date: '1949x231' is not a date"); the card still reads.
    std::vector<std::string> problems;
    Bytes raw;  // the text block as read, always kept
};

// Parses a text block read from a card. Never fails: a block of the wrong size or with an unknown
// type character gives type Unsupported with the raw bytes kept and a problem noted.
[[nodiscard]] CardText parse_text_block(ByteView block, Date today);

// The inverse, for the simulator and tests: lays the fields of `card` out as the card stores them
// (type from card.type; raw strings are written as given).
[[nodiscard]] Bytes build_text_block(const CardText& card);

// The 70-byte newest-address record (UCS-2LE) to UTF-8, trailing padding removed.
[[nodiscard]] std::string parse_newest_address(ByteView bytes);

}  // namespace pd::devices
