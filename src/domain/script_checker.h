#pragma once

#include <optional>

namespace pd {

// Knows which Chinese characters are traditional forms. The domain only asks; an outer layer
// answers from a maintained conversion table (OpenCC), so no hand-made list lives here.
class ScriptChecker {
  public:
    virtual ~ScriptChecker() = default;
    // The simplified form of `ch` when `ch` is a traditional character that differs from it;
    // nullopt when `ch` is already simplified (or not Chinese).
    [[nodiscard]] virtual std::optional<char32_t> simplified_of(char32_t ch) const = 0;
};

}  // namespace pd
