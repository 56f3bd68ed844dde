#include "store/certification_settings_store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <charconv>
#include <map>

#include "domain/utf8.h"
#include "store/store_error.h"
#include "store/workspace.h"

namespace pd::store {

namespace {
constexpr int kMaxRenewWindow = 180;
constexpr std::size_t kMaxPlaceChars = 60;
}  // namespace

std::string_view to_string(CycleSettings::Rule rule) {
    return rule == CycleSettings::Rule::CalendarYear ? "calendar_year" : "rolling12";
}

std::optional<CycleSettings::Rule> parse_cycle_rule(std::string_view text) {
    if (text == "calendar_year") return CycleSettings::Rule::CalendarYear;
    if (text == "rolling12") return CycleSettings::Rule::Rolling12;
    return std::nullopt;
}

CertificationSettings load_certification_settings(Database& db, std::string default_place) {
    std::map<std::string, std::string> kv;
    SQLite::Statement q(db.sql(),
                        "SELECT key, value FROM workspace_info WHERE key LIKE 'certification.%'");
    while (q.executeStep()) kv[q.getColumn(0).getString()] = q.getColumn(1).getString();
    CertificationSettings s;
    s.place = std::move(default_place);
    // A value another version wrote and this one does not know falls back to the default,
    // never to something stricter or looser by accident.
    if (auto it = kv.find("certification.cycle"); it != kv.end())
        if (auto rule = parse_cycle_rule(it->second)) s.cycle.rule = *rule;
    if (auto it = kv.find("certification.renew_window_days"); it != kv.end()) {
        int days = 0;
        const auto& v = it->second;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), days);
        if (ec == std::errc() && end == v.data() + v.size() && days >= 0 && days <= kMaxRenewWindow)
            s.cycle.renew_window_days = days;
    }
    if (auto it = kv.find("certification.place"); it != kv.end() && !it->second.empty())
        s.place = it->second;
    return s;
}

void save_certification_settings(Database& db, const CertificationSettings& settings) {
    if (settings.cycle.renew_window_days < 0 || settings.cycle.renew_window_days > kMaxRenewWindow)
        throw StoreError("the renewal window must be 0 to 180 days");
    const auto place = utf8::decode(settings.place);
    if (!place || place->empty() || place->size() > kMaxPlaceChars)
        throw StoreError("the office name must be 1 to 60 characters of valid text");
    const std::pair<std::string_view, std::string> rows[] = {
        {"certification.cycle", std::string(to_string(settings.cycle.rule))},
        {"certification.renew_window_days", std::to_string(settings.cycle.renew_window_days)},
        {"certification.place", settings.place}};
    write_workspace_info(db, rows);
}

}  // namespace pd::store
