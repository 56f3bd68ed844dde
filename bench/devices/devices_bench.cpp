#include <benchmark/benchmark.h>

#include <chrono>

#include "devices/card_reader.h"
#include "devices/frame.h"
#include "devices/responses.h"
#include "devices/text_block.h"
#include "idsim/simulator.h"

namespace {

using namespace pd::devices;
using namespace std::chrono;
constexpr pd::Date kToday{year{2026}, month{12}, day{3}};

Bytes read_response() {
    const auto card = pd::idsim::sample_card(CardType::ResidentId);
    return frame::encode_response(
        sw3::kSuccess, build_read_data(CardData{card.text_block(), card.photo, {}}, false));
}

// The 1295-byte read response arriving in 64-byte USB packets.
void BM_DecodeReadResponse(benchmark::State& state) {
    const Bytes f = read_response();
    FrameDecoder d;
    for (auto _ : state) {
        for (std::size_t at = 0; at < f.size(); at += 64) {
            d.feed(ByteView(f).subspan(at, std::min<std::size_t>(64, f.size() - at)));
        }
        benchmark::DoNotOptimize(d.pop());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.size()));
}
BENCHMARK(BM_DecodeReadResponse);

void BM_ParseTextBlock(benchmark::State& state) {
    const Bytes block = pd::idsim::sample_card(CardType::ResidentId).text_block();
    for (auto _ : state) benchmark::DoNotOptimize(parse_text_block(block, kToday));
}
BENCHMARK(BM_ParseTextBlock);

// find + select + read + newest address over a real pty (the simulator answers at once, so
// this is the driver's and the pty's own overhead; a real module adds its RF time).
void BM_ReadCardOverPty(benchmark::State& state) {
    pd::idsim::Simulator sim(pd::idsim::sample_card(CardType::ResidentId));
    sim.start();
    ReaderOptions options;
    options.port = sim.device_path();
    auto reader = CardReader::open(options);
    if (!reader) {
        state.SkipWithError(reader.error().message_en().c_str());
        return;
    }
    for (auto _ : state) {
        sim.lift_card();
        sim.place_card();
        auto card = reader->read_card(kToday);
        if (!card) {
            state.SkipWithError(card.error().message_en().c_str());
            break;
        }
        benchmark::DoNotOptimize(card);
    }
}
BENCHMARK(BM_ReadCardOverPty)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
