#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace pd {

// A UUID made on the workstation, so records created offline never collide. New ones are
// version 7 (time-ordered): they append to indexes instead of scattering over them.
class Uuid {
  public:
    Uuid() = default;
    static std::optional<Uuid> parse(std::string_view text);  // 8-4-4-4-12 hex
    [[nodiscard]] std::string str() const;
    [[nodiscard]] bool is_nil() const;
    friend auto operator<=>(const Uuid&, const Uuid&) = default;
    std::array<std::uint8_t, 16> bytes{};
};

// Makes version-7 UUIDs. Not thread-safe: one per thread or guarded by the owner.
class UuidGenerator {
  public:
    UuidGenerator();
    explicit UuidGenerator(std::uint64_t seed);  // deterministic, for tests and demo data
    Uuid next(std::chrono::system_clock::time_point now);

  private:
    std::mt19937_64 rng_;
};

}  // namespace pd
