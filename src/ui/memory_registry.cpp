#include "ui/memory_registry.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

namespace pd::ui {

namespace {
RetireeRow row_of(const Retiree& r, std::int64_t key) {
    return RetireeRow{key,
                      r.id,
                      r.id_number.str(),
                      r.name.str(),
                      r.gender,
                      to_iso(r.birth_date),
                      r.employer_unit,
                      r.phone ? r.phone->str() : std::string{},
                      r.status};
}
bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}
}  // namespace

void MemoryRegistry::seed(std::int64_t count) {
    static constexpr std::array surnames{"王", "李", "张", "刘", "陈",
                                         "杨", "赵", "黄", "周", "吴"};
    static constexpr std::array given{"建国", "秀英", "桂兰", "志强",
                                      "淑珍", "德明", "玉兰", "文华"};
    static constexpr std::array units{"西安市第一中学", "陕西省电力公司", "宝鸡市人民医院",
                                      "咸阳市纺织厂",   "延安市教育局",   "汉中市供销社"};
    UuidGenerator ids(42);
    std::scoped_lock lock(mutex_);
    for (std::int64_t i = 0; i < count; ++i) {
        const int year = 1940 + static_cast<int>(i % 25);
        const int month = 1 + static_cast<int>(i % 12);
        const int day = 1 + static_cast<int>(i % 28);
        char first17[18];
        std::snprintf(first17, sizeof first17, "610102%04d%02d%02d%03d", year, month, day,
                      static_cast<int>(i % 1000));
        std::string id(first17, 17);
        id.push_back(IdNumber::check_character(id));
        const auto name = PersonName::from_storage(std::string(surnames[i % surnames.size()]) +
                                                   given[(i / 10) % given.size()]);
        char phone[24];
        std::snprintf(phone, sizeof phone, "139%08lld", static_cast<long long>(i % 100000000));
        const auto id_number = IdNumber::from_storage(id);
        records_.push_back(Retiree{.id = ids.next(std::chrono::system_clock::now()),
                                   .id_number = id_number,
                                   .name = name,
                                   .gender = id_number.gender(),
                                   .birth_date = id_number.birth_date(),
                                   .ethnicity = "汉",
                                   .employer_unit = units[i % units.size()],
                                   .retirement_date = std::nullopt,
                                   .phone = MobilePhone::from_storage(phone),
                                   .phone_shared_by_family = false,
                                   .address = {},
                                   .social_security_card = {},
                                   .scheme = PensionScheme::PublicInstitution,
                                   .overseas = false,
                                   .status = RetireeStatus::Active,
                                   .status_reason = {},
                                   .revision = 1});
    }
}

std::optional<Retiree> MemoryRegistry::by_id(const Uuid& id) const {
    std::scoped_lock lock(mutex_);
    for (const auto& r : records_)
        if (r.id == id) return r;
    return std::nullopt;
}

std::optional<Retiree> MemoryRegistry::by_id_number(const IdNumber& id) const {
    std::scoped_lock lock(mutex_);
    for (const auto& r : records_)
        if (r.id_number == id) return r;
    return std::nullopt;
}

std::vector<Retiree> MemoryRegistry::by_phone(const MobilePhone& phone) const {
    std::scoped_lock lock(mutex_);
    std::vector<Retiree> out;
    for (const auto& r : records_)
        if (r.phone && *r.phone == phone) out.push_back(r);
    return out;
}

void MemoryRegistry::add(const Retiree& r, const ChangeNote&) {
    std::scoped_lock lock(mutex_);
    for (const auto& other : records_)
        if (other.id_number == r.id_number) throw DuplicateKey(r.id_number.str());
    records_.push_back(r);
}

void MemoryRegistry::update(const Retiree& after, const ChangeNote&) {
    std::scoped_lock lock(mutex_);
    for (auto& r : records_) {
        if (r.id != after.id) continue;
        if (r.revision != after.revision - 1) throw StaleRevision(after.id.str());
        r = after;
        return;
    }
    throw StaleRevision(after.id.str());
}

std::int64_t MemoryRegistry::total() const {
    std::scoped_lock lock(mutex_);
    return static_cast<std::int64_t>(records_.size());
}

std::vector<std::int64_t> MemoryRegistry::search(const SearchQuery& query) const {
    std::scoped_lock lock(mutex_);
    std::vector<std::int64_t> keys;
    for (std::size_t i = 0; i < records_.size() && keys.size() < query.limit; ++i) {
        const auto& r = records_[i];
        const auto& t = query.text;
        bool hit = false;
        switch (query.field) {
            case SearchField::IdNumber:
                hit = r.id_number.str().starts_with(t);
                break;
            case SearchField::Name:
                hit = contains(r.name.str(), t);
                break;
            case SearchField::EmployerUnit:
                hit = contains(r.employer_unit, t);
                break;
            case SearchField::Phone:
                hit = r.phone && r.phone->str().starts_with(t);
                break;
            case SearchField::Auto:
                hit = r.id_number.str().starts_with(t) || contains(r.name.str(), t) ||
                      contains(r.employer_unit, t) || (r.phone && r.phone->str().starts_with(t));
                break;
        }
        if (hit) keys.push_back(static_cast<std::int64_t>(i) + 1);
    }
    return keys;
}

std::vector<RetireeRow> MemoryRegistry::rows(std::span<const std::int64_t> keys) const {
    std::scoped_lock lock(mutex_);
    std::vector<RetireeRow> out;
    out.reserve(keys.size());
    for (auto k : keys)
        if (k >= 1 && k <= static_cast<std::int64_t>(records_.size()))
            out.push_back(row_of(records_[static_cast<std::size_t>(k - 1)], k));
    return out;
}

}  // namespace pd::ui
