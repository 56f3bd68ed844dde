#include "store/roster_export.h"

#include <SQLiteCpp/Statement.h>

#include <array>
#include <string>

#include "domain/synthetic_roster.h"
#include "store/roster_csv.h"

namespace pd::store {

namespace {

std::array<std::string_view, std::size(kRosterColumns)> header_names() {
    std::array<std::string_view, std::size(kRosterColumns)> names{};
    for (std::size_t i = 0; i < names.size(); ++i) names[i] = kRosterColumns[i].name;
    return names;
}

}  // namespace

std::size_t export_roster(Database& db, std::ostream& out) {
    const auto names = header_names();
    write_csv_line(out, std::span<const std::string_view>(names));
    try {
        SQLite::Statement st(db.sql(),
                             "SELECT r.id_number, r.name, r.gender, r.birth_date, r.ethnicity, "
                             "u.name, coalesce(r.retirement_date, ''), coalesce(r.phone, ''), "
                             "r.phone_shared_by_family, r.address, r.social_security_card, "
                             "r.scheme, r.overseas, r.status, r.status_reason "
                             "FROM retiree r JOIN unit u ON u.id = r.unit_id ORDER BY r.key");
        std::size_t n = 0;
        std::array<std::string, std::size(kRosterColumns)> fields;
        while (st.executeStep()) {
            for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
                fields[static_cast<std::size_t>(i)] = st.getColumn(i).getString();
            }
            write_csv_line(out, std::span<const std::string>(fields));
            ++n;
        }
        return n;
    } catch (const std::exception& e) {
        throw StoreError("exporting the registry of " + db.path().string() + ": " + e.what());
    }
}

void write_synthetic_roster(std::ostream& out, std::size_t count, std::uint64_t seed) {
    const auto names = header_names();
    write_csv_line(out, std::span<const std::string_view>(names));
    SyntheticRoster roster(seed);
    RosterFields f;
    for (std::size_t i = 0; i < count; ++i) {
        const RetireeDraft d = roster.next();
        f = roster_fields(d, "active", "");
        write_csv_line(out, std::span<const std::string>(f));
    }
}

}  // namespace pd::store
