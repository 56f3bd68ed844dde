#include "devices/text_block.h"

#include "devices/reader_error.h"
#include "devices/ucs2.h"
#include "domain/ethnicity.h"
#include "domain/id_number.h"

namespace pd::devices {

namespace {

// Offsets and sizes in bytes (spec "The 256-byte text block").
struct Span {
    std::size_t offset;
    std::size_t size;
};

namespace resident {
constexpr Span kName{0, 30}, kSex{30, 2}, kNation{32, 4}, kBirth{36, 16}, kAddress{52, 70},
    kId{122, 36}, kAuthority{158, 30}, kFrom{188, 16}, kTo{204, 16};
}
namespace permit {  // type J; name/sex/birth/address/id/authority/validity as resident
constexpr Span kPass{220, 18}, kIssueCount{238, 4}, kType{248, 2};
}
namespace foreign {  // type I
constexpr Span kEnglishName{0, 120}, kSex{120, 2}, kCardNumber{122, 30}, kNationality{152, 6},
    kName{158, 30}, kFrom{188, 16}, kTo{204, 16}, kBirth{220, 16}, kVersion{236, 4},
    kAuthority{240, 8}, kType{248, 2};
}

constexpr std::string_view kLongTerm = "长期";

std::string get(ByteView block, Span s) {
    return ucs2::field(block.subspan(s.offset, s.size));
}

void put(Bytes& block, Span s, std::string_view text) {
    const auto bytes = ucs2::from_utf8(text, s.size);
    std::copy(bytes.begin(), bytes.end(), block.begin() + static_cast<std::ptrdiff_t>(s.offset));
}

std::optional<Date> date_field(CardText& card, std::string_view name, const std::string& raw) {
    if (raw.empty()) return std::nullopt;
    auto d = parse_compact_date(raw);
    if (!d) card.problems.push_back(std::string(name) + ": '" + raw + "' is not a date");
    return d;
}

void parse_sex(CardText& card) {
    if (card.sex_code == "1") {
        card.gender = Gender::Male;
    } else if (card.sex_code == "2") {
        card.gender = Gender::Female;
    } else if (card.sex_code != "0" && card.sex_code != "9") {
        card.problems.push_back("sex: '" + card.sex_code + "' is not a sex code");
    }
}

void parse_validity(CardText& card, Date today) {
    card.valid_from = date_field(card, "valid_from", card.valid_from_raw);
    if (card.valid_to_raw == kLongTerm) {
        card.long_term = true;
    } else {
        card.valid_to = date_field(card, "valid_to", card.valid_to_raw);
        card.expired = card.valid_to && *card.valid_to < today;
    }
}

void check_id_number(CardText& card, Date today) {
    auto id = IdNumber::parse(card.id_number, today);
    if (!id) {
        card.id_number_problem = id.error();
        card.problems.push_back("id_number: " + id.error().message());
    }
}

char type_character(ByteView block) {
    // One UCS-2 character; anything outside ASCII is just "not I or J".
    if (block[249] != 0) return '?';
    return static_cast<char>(block[248]);
}

}  // namespace

std::string_view to_string(CardType type) {
    switch (type) {
        case CardType::ResidentId:
            return "resident_id";
        case CardType::HkMacauTaiwanPermit:
            return "hk_macau_taiwan_permit";
        case CardType::ForeignPermanentResident:
            return "foreign_permanent_resident";
        case CardType::Unsupported:
            return "unsupported";
    }
    return "unsupported";
}

std::string_view display_name_zh(CardType type) {
    switch (type) {
        case CardType::ResidentId:
            return "居民身份证";
        case CardType::HkMacauTaiwanPermit:
            return "港澳台居民居住证";
        case CardType::ForeignPermanentResident:
            return "外国人永久居留身份证";
        case CardType::Unsupported:
            return "未知证件";
    }
    return "未知证件";
}

CardText parse_text_block(ByteView block, Date today) {
    CardText card;
    card.raw.assign(block.begin(), block.end());
    if (block.size() != kTextBlockSize) {
        card.type = CardType::Unsupported;
        card.problems.push_back("unsupported card layout: text block of " +
                                std::to_string(block.size()) + " bytes, expected 256");
        return card;
    }
    const char type = type_character(block);
    if (type == 'I') {
        using namespace foreign;
        card.type = CardType::ForeignPermanentResident;
        card.english_name = get(block, kEnglishName);
        card.sex_code = get(block, kSex);
        card.id_number = get(block, kCardNumber);
        card.nationality_code = get(block, kNationality);
        card.name = get(block, kName);
        card.valid_from_raw = get(block, kFrom);
        card.valid_to_raw = get(block, kTo);
        card.birth_date_raw = get(block, kBirth);
        card.card_version = get(block, kVersion);
        card.authority_code = get(block, kAuthority);
        parse_sex(card);
        card.birth_date = date_field(card, "birth_date", card.birth_date_raw);
        parse_validity(card, today);
        return card;
    }
    if (type != 'J' && type != ' ' && type != '\0') {
        card.type = CardType::Unsupported;
        card.problems.push_back("unsupported card layout: type character " +
                                hex_byte(static_cast<std::uint8_t>(type)));
        return card;
    }
    using namespace resident;
    card.type = type == 'J' ? CardType::HkMacauTaiwanPermit : CardType::ResidentId;
    card.name = get(block, kName);
    card.sex_code = get(block, kSex);
    card.birth_date_raw = get(block, kBirth);
    card.address = get(block, kAddress);
    card.id_number = get(block, kId);
    card.issuing_authority = get(block, kAuthority);
    card.valid_from_raw = get(block, kFrom);
    card.valid_to_raw = get(block, kTo);
    parse_sex(card);
    if (card.type == CardType::ResidentId) {
        card.nation_code = get(block, kNation);
        card.nation_name = std::string(pd::ethnicity_name(card.nation_code).value_or(""));
        if (card.nation_name.empty()) {
            card.problems.push_back("nation: '" + card.nation_code + "' is not a nation code");
        }
    } else {
        card.pass_number = get(block, permit::kPass);
        card.issue_count = get(block, permit::kIssueCount);
    }
    card.birth_date = date_field(card, "birth_date", card.birth_date_raw);
    parse_validity(card, today);
    check_id_number(card, today);
    return card;
}

Bytes build_text_block(const CardText& card) {
    Bytes block = ucs2::from_utf8("", kTextBlockSize);
    if (card.type == CardType::ForeignPermanentResident) {
        using namespace foreign;
        put(block, kEnglishName, card.english_name);
        put(block, kSex, card.sex_code);
        put(block, kCardNumber, card.id_number);
        put(block, kNationality, card.nationality_code);
        put(block, kName, card.name);
        put(block, kFrom, card.valid_from_raw);
        put(block, kTo, card.valid_to_raw);
        put(block, kBirth, card.birth_date_raw);
        put(block, kVersion, card.card_version);
        put(block, kAuthority, card.authority_code);
        put(block, kType, "I");
        return block;
    }
    if (card.type == CardType::Unsupported) {
        // Keep whatever raw bytes were given, so a test can hand the reader any block.
        if (!card.raw.empty()) {
            Bytes raw = card.raw;
            raw.resize(kTextBlockSize, 0);
            return raw;
        }
        put(block, permit::kType, "Y");
        return block;
    }
    using namespace resident;
    put(block, kName, card.name);
    put(block, kSex, card.sex_code);
    put(block, kBirth, card.birth_date_raw);
    put(block, kAddress, card.address);
    put(block, kId, card.id_number);
    put(block, kAuthority, card.issuing_authority);
    put(block, kFrom, card.valid_from_raw);
    put(block, kTo, card.valid_to_raw);
    if (card.type == CardType::ResidentId) {
        put(block, kNation, card.nation_code);
    } else {
        put(block, permit::kPass, card.pass_number);
        put(block, permit::kIssueCount, card.issue_count);
        put(block, permit::kType, "J");
    }
    return block;
}

std::string parse_newest_address(ByteView bytes) {
    return ucs2::field(bytes);
}

}  // namespace pd::devices
