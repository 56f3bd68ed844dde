#include "domain/phone.h"

namespace pd {

namespace {
Error reject(std::string code, std::string text, std::vector<std::string> args = {}) {
    return Error{std::move(code), "phone", std::move(text), std::move(args)};
}
}  // namespace

Expected<MobilePhone> MobilePhone::parse(std::string_view text) {
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == ' ' || c == '-') {
            continue;
        } else if (c == '+' && digits.empty()) {
            continue;
        } else {
            return reject("phone.character",
                          PD_N("character {1} of the phone number is not a digit"),
                          {std::to_string(i + 1)});
        }
    }
    if (digits.size() == 13 && digits.starts_with("86")) digits = digits.substr(2);
    if (digits.size() == 15 && digits.starts_with("0086")) digits = digits.substr(4);
    if (digits.size() != 11) {
        return reject("phone.length", PD_N("a mobile number has 11 digits; this one has {1}"),
                      {std::to_string(digits.size())});
    }
    if (digits[0] != '1' || digits[1] < '3') {
        return reject("phone.prefix",
                      PD_N("a mainland mobile number starts with 13 to 19; this one starts with "
                           "{1}"),
                      {digits.substr(0, 2)});
    }
    return MobilePhone(std::move(digits));
}

}  // namespace pd
