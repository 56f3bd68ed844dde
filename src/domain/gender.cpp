#include "domain/gender.h"

namespace pd {

std::optional<Gender> parse_gender(std::string_view t) {
    if (t == "male" || t == "M" || t == "m" || t == "1" || t == "男") return Gender::Male;
    if (t == "female" || t == "F" || t == "f" || t == "2" || t == "女") return Gender::Female;
    return std::nullopt;
}

}  // namespace pd
