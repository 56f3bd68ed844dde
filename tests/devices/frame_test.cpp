#include "devices/frame.h"

#include <gtest/gtest.h>

#include "devices/responses.h"
#include "test_support.h"

namespace pd::devices {
namespace {

using test::hex;

std::vector<DecodeEvent> drain(FrameDecoder& d) {
    std::vector<DecodeEvent> out;
    while (d.has_event()) out.push_back(d.pop());
    return out;
}

TEST(FrameEncoder, CommandsMatchTheSpec) {
    EXPECT_EQ(frame::encode_command(0x10, 0xFF), hex("AA AA AA 96 69 00 03 10 FF EC"));
    EXPECT_EQ(frame::encode_command(0x11, 0xFF), hex("AA AA AA 96 69 00 03 11 FF ED"));
    EXPECT_EQ(frame::encode_command(0x12, 0xFF), hex("AA AA AA 96 69 00 03 12 FF EE"));
    EXPECT_EQ(frame::encode_command(0x20, 0x01), hex("AA AA AA 96 69 00 03 20 01 22"));
    EXPECT_EQ(frame::encode_command(0x20, 0x02), hex("AA AA AA 96 69 00 03 20 02 21"));
    EXPECT_EQ(frame::encode_command(0x30, 0x01), hex("AA AA AA 96 69 00 03 30 01 32"));
    EXPECT_EQ(frame::encode_command(0x30, 0x10), hex("AA AA AA 96 69 00 03 30 10 23"));
    EXPECT_EQ(frame::encode_command(0x30, 0x03), hex("AA AA AA 96 69 00 03 30 03 30"));
}

TEST(FrameEncoder, CommandConstantsMatchTheSpec) {
    auto enc = [](const Command& c) { return frame::encode_command(c.cmd, c.para); };
    EXPECT_EQ(enc(command::kReset), hex("AA AA AA 96 69 00 03 10 FF EC"));
    EXPECT_EQ(enc(command::kFind), hex("AA AA AA 96 69 00 03 20 01 22"));
    EXPECT_EQ(enc(command::kReadFingerprint), hex("AA AA AA 96 69 00 03 30 10 23"));
    EXPECT_EQ(enc(command::kReadAddress), hex("AA AA AA 96 69 00 03 30 03 30"));
}

TEST(FrameEncoder, ResponsesMatchTheSpecExamples) {
    EXPECT_EQ(frame::encode_response(0x9F, Bytes(4, 0)),
              hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"));
    EXPECT_EQ(frame::encode_response(0x90, Bytes(8, 0)),
              hex("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"));
    EXPECT_EQ(frame::encode_response(0x80), hex("AA AA AA 96 69 00 04 00 00 80 84"));
}

TEST(FrameEncoder, ReadResponseHasTheSpecsSizes) {
    CardData data{Bytes(256, 0x20), Bytes(1024, 1), {}};
    const auto f = frame::encode_response(0x90, build_read_data(data, false));
    EXPECT_EQ(f.size(), 1295u);
    EXPECT_EQ(f[5], 0x05);
    EXPECT_EQ(f[6], 0x08);
    data.fingerprint = Bytes(1024, 2);
    EXPECT_EQ(frame::encode_response(0x90, build_read_data(data, true)).size(), 2321u);
}

TEST(FrameDecoder, DecodesAWholeFrame) {
    FrameDecoder d;
    d.feed(hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"));
    auto events = drain(d);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, DecodeEvent::Kind::Frame);
    EXPECT_EQ(events[0].body, hex("00 00 9F 00 00 00 00"));
    EXPECT_EQ(d.buffered(), 0u);
}

TEST(FrameDecoder, ReassemblesAFrameSplitAtEveryPosition) {
    const Bytes f = frame::encode_response(0x90, Bytes(300, 0xAA));
    for (std::size_t cut = 1; cut < f.size(); ++cut) {
        FrameDecoder d;
        d.feed(ByteView(f).first(cut));
        EXPECT_FALSE(d.has_event()) << cut;
        d.feed(ByteView(f).subspan(cut));
        auto events = drain(d);
        ASSERT_EQ(events.size(), 1u) << cut;
        EXPECT_EQ(events[0].kind, DecodeEvent::Kind::Frame);
    }
}

TEST(FrameDecoder, ReassemblesByteByByte) {
    const Bytes f = frame::encode_response(0x90, Bytes(1284, 0x5A));
    FrameDecoder d;
    std::size_t frames = 0;
    for (auto b : f) {
        d.feed(ByteView(&b, 1));
        frames += drain(d).size();
    }
    EXPECT_EQ(frames, 1u);
}

TEST(FrameDecoder, SkipsGarbageBeforeThePreamble) {
    Bytes stream = hex("00 13 AA AA 96 AA 01");
    const auto f = frame::encode_response(0x80);
    stream.insert(stream.end(), f.begin(), f.end());
    FrameDecoder d;
    d.feed(stream);
    auto events = drain(d);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].body, hex("00 00 80"));
    EXPECT_EQ(d.skipped_bytes(), 7u);
}

TEST(FrameDecoder, FindsAPreambleAfterExtraAAs) {
    FrameDecoder d;
    d.feed(hex("AA AA AA AA AA 96 69 00 04 00 00 80 84"));
    auto events = drain(d);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, DecodeEvent::Kind::Frame);
}

