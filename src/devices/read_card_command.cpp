#include "devices/read_card_command.h"

#include <boost/json.hpp>
#include <charconv>
#include <optional>
#include <ostream>

#include "devices/card_reader.h"
#include "devices/photo_decoder.h"

namespace pd::devices {

namespace {

constexpr std::string_view kUsage =
    "usage: read-card [--port PATH] [--baud N] [--json] [--timeout-ms N] [--fingerprint]\n"
    "                 [--photo-decoder LIBRARY]\n";

std::optional<long> to_number(const std::string& text) {
    long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

std::string hex(ByteView bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (auto b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 0xF];
    }
    return out;
}

std::string date_or_raw(const std::optional<Date>& d, const std::string& raw) {
    return d ? to_iso(*d) : raw;
}

void print_text(const Card& card, const std::string& photo_status, std::ostream& out) {
    const CardText& t = card.text;
    auto line = [&](std::string_view label, const std::string& value) {
        if (!value.empty()) out << label << ": " << value << '\n';
    };
    out << "card type: " << to_string(t.type) << " (" << display_name_zh(t.type) << ")\n";
    if (card.unsupported_layout()) {
        out << "unsupported card layout; raw text block: " << hex(t.raw) << '\n';
    }
    line("name", t.name);
    line("english name", t.english_name);
    if (t.gender) line("sex", std::string(to_string(*t.gender)));
    if (!t.nation_code.empty()) line("nation", t.nation_name + " (" + t.nation_code + ")");
    line("nationality", t.nationality_code);
    line("birth date", date_or_raw(t.birth_date, t.birth_date_raw));
    line("address", t.address);
    line(t.type == CardType::ForeignPermanentResident ? "card number" : "id number", t.id_number);
    if (t.id_number_problem) line("id number problem", t.id_number_problem->message());
    line("issuing authority", t.issuing_authority);
    line("authority code", t.authority_code);
    line("valid from", date_or_raw(t.valid_from, t.valid_from_raw));
    line("valid to",
         t.long_term ? std::string("long-term (长期)") : date_or_raw(t.valid_to, t.valid_to_raw));
    if (t.expired) out << "EXPIRED: this card is no longer valid (证件已过期)\n";
    line("pass number", t.pass_number);
    line("issue count", t.issue_count);
    line("card version", t.card_version);
    if (card.newest_address) line("newest address", *card.newest_address);
    out << "photo: " << card.photo_wlt.size() << " WLT bytes; " << photo_status << '\n';
    if (!card.fingerprint.empty()) {
        out << "fingerprint: " << card.fingerprint.size() << " bytes\n";
    } else if (card.fingerprint_refused) {
        out << "fingerprint: not supported by this reader\n";
    }
    for (const auto& p : t.problems) out << "warning: " << p << '\n';
}

}  // namespace

int exit_code_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::NoCard:
            return exit_code::kNoCard;
        case ErrorKind::CardFailed:
            return exit_code::kCardFailed;
        case ErrorKind::ModuleFailed:
            return exit_code::kModuleFailed;
        case ErrorKind::Timeout:
            return exit_code::kTimeout;
        case ErrorKind::Disconnected:
        case ErrorKind::NoReader:
            return exit_code::kNoReader;
        case ErrorKind::Protocol:
            return exit_code::kProtocol;
        case ErrorKind::PhotoUnavailable:
            return exit_code::kOk;
        case ErrorKind::InvalidArgument:
            return exit_code::kUsage;
    }
    return exit_code::kModuleFailed;
}

