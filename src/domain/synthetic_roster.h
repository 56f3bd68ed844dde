#pragma once

#include <cstdint>
#include <random>
#include <unordered_set>

#include "domain/retiree.h"

namespace pd {

// Deterministic synthetic retirees that look real, for the demo workspace, tests and the
// 1,000,000-row benchmark roster: valid ID numbers with Shaanxi division codes, common names in
// simplified characters, Shaanxi employer units, unique mobile numbers, born 1935-1966, retired
// at 60 (men) or 55 (women). The same seed gives the same sequence on every machine (the
// distributions are computed here, not by the standard library's, which vary).
class SyntheticRoster {
  public:
    explicit SyntheticRoster(std::uint64_t seed = 20261203);
    // The next retiree, as a roster row would carry it. ID numbers and phones never repeat.
    RetireeDraft next();

  private:
    std::uint64_t below(std::uint64_t n);  // uniform in [0, n)
    std::mt19937_64 rng_;
    std::uint64_t count_ = 0;
    std::unordered_set<std::uint64_t> issued_ids_;
};

}  // namespace pd
