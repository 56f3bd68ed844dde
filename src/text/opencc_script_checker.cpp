#include "text/opencc_script_checker.h"

#include <opencc/opencc.h>

#include <stdexcept>

#include "domain/person_name.h"
#include "domain/utf8.h"

namespace pd::text {

namespace {
// Characters that t2s folds but the 通用规范汉字表 (2013) keeps as standard for names:
// 乾 (乾坤, the surname Qian) and the surname 於.
bool kept_for_names(char32_t ch) {
    return ch == U'乾' || ch == U'於';
}
}  // namespace

struct OpenccScriptChecker::Impl {
    explicit Impl(const std::string& config) : converter(config) {}
    opencc::SimpleConverter converter;
};

OpenccScriptChecker::OpenccScriptChecker(const std::string& config) {
    try {
        impl_ = std::make_unique<Impl>(config);
    } catch (const std::exception& e) {
        throw std::runtime_error("cannot load the OpenCC conversion table '" + config +
                                 "' (is the opencc package installed?): " + e.what());
    }
}

OpenccScriptChecker::~OpenccScriptChecker() = default;

std::optional<char32_t> OpenccScriptChecker::simplified_of(char32_t ch) const {
    if (!is_cjk_ideograph(ch) || kept_for_names(ch)) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = cache_.find(ch);
    if (it == cache_.end()) {
        const auto converted = utf8::decode(impl_->converter.Convert(utf8::encode(ch)));
        const char32_t simple = (converted && converted->size() == 1) ? (*converted)[0] : ch;
        it = cache_.emplace(ch, simple).first;
    }
    if (it->second == ch) return std::nullopt;
    return it->second;
}

}  // namespace pd::text
