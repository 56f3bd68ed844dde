#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pd {

// Marks an English source string for extraction into the gettext catalogs without translating
// it here: the domain has no I/O, so the UI translates `Error::text` and substitutes the args.
#define PD_N(text) text

// A rejection the domain explains to its user. `text` is an English template with {1}, {2}...
// placeholders (the translation key); `args` fill them; `field` names the form field at fault.
struct Error {
    std::string code;   // stable, machine-readable: "id_number.check_character"
    std::string field;  // "id_number", "name", ... or empty when not about one field
    std::string text;   // English template, marked with PD_N for the catalogs
    std::vector<std::string> args;

    // The English message with the placeholders filled in.
    [[nodiscard]] std::string message() const;
};

// Replaces {1}..{9} in `tmpl` by args[0]..args[8]; unknown placeholders stay as they are.
[[nodiscard]] std::string substitute(std::string_view tmpl, const std::vector<std::string>& args);

}  // namespace pd
