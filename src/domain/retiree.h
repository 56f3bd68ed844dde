#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/gender.h"
#include "domain/id_number.h"
#include "domain/person_name.h"
#include "domain/phone.h"
#include "domain/uuid.h"

namespace pd {

// Deactivated records stay for history and audit: retirees are never hard-deleted.
enum class RetireeStatus { Active, Suspended, Deceased, Deactivated };
// 机关事业单位 (public institutions) or 企业职工 (enterprise employees) pension scheme.
enum class PensionScheme { PublicInstitution, Enterprise };

[[nodiscard]] std::string_view to_string(RetireeStatus s);
[[nodiscard]] std::optional<RetireeStatus> parse_retiree_status(std::string_view s);
[[nodiscard]] std::string_view to_string(PensionScheme s);
[[nodiscard]] std::optional<PensionScheme> parse_pension_scheme(std::string_view s);

struct Retiree {
    Uuid id;
    IdNumber id_number;
    PersonName name;
    Gender gender = Gender::Male;
    Date birth_date;
    std::string ethnicity;  // 民族 name, e.g. "汉"; empty when unknown
    std::string employer_unit;
    std::optional<Date> retirement_date;
    std::optional<MobilePhone> phone;
    bool phone_shared_by_family = false;  // another retiree may hold the same number
    std::string address;
    std::string social_security_card;  // 社保卡 card number, when known
    PensionScheme scheme = PensionScheme::PublicInstitution;
    bool overseas = false;  // lives abroad: certification follows the overseas route
    RetireeStatus status = RetireeStatus::Active;
    std::string status_reason;  // why suspended / deactivated
    std::int64_t revision = 1;  // bumped on every change; edits name the revision they saw
};

// What a clerk typed into the registration form (or a roster CSV row): raw text, checked by
// validate_draft() into a Retiree.
struct RetireeDraft {
    std::string id_number;
    std::string name;
    std::string gender;      // optional: derived from the ID number when empty
    std::string birth_date;  // optional: derived from the ID number when empty
    std::string ethnicity;
    std::string employer_unit;
    std::string retirement_date;
    std::string phone;
    bool phone_shared_by_family = false;
    std::string address;
    std::string social_security_card;
    std::string scheme;  // empty: public institution
    bool overseas = false;
};

// The draft of an existing record, for the edit form.
[[nodiscard]] RetireeDraft to_draft(const Retiree& r);

}  // namespace pd
