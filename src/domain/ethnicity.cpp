#include "domain/ethnicity.h"

#include <array>
#include <utility>

namespace pd {

namespace {
constexpr std::array<std::pair<std::string_view, std::string_view>, 58> kNations{{
    {"01", "汉"},       {"02", "蒙古"},
    {"03", "回"},       {"04", "藏"},
    {"05", "维吾尔"},   {"06", "苗"},
    {"07", "彝"},       {"08", "壮"},
    {"09", "布依"},     {"10", "朝鲜"},
    {"11", "满"},       {"12", "侗"},
    {"13", "瑶"},       {"14", "白"},
    {"15", "土家"},     {"16", "哈尼"},
    {"17", "哈萨克"},   {"18", "傣"},
    {"19", "黎"},       {"20", "傈僳"},
    {"21", "佤"},       {"22", "畲"},
    {"23", "高山"},     {"24", "拉祜"},
    {"25", "水"},       {"26", "东乡"},
    {"27", "纳西"},     {"28", "景颇"},
    {"29", "柯尔克孜"}, {"30", "土"},
    {"31", "达斡尔"},   {"32", "仫佬"},
    {"33", "羌"},       {"34", "布朗"},
    {"35", "撒拉"},     {"36", "毛南"},
    {"37", "仡佬"},     {"38", "锡伯"},
    {"39", "阿昌"},     {"40", "普米"},
    {"41", "塔吉克"},   {"42", "怒"},
    {"43", "乌孜别克"}, {"44", "俄罗斯"},
    {"45", "鄂温克"},   {"46", "德昂"},
    {"47", "保安"},     {"48", "裕固"},
    {"49", "京"},       {"50", "塔塔尔"},
    {"51", "独龙"},     {"52", "鄂伦春"},
    {"53", "赫哲"},     {"54", "门巴"},
    {"55", "珞巴"},     {"56", "基诺"},
    {"97", "其他"},     {"98", "外国血统中国籍人士"},
}};
}  // namespace

std::optional<std::string_view> ethnicity_name(std::string_view code2) {
    for (const auto& [code, name] : kNations) {
        if (code == code2) return name;
    }
    return std::nullopt;
}

std::optional<std::string_view> ethnicity_code(std::string_view name) {
    constexpr std::string_view kSuffix = "族";
    if (name.size() > kSuffix.size() && name.ends_with(kSuffix) && name != "外国血统中国籍人士") {
        const auto bare = name.substr(0, name.size() - kSuffix.size());
        for (const auto& [code, n] : kNations) {
            if (n == bare) return code;
        }
    }
    for (const auto& [code, n] : kNations) {
        if (n == name) return code;
    }
    return std::nullopt;
}

}  // namespace pd