std::string card_to_json(const Card& card, const std::string& photo_status) {
    const CardText& t = card.text;
    boost::json::object o;
    o["card_type"] = to_string(t.type);
    o["name"] = t.name;
    if (!t.english_name.empty()) o["english_name"] = t.english_name;
    o["sex_code"] = t.sex_code;
    if (t.gender) o["gender"] = to_string(*t.gender);
    if (!t.nation_code.empty()) {
        o["nation_code"] = t.nation_code;
        o["nation"] = t.nation_name;
    }
    if (!t.nationality_code.empty()) o["nationality"] = t.nationality_code;
    o["birth_date"] = date_or_raw(t.birth_date, t.birth_date_raw);
    if (!t.address.empty()) o["address"] = t.address;
    o["id_number"] = t.id_number;
    o["id_number_valid"] = !t.id_number_problem.has_value();
    if (!t.issuing_authority.empty()) o["issuing_authority"] = t.issuing_authority;
    if (!t.authority_code.empty()) o["authority_code"] = t.authority_code;
    o["valid_from"] = date_or_raw(t.valid_from, t.valid_from_raw);
    o["valid_to"] =
        t.long_term ? std::string("long_term") : date_or_raw(t.valid_to, t.valid_to_raw);
    o["expired"] = t.expired;
    if (!t.pass_number.empty()) o["pass_number"] = t.pass_number;
    if (!t.issue_count.empty()) o["issue_count"] = t.issue_count;
    if (!t.card_version.empty()) o["card_version"] = t.card_version;
    if (card.newest_address) o["newest_address"] = *card.newest_address;
    o["photo_wlt_hex"] = hex(card.photo_wlt);
    o["photo"] = photo_status;
    o["fingerprint_bytes"] = card.fingerprint.size();
    boost::json::array problems;
    for (const auto& p : t.problems) problems.emplace_back(p);
    o["problems"] = std::move(problems);
    if (card.unsupported_layout()) o["raw_text_hex"] = hex(t.raw);
    return boost::json::serialize(o);
}

int run_read_card_command(const std::vector<std::string>& args, std::ostream& out,
                          std::ostream& err) {
    ReaderOptions options;
    bool json = false;
    long timeout_ms = 5000;
    std::string decoder_path;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (a == "--json") {
            json = true;
        } else if (a == "--fingerprint") {
            options.read_fingerprint = true;
        } else if (a == "--help" || a == "-h") {
            out << kUsage;
            return exit_code::kOk;
        } else if (a == "--port" || a == "--photo-decoder") {
            auto v = value();
            if (!v || v->empty()) {
                err << "read-card: " << a << " needs a value\n" << kUsage;
                return exit_code::kUsage;
            }
            (a == "--port" ? options.port : decoder_path) = *v;
        } else if (a == "--baud" || a == "--timeout-ms") {
            auto v = value();
            auto n = v ? to_number(*v) : std::nullopt;
            if (!n || (a == "--baud" && *n == 0) || *n > 10'000'000) {
                err << "read-card: " << a << " needs a positive number\n" << kUsage;
                return exit_code::kUsage;
            }
            if (a == "--baud") {
                options.baud = static_cast<unsigned>(*n);
            } else {
                timeout_ms = *n;
            }
        } else {
            err << "read-card: unknown option '" << a << "'\n" << kUsage;
            return exit_code::kUsage;
        }
    }

    auto fail = [&](const ReaderError& e) {
        err << "read-card: " << e.message_zh() << "\n"
            << "read-card: " << e.message_en() << '\n';
        return exit_code_for(e.kind);
    };
    auto reader = CardReader::open(options);
    if (!reader) return fail(reader.error());
    auto card = reader->wait_and_read_card(std::chrono::milliseconds(timeout_ms), local_today());
    if (!card) return fail(card.error());

    std::string photo_status = "chip photo not available (no decoder configured)";
    if (!decoder_path.empty()) {
        auto decoder = PhotoDecoder::load(decoder_path);
        auto photo = decode_photo(decoder ? &*decoder : nullptr, card->photo_wlt);
        photo_status = photo ? "decoded " + std::to_string(Photo::kWidth) + "x" +
                                   std::to_string(Photo::kHeight)
                             : "chip photo not available: " +
                                   (decoder ? photo.error().detail : decoder.error().detail);
    }
    if (json) {
        out << card_to_json(*card, photo_status) << '\n';
    } else {
        print_text(*card, photo_status, out);
    }
    return card->unsupported_layout() ? exit_code::kUnsupportedCard : exit_code::kOk;
}

}  // namespace pd::devices
