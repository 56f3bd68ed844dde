#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pd::vision::cli {

// Exit codes, one per failure class, so scripts can tell them apart.
enum ExitCode : int {
    kOk = 0,
    kUsage = 1,
    kBadImage = 2,  // unreadable, empty, too small/large, unsupported format
    kNoFace = 3,
    kSeveralFaces = 4,
    kEngineUnavailable = 5,  // models missing or corrupt
    kSourceUnavailable = 6,  // camera / video / folder cannot be opened
    kNotSamePerson = 10,     // verify: below threshold
    kSpoof = 11,             // liveness: below the live threshold
    kChallengeFailed = 12,
    kInternal = 70,
};

struct Options {
    std::string command;
    std::vector<std::string> args;
    bool json = false;
    std::string source;
    std::string actions;  // comma-separated; empty = random draw
    std::uint64_t seed = 0;
    bool seed_given = false;
    std::optional<double> threshold;
    std::string models;  // overrides the model search
    bool realtime = false;
};

[[nodiscard]] std::string usage();
// Parses argv; returns nullopt and fills `error` on bad usage.
[[nodiscard]] std::optional<Options> parse_options(const std::vector<std::string>& argv,
                                                   std::string& error);
[[nodiscard]] int run(const Options& options);

}  // namespace pd::vision::cli
