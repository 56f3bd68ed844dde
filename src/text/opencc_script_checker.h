#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/script_checker.h"

namespace pd::text {

// Answers the domain's "is this character traditional?" from OpenCC's maintained
// traditional-to-simplified character table (t2s), one character at a time.
// Thread-safe; answers are cached because rosters repeat the same few thousand characters.
class OpenccScriptChecker final : public ScriptChecker {
  public:
    // Throws std::runtime_error naming the configuration when OpenCC's data is missing.
    explicit OpenccScriptChecker(const std::string& config = "t2s.json");
    ~OpenccScriptChecker() override;

    [[nodiscard]] std::optional<char32_t> simplified_of(char32_t ch) const override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    mutable std::mutex mutex_;
    mutable std::unordered_map<char32_t, char32_t> cache_;  // ch -> simplified (ch if same)
};

}  // namespace pd::text
