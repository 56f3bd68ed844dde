#include "domain/error.h"

namespace pd {

std::string substitute(std::string_view tmpl, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(tmpl.size() + 16);
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && tmpl[i + 1] >= '1' &&
            tmpl[i + 1] <= '9') {
            const auto index = static_cast<std::size_t>(tmpl[i + 1] - '1');
            if (index < args.size()) {
                out += args[index];
                i += 2;
                continue;
            }
        }
        out += tmpl[i];
    }
    return out;
}

std::string Error::message() const {
    return substitute(text, args);
}

}  // namespace pd
