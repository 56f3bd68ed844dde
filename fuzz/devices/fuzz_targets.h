#pragma once

#include <cstddef>
#include <cstdint>

// The bodies of the libFuzzer targets, callable from GoogleTest too so the ordinary test run
// pushes hostile inputs through exactly the fuzzed code path. Each returns 0 and aborts when an
// invariant breaks.
namespace pd::devices::fuzz {

// Frame decoder (whole and split into reads of sizes taken from the input), then every decoded
// body through the response and read-data parsers and the text block parser.
int frame_decoder(const std::uint8_t* data, std::size_t size);
// The text block parser on any bytes, and build/parse round trips of what it produced.
int text_block(const std::uint8_t* data, std::size_t size);

}  // namespace pd::devices::fuzz
