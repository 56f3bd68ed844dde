// The fuzz targets' bodies on hand-made hostile inputs, so the ordinary test run exercises the
// fuzzed code path (the bodies abort on a broken invariant).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "devices/frame.h"
#include "devices/responses.h"
#include "devices/text_block.h"
#include "fuzz_targets.h"
#include "idsim/sim_card.h"
#include "test_support.h"

namespace pd::devices {
namespace {

using test::hex;

std::vector<Bytes> hostile_frames() {
    std::vector<Bytes> corpus{
        {},
        hex("AA"),
        hex("AA AA AA 96 69"),
        hex("AA AA AA 96 69 FF FF"),
        hex("AA AA AA 96 69 00 00 00"),
        hex("AA AA AA 96 69 00 01 01 01"),
        hex("AA AA AA 96 69 10 00"),
        hex("AA AA AA 96 69 00 04 00 00 80 85"),
        hex("AA AA AA AA AA AA 96 69 00 04 00 00 80 84"),
    };
    // A read response whose lengths lie, with a valid checksum.
    corpus.push_back(frame::encode_response(0x90, hex("FF FF FF FF 00 01 02")));
    corpus.push_back(frame::encode_response(0x90, hex("01 00 04 00")));
    // Real responses, truncated and concatenated with noise.
    CardData data{build_text_block(idsim::sample_card(CardType::ResidentId).text),
                  Bytes(1024, 0xAA), Bytes(512, 0x96)};
    const Bytes read = frame::encode_response(0x90, build_read_data(data, true));
    corpus.push_back(read);
    corpus.push_back(Bytes(read.begin(), read.begin() + 700));
    // A frame interrupted by another whole frame.
    Bytes twice(read.begin(), read.begin() + 300);
    twice.insert(twice.end(), read.begin(), read.end());
    twice.insert(twice.end(), read.begin() + 300, read.end());
    corpus.push_back(twice);
    // Random noise, seeded so a failure reproduces.
    std::mt19937 rng(20261203);
    for (int i = 0; i < 64; ++i) {
        Bytes noise(rng() % 3000);
        for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
        if (i % 2 == 0 && noise.size() > 7) {
            std::copy(frame::kPreamble.begin(), frame::kPreamble.end(), noise.begin());
        }
        corpus.push_back(std::move(noise));
    }
    return corpus;
}

TEST(HostileInput, FrameDecoderTarget) {
    for (const auto& input : hostile_frames()) {
        EXPECT_EQ(fuzz::frame_decoder(input.data(), input.size()), 0);
    }
}

TEST(HostileInput, TextBlockTarget) {
    std::vector<Bytes> corpus{
        {}, Bytes(255, 0xFF), Bytes(256, 0x00), Bytes(256, 0xFF), Bytes(257, 0x20)};
    for (auto type : {CardType::ResidentId, CardType::HkMacauTaiwanPermit,
                      CardType::ForeignPermanentResident, CardType::Unsupported}) {
        corpus.push_back(build_text_block(idsim::sample_card(type).text));
    }
    // Lone surrogates, a 'J' with garbage dates, an 'I' in the high byte only.
    Bytes block(256, 0);
    for (std::size_t i = 0; i < 256; i += 2) block[i + 1] = 0xD8;
    corpus.push_back(block);
    Bytes j = build_text_block(idsim::sample_card(CardType::HkMacauTaiwanPermit).text);
    std::fill(j.begin() + 36, j.begin() + 52, 0xFF);
    corpus.push_back(j);
    Bytes i_high(256, 0x20);
    i_high[249] = 'I';
    corpus.push_back(i_high);
    std::mt19937 rng(7);
    for (int n = 0; n < 200; ++n) {
        Bytes noise(256);
        for (auto& b : noise)
            b = static_cast<std::uint8_t>(rng() % 4 == 0 ? rng() : 0x30 + rng() % 10);
        corpus.push_back(std::move(noise));
    }
    for (const auto& input : corpus) {
        EXPECT_EQ(fuzz::text_block(input.data(), input.size()), 0);
    }
}

// The checked-in seed corpus of the fuzz targets runs through them here too.
TEST(HostileInput, SeedCorpus) {
    namespace fs = std::filesystem;
    std::size_t files = 0;
    for (const char* target : {"frame_decoder", "text_block"}) {
        for (const auto& entry :
             fs::directory_iterator(fs::path(PD_DEVICES_FUZZ_CORPUS) / target)) {
            std::ifstream in(entry.path(), std::ios::binary);
            const Bytes input((std::istreambuf_iterator<char>(in)), {});
            const int r = std::string_view(target) == "frame_decoder"
                              ? fuzz::frame_decoder(input.data(), input.size())
                              : fuzz::text_block(input.data(), input.size());
            EXPECT_EQ(r, 0) << entry.path();
            ++files;
        }
    }
    EXPECT_GE(files, 10u);
}

}  // namespace
}  // namespace pd::devices
