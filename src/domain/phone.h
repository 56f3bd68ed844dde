#pragma once

#include <string>
#include <string_view>

#include "domain/expected.h"

namespace pd {

// A mainland China mobile number: 11 digits, 1 then 3-9. Stored without prefix or separators.
class MobilePhone {
  public:
    // Accepts spaces and hyphens between digits, and a +86 / 0086 / 86 prefix.
    static Expected<MobilePhone> parse(std::string_view text);
    [[nodiscard]] const std::string& str() const noexcept { return value_; }
    // Rebuilds a value that passed parse() before (read back from the workspace database).
    static MobilePhone from_storage(std::string value) { return MobilePhone(std::move(value)); }

    friend bool operator==(const MobilePhone&, const MobilePhone&) = default;

  private:
    explicit MobilePhone(std::string value) : value_(std::move(value)) {}
    std::string value_;
};

}  // namespace pd
