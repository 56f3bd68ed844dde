#include "fuzz_targets.h"

#include <cstdlib>
#include <vector>

#include "devices/frame.h"
#include "devices/responses.h"
#include "devices/text_block.h"
#include "domain/utf8.h"

namespace pd::devices::fuzz {

namespace {

using namespace std::chrono;
constexpr Date kToday{year{2026}, month{12}, day{3}};

void check(bool ok) {
    if (!ok) std::abort();
}

std::vector<DecodeEvent> drain(FrameDecoder& d) {
    std::vector<DecodeEvent> out;
    while (d.has_event()) out.push_back(d.pop());
    return out;
}

void check_text(const CardText& t) {
    // Whatever the bytes, every field is valid UTF-8.
    for (const auto* s : {&t.name, &t.english_name, &t.address, &t.id_number, &t.issuing_authority,
                          &t.valid_to_raw, &t.birth_date_raw}) {
        check(utf8::decode(*s).has_value());
    }
}

}  // namespace

int frame_decoder(const std::uint8_t* data, std::size_t size) {
    const ByteView input(data, size);
    FrameDecoder whole;
    whole.feed(input);
    const auto expected = drain(whole);
    check(whole.buffered() <= frame::kHeaderSize + frame::kMaxLength);

    // The same bytes in reads of varying size must give the same events.
    FrameDecoder pieces;
    std::vector<DecodeEvent> got;
    std::size_t at = 0;
    for (std::size_t i = 0; at < size; ++i) {
        const std::size_t n = std::min<std::size_t>(size - at, 1 + (data[i % size] % 97));
        pieces.feed(input.subspan(at, n));
        at += n;
        for (auto& e : drain(pieces)) got.push_back(std::move(e));
    }
    check(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        check(got[i].kind == expected[i].kind && got[i].body == expected[i].body);
    }

    for (const auto& e : expected) {
        if (e.kind != DecodeEvent::Kind::Frame) continue;
        // A decoded body re-encodes to a frame that decodes to the same body.
        FrameDecoder again;
        again.feed(frame::encode(e.body));
        auto round = drain(again);
        check(round.size() == 1 && round[0].body == e.body);

        auto response = parse_response(e.body);
        if (!response) continue;
        for (const bool fp : {false, true}) {
            auto read = parse_read_data(response->data, fp);
            if (!read) continue;
            check(read->text.size() + read->photo.size() + read->fingerprint.size() <=
                  response->data.size());
            check_text(parse_text_block(read->text, kToday));
        }
    }
    return 0;
}

int text_block(const std::uint8_t* data, std::size_t size) {
    const ByteView input(data, size);
    const CardText parsed = parse_text_block(input, kToday);
    check(parsed.raw.size() == size);
    check_text(parsed);
    if (size != kTextBlockSize) {
        check(parsed.type == CardType::Unsupported);
        return 0;
    }
    if (parsed.type != CardType::Unsupported) {
        // Fields written back and parsed again come out the same (the fields are already
        // trimmed, so laying them out again is a fixed point).
        const CardText again = parse_text_block(build_text_block(parsed), kToday);
        check(again.type == parsed.type);
        check(again.name == parsed.name && again.id_number == parsed.id_number);
        check(again.expired == parsed.expired && again.long_term == parsed.long_term);
    }
    return 0;
}

}  // namespace pd::devices::fuzz
