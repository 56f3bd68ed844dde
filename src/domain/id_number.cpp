#include "domain/id_number.h"

#include <array>
#include <utility>

#include "domain/utf8.h"

namespace pd {

namespace {

// GB/T 2260 province-level codes, plus 83 (Taiwan residents' permits) in use since 2018.
constexpr std::array<std::pair<std::string_view, std::string_view>, 35> kProvinces{{
    {"11", "北京"}, {"12", "天津"}, {"13", "河北"},   {"14", "山西"}, {"15", "内蒙古"},
    {"21", "辽宁"}, {"22", "吉林"}, {"23", "黑龙江"}, {"31", "上海"}, {"32", "江苏"},
    {"33", "浙江"}, {"34", "安徽"}, {"35", "福建"},   {"36", "江西"}, {"37", "山东"},
    {"41", "河南"}, {"42", "湖北"}, {"43", "湖南"},   {"44", "广东"}, {"45", "广西"},
    {"46", "海南"}, {"50", "重庆"}, {"51", "四川"},   {"52", "贵州"}, {"53", "云南"},
    {"54", "西藏"}, {"61", "陕西"}, {"62", "甘肃"},   {"63", "青海"}, {"64", "宁夏"},
    {"65", "新疆"}, {"71", "台湾"}, {"81", "香港"},   {"82", "澳门"}, {"83", "台湾"},
}};

constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

Error reject(std::string code, std::string text, std::vector<std::string> args = {}) {
    return Error{std::move(code), "id_number", std::move(text), std::move(args)};
}

// Shows a byte for a message: printable ASCII as itself, anything else as its hex code.
std::string show(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7F) return std::string(1, c);
    static constexpr char hex[] = "0123456789ABCDEF";
    return std::string("0x") + hex[u >> 4] + hex[u & 0xF];
}

}  // namespace

std::string_view province_name(std::string_view code2) {
    for (const auto& [code, name] : kProvinces) {
        if (code == code2) return name;
    }
    return {};
}

char IdNumber::check_character(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
    return kCheckChars[static_cast<std::size_t>(sum % 11)];
}

Expected<IdNumber> IdNumber::parse(std::string_view text, Date today) {
    // Surrounding blanks come from copy and paste; inner ones are an error like any other.
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);

    std::string value(text);
    if (value.size() == 15) {
        for (std::size_t i = 0; i < 15; ++i) {
            if (!is_digit(value[i])) {
                return reject("id_number.character", PD_N("character {1} ('{2}') must be a digit"),
                              {std::to_string(i + 1), show(value[i])});
            }
        }
        value = value.substr(0, 6) + "19" + value.substr(6);
        value += check_character(value);
    } else if (value.size() != 18) {
        if (utf8::length(value) != value.size()) {
            return reject("id_number.character",
                          PD_N("the ID number may hold only digits and X; it contains "
                               "full-width or other characters"));
        }
        return reject("id_number.length",
                      PD_N("an ID number has 18 characters (or 15 for an old one); this one has "
                           "{1}"),
                      {std::to_string(value.size())});
    } else {
        for (std::size_t i = 0; i < 17; ++i) {
            if (!is_digit(value[i])) {
                return reject("id_number.character", PD_N("character {1} ('{2}') must be a digit"),
                              {std::to_string(i + 1), show(value[i])});
            }
        }
        if (value[17] == 'x') value[17] = 'X';
        if (!is_digit(value[17]) && value[17] != 'X') {
            return reject("id_number.character", PD_N("character 18 ('{1}') must be a digit or X"),
                          {show(value[17])});
        }
    }

    if (province_name(std::string_view(value).substr(0, 2)).empty()) {
        return reject("id_number.province",
                      PD_N("'{1}' is not a province code: the first two digits name the "
                           "province where the number was issued"),
                      {value.substr(0, 2)});
    }
    const auto birth = parse_compact_date(std::string_view(value).substr(6, 8));
    if (!birth) {
        return reject("id_number.date", PD_N("digits 7-14 ('{1}') are not a real date of birth"),
                      {value.substr(6, 8)});
    }
    if (*birth > today) {
        return reject("id_number.future_date", PD_N("the date of birth {1} is in the future"),
                      {to_iso(*birth)});
    }
    if (static_cast<int>(birth->year()) < 1850) {
        return reject("id_number.date", PD_N("the date of birth {1} is too early to be real"),
                      {to_iso(*birth)});
    }
    const char expected = check_character(value);
    if (value[17] != expected) {
        return reject("id_number.check_character",
                      PD_N("the check character should be {1}, not {2}: a digit is probably "
                           "mistyped"),
                      {std::string(1, expected), std::string(1, value[17])});
    }
    return IdNumber(std::move(value));
}

Date IdNumber::birth_date() const {
    return *parse_compact_date(std::string_view(value_).substr(6, 8));
}

Gender IdNumber::gender() const {
    return ((value_[16] - '0') % 2 == 1) ? Gender::Male : Gender::Female;
}

std::string IdNumber::masked() const {
    return value_.substr(0, 4) + std::string(10, '*') + value_.substr(14);
}

}  // namespace pd
