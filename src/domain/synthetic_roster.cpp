#include "domain/synthetic_roster.h"

#include <array>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/id_number.h"

namespace pd {

namespace {

struct Division {
    std::string_view code;
    std::string_view city;      // 西安市
    std::string_view district;  // 雁塔区
};

// Real division codes of Shaanxi (61): Xi'an districts and the other prefecture-level cities.
constexpr std::array<Division, 40> kDivisions{{
    {"610102", "西安市", "新城区"}, {"610103", "西安市", "碑林区"}, {"610104", "西安市", "莲湖区"},
    {"610111", "西安市", "灞桥区"}, {"610112", "西安市", "未央区"}, {"610113", "西安市", "雁塔区"},
    {"610114", "西安市", "阎良区"}, {"610115", "西安市", "临潼区"}, {"610116", "西安市", "长安区"},
    {"610117", "西安市", "高陵区"}, {"610122", "西安市", "蓝田县"}, {"610124", "西安市", "周至县"},
    {"610202", "铜川市", "王益区"}, {"610203", "铜川市", "印台区"}, {"610204", "铜川市", "耀州区"},
    {"610302", "宝鸡市", "渭滨区"}, {"610303", "宝鸡市", "金台区"}, {"610304", "宝鸡市", "陈仓区"},
    {"610402", "咸阳市", "秦都区"}, {"610403", "咸阳市", "杨陵区"}, {"610404", "咸阳市", "渭城区"},
    {"610422", "咸阳市", "三原县"}, {"610502", "渭南市", "临渭区"}, {"610503", "渭南市", "华州区"},
    {"610581", "渭南市", "韩城市"}, {"610602", "延安市", "宝塔区"}, {"610603", "延安市", "安塞区"},
    {"610702", "汉中市", "汉台区"}, {"610703", "汉中市", "南郑区"}, {"610722", "汉中市", "城固县"},
    {"610802", "榆林市", "榆阳区"}, {"610803", "榆林市", "横山区"}, {"610881", "榆林市", "神木市"},
    {"610902", "安康市", "汉滨区"}, {"610921", "安康市", "汉阴县"}, {"611002", "商洛市", "商州区"},
    {"611021", "商洛市", "洛南县"}, {"610113", "西安市", "雁塔区"}, {"610112", "西安市", "未央区"},
    {"610103", "西安市", "碑林区"},
}};

constexpr std::array<std::string_view, 80> kSurnames{
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁",
    "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶",
    "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖",
    "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "侯", "雷"};

constexpr std::array<std::string_view, 48> kMaleChars{
    "建", "国", "军", "伟", "华", "明", "强", "平", "志", "文", "斌", "勇", "刚", "海", "林", "波",
    "峰", "涛", "辉", "东", "忠", "民", "德", "福", "生", "荣", "学", "宝", "成", "利", "永", "春",
    "庆", "安", "胜", "新", "兴", "立", "振", "社", "世", "长", "金", "和", "全", "光", "武", "卫"};

constexpr std::array<std::string_view, 48> kFemaleChars{
    "秀", "英", "兰", "芳", "玉", "珍", "梅", "霞", "华", "丽", "敏", "静", "淑", "凤", "琴", "云",
    "桂", "娟", "萍", "红", "艳", "莲", "春", "燕", "翠", "菊", "爱", "香", "琳", "素", "月", "彩",
    "荣", "芬", "瑞", "惠", "慧", "洁", "玲", "萍", "银", "珠", "平", "清", "贞", "巧", "雪", "冬"};

constexpr std::array<std::string_view, 16> kProvinceDepartments{
    "教育",       "财政",     "民政",     "人力资源和社会保障",
    "交通运输",   "水利",     "农业农村", "卫生健康",
    "文化和旅游", "自然资源", "生态环境", "住房和城乡建设",
    "商务",       "审计",     "司法",     "科学技术"};

constexpr std::array<std::string_view, 12> kCityBureaus{"公安", "税务",     "统计", "市场监督管理",
                                                        "规划", "城市管理", "园林", "粮食",
                                                        "林业", "气象",     "教育", "民政"};

constexpr std::array<std::string_view, 12> kUniversities{
    "西北大学",         "西安交通大学",     "陕西师范大学", "西北工业大学",
    "长安大学",         "西安电子科技大学", "延安大学",     "西北农林科技大学",
    "西安建筑科技大学", "西安理工大学",     "陕西科技大学", "西安石油大学"};

constexpr std::array<std::string_view, 3> kHospitalKinds{"中心", "人民", "中医"};

constexpr std::array<std::string_view, 12> kRoads{"长安", "友谊", "建设", "解放", "文化", "人民",
                                                  "和平", "东风", "胜利", "太白", "朱雀", "含光"};

constexpr std::array<std::string_view, 10> kDigitNames{"一", "二", "三", "四", "五",
                                                       "六", "七", "八", "九", "十"};

// Mobile prefixes of the three carriers around the time these retirees got phones.
constexpr std::array<std::string_view, 12> kPhonePrefixes{"130", "131", "133", "135", "136", "137",
                                                          "138", "139", "150", "153", "158", "189"};

std::string school_number(std::uint64_t n) {  // 1..30 -> 第一..第三十
    std::string s;
    if (n >= 10) {
        if (n / 10 > 1) s += kDigitNames[n / 10 - 1];
        s += "十";
        if (n % 10 != 0) s += kDigitNames[n % 10 - 1];
    } else {
        s += kDigitNames[n - 1];
    }
    return s;
}

}  // namespace

SyntheticRoster::SyntheticRoster(std::uint64_t seed) : rng_(seed) {}

std::uint64_t SyntheticRoster::below(std::uint64_t n) {
    return rng_() % n;
}

RetireeDraft SyntheticRoster::next() {
    ++count_;
    const Division& div = kDivisions[below(kDivisions.size())];
    const bool female = below(100) < 48;
    const int first_year = 1935;
    const int last_year = female ? 1966 : 1965;  // still retired (60/55) by 2026
    std::string first17;
    Date birth;
    for (;;) {
        const int year =
            first_year +
            static_cast<int>(below(static_cast<std::uint64_t>(last_year - first_year + 1)));
        const unsigned month = 1 + static_cast<unsigned>(below(12));
        const unsigned day = 1 + static_cast<unsigned>(below(28));
        birth = Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
        // Sequence: odd for men, even for women (GB 11643).
        std::uint64_t seq = below(500) * 2 + (female ? 0 : 1);
        char seqtext[4];
        seqtext[0] = static_cast<char>('0' + seq / 100);
        seqtext[1] = static_cast<char>('0' + seq / 10 % 10);
        seqtext[2] = static_cast<char>('0' + seq % 10);
        seqtext[3] = 0;
        first17 = std::string(div.code) + to_compact(birth) + seqtext;
        if (issued_ids_.insert(std::stoull(first17)).second) break;
    }
    RetireeDraft d;
    d.id_number = first17 + IdNumber::check_character(first17);
    d.name = std::string(kSurnames[below(kSurnames.size())]);
    const auto& chars = female ? kFemaleChars : kMaleChars;
    d.name += chars[below(chars.size())];
    if (below(100) < 70) d.name += chars[below(chars.size())];
    d.gender = female ? "female" : "male";
    d.birth_date = to_iso(birth);
    const std::uint64_t eth = below(100);
    d.ethnicity = eth < 94 ? "汉" : eth < 98 ? "回" : eth < 99 ? "满" : "蒙古";

    switch (below(6)) {
        case 0:
            d.employer_unit =
                "陕西省" + std::string(kProvinceDepartments[below(kProvinceDepartments.size())]) +
                "厅";
            break;
        case 1:
            d.employer_unit = std::string(div.city) +
                              std::string(kCityBureaus[below(kCityBureaus.size())]) + "局";
            break;
        case 2:
            d.employer_unit = std::string(kUniversities[below(kUniversities.size())]);
            break;
        case 3:
            d.employer_unit = std::string(div.city) + "第" + school_number(1 + below(30)) + "中学";
            break;
        case 4:
            d.employer_unit = std::string(div.city) +
                              std::string(kHospitalKinds[below(kHospitalKinds.size())]) + "医院";
            break;
        default:
            d.employer_unit = std::string(div.city) + std::string(div.district) +
                              std::string(kCityBureaus[below(kCityBureaus.size())]) + "局";
            break;
    }

    const int retire_age = female ? 55 : 60;
    const Date retired{birth.year() + std::chrono::years{retire_age}, birth.month(), birth.day()};
    d.retirement_date = to_iso(retired);

    // count_ * an odd multiplier mod 10^8 is a bijection on [0, 10^8): phones never repeat.
    const std::uint64_t tail = (count_ * 48271ULL + 12345ULL) % 100000000ULL;
    std::string digits = std::to_string(tail);
    d.phone = std::string(kPhonePrefixes[count_ % kPhonePrefixes.size()]) +
              std::string(8 - digits.size(), '0') + digits;
    d.address = std::string(div.city) + std::string(div.district) +
                std::string(kRoads[below(kRoads.size())]) + "路" + std::to_string(1 + below(300)) +
                "号";
    if (below(100) < 80) {
        d.social_security_card = "61" + std::to_string(1000000 + below(9000000));
    }
    d.scheme = below(100) < 75 ? "public_institution" : "enterprise";
    return d;
}

}  // namespace pd