TEST(FrameDecoder, RejectsABadChecksumAndResyncs) {
    Bytes stream = hex("AA AA AA 96 69 00 04 00 00 80 85");  // checksum should be 84
    const auto good = frame::encode_response(0x9F, Bytes(4, 0));
    stream.insert(stream.end(), good.begin(), good.end());
    FrameDecoder d;
    d.feed(stream);
    auto events = drain(d);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].kind, DecodeEvent::Kind::BadChecksum);
    EXPECT_EQ(events[1].kind, DecodeEvent::Kind::Frame);
    EXPECT_EQ(events[1].body[2], 0x9F);
}

TEST(FrameDecoder, RejectsOversizedAndTooShortLengthsAndResyncs) {
    for (const char* header : {"AA AA AA 96 69 10 01", "AA AA AA 96 69 FF FF",
                               "AA AA AA 96 69 00 00", "AA AA AA 96 69 00 02"}) {
        Bytes stream = hex(header);
        const auto good = frame::encode_response(0x90);
        stream.insert(stream.end(), good.begin(), good.end());
        FrameDecoder d;
        d.feed(stream);
        auto events = drain(d);
        ASSERT_EQ(events.size(), 2u) << header;
        EXPECT_EQ(events[0].kind, DecodeEvent::Kind::BadLength);
        EXPECT_EQ(events[1].kind, DecodeEvent::Kind::Frame);
    }
}

TEST(FrameDecoder, AcceptsTheLargestLegalLength) {
    const auto f = frame::encode(Bytes(frame::kMaxLength - 1, 0x11));
    FrameDecoder d;
    d.feed(f);
    auto events = drain(d);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].body.size(), frame::kMaxLength - 1);
    EXPECT_THROW((void)frame::encode(Bytes(frame::kMaxLength, 0)), std::length_error);
}

TEST(FrameDecoder, DecodesBackToBackFrames) {
    Bytes stream;
    for (int s : {0x90, 0x9F, 0x80}) {
        const auto f = frame::encode_response(static_cast<std::uint8_t>(s));
        stream.insert(stream.end(), f.begin(), f.end());
    }
    FrameDecoder d;
    d.feed(stream);
    auto events = drain(d);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[2].body[2], 0x80);
}

TEST(FrameDecoder, StaysSmallOnEndlessGarbage) {
    FrameDecoder d;
    const Bytes junk(4096, 0x55);
    for (int i = 0; i < 256; ++i) d.feed(junk);
    EXPECT_FALSE(d.has_event());
    EXPECT_LE(d.buffered(), 4u);
}

TEST(ResponseParser, SplitsReadDataAndRejectsLyingLengths) {
    CardData data{Bytes(256, 1), Bytes(1024, 2), Bytes(512, 3)};
    auto parsed = parse_read_data(build_read_data(data, true), true);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->text, data.text);
    EXPECT_EQ(parsed->fingerprint, data.fingerprint);

    Bytes lying = build_read_data(data, false);
    lying[2] = 0x7F;  // photo length far beyond the data
    auto bad = parse_read_data(lying, false);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().kind, ErrorKind::Protocol);
    EXPECT_FALSE(parse_read_data(hex("00"), false).has_value());
    EXPECT_FALSE(parse_response(hex("00 00")).has_value());
}

}  // namespace
}  // namespace pd::devices
