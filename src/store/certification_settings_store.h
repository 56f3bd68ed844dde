#pragma once

#include <string>

#include "domain/certification_service.h"
#include "store/database.h"

namespace pd::store {

// The agency's certification policy for a workspace, kept in the workspace (workspace_info),
// not on one PC: every workstation and `pensiondesk-admin due` then apply the same cycle. Keys:
// certification.cycle ("rolling12" | "calendar_year"), certification.renew_window_days,
// certification.place (the office printed on receipts and in history).
[[nodiscard]] CertificationSettings load_certification_settings(Database& db,
                                                                std::string default_place);
// Stores them in one transaction; throws StoreError on a value outside the rules (a renewal
// window outside 0..180 days, an empty or over-long office name) without writing anything.
void save_certification_settings(Database& db, const CertificationSettings& settings);

[[nodiscard]] std::string_view to_string(CycleSettings::Rule rule);
[[nodiscard]] std::optional<CycleSettings::Rule> parse_cycle_rule(std::string_view text);

}  // namespace pd::store
