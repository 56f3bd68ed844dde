#include "domain/person_name.h"

#include "domain/utf8.h"

namespace pd {

namespace {

constexpr char32_t kMiddleDot = 0x00B7;

bool is_dot_variant(char32_t cp) {
    // ・ (katakana middle dot), • (bullet), ‧ (hyphenation point), ･ (half-width katakana dot),
    // ● and ∙ typed by input methods in place of the middle dot.
    return cp == 0x30FB || cp == 0x2022 || cp == 0x2027 || cp == 0xFF65 || cp == 0x2219 ||
           cp == 0x25CF || cp == 0x00B7;
}

bool is_latin_letter(char32_t cp) {
    return (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z');
}

Error reject(std::string code, std::string text, std::vector<std::string> args = {}) {
    return Error{std::move(code), "name", std::move(text), std::move(args)};
}

std::string describe(char32_t cp) {
    if (cp < 0x20 || cp == 0x7F) {
        static constexpr char hex[] = "0123456789ABCDEF";
        return std::string("U+00") + hex[(cp >> 4) & 0xF] + hex[cp & 0xF];
    }
    return utf8::encode(cp);
}

}  // namespace

bool is_cjk_ideograph(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x323AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

std::u32string fold_name_forms(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (char32_t cp : text) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
        if (cp == 0x3000 || cp == 0xA0 || cp == U'\t') cp = U' ';
        if (is_dot_variant(cp)) cp = kMiddleDot;
        out.push_back(cp);
    }
    return out;
}

Expected<PersonName> PersonName::parse(std::string_view text, const ScriptChecker& script) {
    std::size_t bad = 0;
    const auto decoded = utf8::decode(text, &bad);
    if (!decoded) {
        return reject("name.encoding", PD_N("the name is not valid text (bad byte at {1})"),
                      {std::to_string(bad + 1)});
    }
    std::u32string name = fold_name_forms(*decoded);
    const auto first = name.find_first_not_of(U' ');
    if (first == std::u32string::npos) return reject("name.empty", PD_N("the name is empty"));
    name = name.substr(first, name.find_last_not_of(U' ') - first + 1);

    if (name.size() > kMaxLength) {
        return reject("name.length", PD_N("the name has {1} characters; at most {2} are allowed"),
                      {std::to_string(name.size()), std::to_string(kMaxLength)});
    }

    bool has_cjk = false;
    bool has_latin = false;
    std::vector<std::string> traditional;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char32_t cp = name[i];
        const auto position = std::to_string(i + 1);
        if (is_cjk_ideograph(cp)) {
            has_cjk = true;
            if (const auto simple = script.simplified_of(cp)) {
                traditional.push_back(utf8::encode(cp) + "→" + utf8::encode(*simple));
            }
        } else if (is_latin_letter(cp)) {
            has_latin = true;
        } else if (cp == kMiddleDot) {
            if (i == 0 || i + 1 == name.size() || name[i + 1] == kMiddleDot) {
                return reject("name.dot",
                              PD_N("the middle dot (·) must stand between two parts of the name"));
            }
        } else if (cp == U' ') {
            if (name[i + 1] == U' ') {
                return reject("name.space", PD_N("the name has two spaces in a row at {1}"),
                              {position});
            }
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            return reject("name.control",
                          PD_N("character {1} is an invisible control character ({2}); retype "
                               "the name"),
                          {position, describe(cp)});
        } else if (cp >= U'0' && cp <= U'9') {
            return reject("name.digit", PD_N("character {1} ('{2}') is a digit; names have none"),
                          {position, describe(cp)});
        } else {
            return reject("name.character", PD_N("character {1} ('{2}') cannot be part of a name"),
                          {position, describe(cp)});
        }
    }
    if (has_cjk && has_latin) {
        return reject("name.mixed",
                      PD_N("the name mixes Chinese characters and Latin letters; use the form on "
                           "the ID card"));
    }
    if (has_cjk && name.find(U' ') != std::u32string::npos) {
        return reject("name.space", PD_N("a Chinese name has no spaces; use · between parts"));
    }
    if (!traditional.empty()) {
        std::string list;
        for (const auto& t : traditional) list += (list.empty() ? "" : ", ") + t;
        return reject("name.traditional",
                      PD_N("traditional characters: {1}. Use simplified characters, or the "
                           "central system will report the person as not found"),
                      {list});
    }
    return PersonName(utf8::encode(name));
}

}  // namespace pd
