#include "idsim/sim_card.h"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pd::idsim {

namespace json = boost::json;
using devices::CardType;

namespace {

Bytes pattern(std::size_t size, std::uint8_t seed) {
    Bytes out(size);
    for (std::size_t i = 0; i < size; ++i) {
        out[i] = static_cast<std::uint8_t>((i * 31 + seed) & 0xFF);
    }
    return out;
}

Bytes from_hex(std::string_view hex, std::string_view key) {
    auto nibble = [&](char c) -> std::uint8_t {
        if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(c - '0');
        if (c >= 'a' && c <= 'f') return static_cast<std::uint8_t>(c - 'a' + 10);
        if (c >= 'A' && c <= 'F') return static_cast<std::uint8_t>(c - 'A' + 10);
        throw std::runtime_error(std::string(key) + ": not hexadecimal");
    };
    if (hex.size() % 2 != 0) throw std::runtime_error(std::string(key) + ": odd hex length");
    Bytes out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        out.push_back(static_cast<std::uint8_t>((nibble(hex[i]) << 4) | nibble(hex[i + 1])));
    }
    return out;
}

std::optional<CardType> card_type_from(std::string_view name) {
    for (auto t : {CardType::ResidentId, CardType::HkMacauTaiwanPermit,
                   CardType::ForeignPermanentResident, CardType::Unsupported}) {
        if (devices::to_string(t) == name) return t;
    }
    return std::nullopt;
}

}  // namespace

Bytes SimCard::text_block() const {
    return devices::build_text_block(text);
}

SimCard sample_card(CardType type) {
    SimCard card;
    card.photo = pattern(1024, 7);
    card.sam_id = pattern(16, 1);
    auto& t = card.text;
    t.type = type;
    switch (type) {
        case CardType::ResidentId:
            t.name = "王建国";
            t.sex_code = "1";
            t.nation_code = "01";
            t.birth_date_raw = "19560708";
            t.address = "陕西省西安市碑林区南大街1号";
            t.id_number = "610103195607081232";
            t.issuing_authority = "西安市公安局碑林分局";
            t.valid_from_raw = "20150708";
            t.valid_to_raw = "长期";
            card.newest_address = "陕西省西安市雁塔区长安南路88号";
            break;
        case CardType::HkMacauTaiwanPermit:
            t.name = "陈大文";
            t.sex_code = "1";
            t.birth_date_raw = "19970101";
            t.address = "广东省深圳市福田区福华路3号";
            t.id_number = "81000019970101001X";
            t.issuing_authority = "深圳市公安局";
            t.valid_from_raw = "20240101";
            t.valid_to_raw = "20290101";
            t.pass_number = "H12345678";
            t.issue_count = "01";
            break;
        case CardType::ForeignPermanentResident:
            t.english_name = "SMITH JOHN WILLIAM";
            t.name = "史密斯";
            t.sex_code = "1";
            t.id_number = "USA110078010105";
            t.nationality_code = "USA";
            t.birth_date_raw = "19780101";
            t.valid_from_raw = "20200101";
            t.valid_to_raw = "20300101";
            t.card_version = "01";
            t.authority_code = "1500";
            break;
        case CardType::Unsupported:
            t.raw.clear();  // build_text_block marks it with type character 'Y'
            break;
    }
    return card;
}

SimCard parse_card_json(std::string_view text) {
    json::value doc;
    try {
        doc = json::parse(text);
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("card JSON: ") + e.what());
    }
    if (!doc.is_object()) throw std::runtime_error("card JSON: expected an object");
    const json::object& o = doc.as_object();

    CardType type = CardType::ResidentId;
    if (auto* v = o.if_contains("type")) {
        if (!v->is_string()) throw std::runtime_error("card JSON: type must be a string");
        auto t = card_type_from(v->as_string());
        if (!t)
            throw std::runtime_error("card JSON: unknown type '" + std::string(v->as_string()) +
                                     "'");
        type = *t;
    }
    SimCard card = sample_card(type);
    auto string_of = [&](std::string_view key) -> std::optional<std::string> {
        const auto* v = o.if_contains(key);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_string())
            throw std::runtime_error("card JSON: " + std::string(key) + " must be a string");
        return std::string(v->as_string());
    };
    auto set = [&](std::string_view key, std::string& field) {
        if (auto s = string_of(key)) field = *s;
    };
    auto& t = card.text;
    set("name", t.name);
    set("english_name", t.english_name);
    set("sex", t.sex_code);
    set("nation", t.nation_code);
    set("nationality", t.nationality_code);
    set("birth_date", t.birth_date_raw);
    set("address", t.address);
    set("id_number", t.id_number);
    set("card_number", t.id_number);
    set("issuing_authority", t.issuing_authority);
    set("authority_code", t.authority_code);
    set("valid_from", t.valid_from_raw);
    set("valid_to", t.valid_to_raw);
    set("pass_number", t.pass_number);
    set("issue_count", t.issue_count);
    set("card_version", t.card_version);
    if (o.contains("newest_address")) card.newest_address = string_of("newest_address");
    if (auto s = string_of("photo_hex")) {
        card.photo = from_hex(*s, "photo_hex");
        if (card.photo.size() != 1024)
            throw std::runtime_error("card JSON: photo_hex must be 1024 bytes");
    }
    if (auto s = string_of("sam_id_hex")) {
        card.sam_id = from_hex(*s, "sam_id_hex");
        if (card.sam_id.size() != 16)
            throw std::runtime_error("card JSON: sam_id_hex must be 16 bytes");
    }
    if (auto s = string_of("raw_text_hex")) {
        t.raw = from_hex(*s, "raw_text_hex");
        if (t.raw.size() != 256)
            throw std::runtime_error("card JSON: raw_text_hex must be 256 bytes");
        t.type = CardType::Unsupported;  // sent exactly as given
    }
    if (auto* v = o.if_contains("fingerprint_bytes")) {
        if (!v->is_int64() ||
            (v->as_int64() != 0 && v->as_int64() != 512 && v->as_int64() != 1024)) {
            throw std::runtime_error("card JSON: fingerprint_bytes must be 0, 512 or 1024");
        }
        card.fingerprint = pattern(static_cast<std::size_t>(v->as_int64()), 3);
    }
    if (auto* v = o.if_contains("present")) {
        if (!v->is_bool()) throw std::runtime_error("card JSON: present must be true or false");
        card.present = v->as_bool();
    }
    return card;
}

SimCard load_card_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read card file " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return parse_card_json(text.str());
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
}

}  // namespace pd::idsim
