#pragma once

#include <string>
#include <string_view>

#include "domain/expected.h"
#include "domain/script_checker.h"

namespace pd {

// A person's name as the central system stores it: simplified Chinese characters, with the
// middle dot (·) of minority and foreign names, or a Latin-letter foreign name.
class PersonName {
  public:
    static constexpr std::size_t kMaxLength = 60;  // code points; foreigners' names run long

    // Trims, folds full-width forms and dot variants, then checks every character. A name in
    // traditional characters is refused, naming each one and its simplified form, because the
    // central system would answer "person not found" (查无此人) for it.
    static Expected<PersonName> parse(std::string_view text, const ScriptChecker& script);

    [[nodiscard]] const std::string& str() const noexcept { return value_; }
    // Rebuilds a value that passed parse() before (read back from the workspace database).
    static PersonName from_storage(std::string value) { return PersonName(std::move(value)); }

    friend bool operator==(const PersonName&, const PersonName&) = default;

  private:
    explicit PersonName(std::string value) : value_(std::move(value)) {}
    std::string value_;
};

// Folds full-width ASCII and the ideographic space to ASCII, and the dot look-alikes to U+00B7.
[[nodiscard]] std::u32string fold_name_forms(std::u32string_view text);
[[nodiscard]] bool is_cjk_ideograph(char32_t cp);

}  // namespace pd
