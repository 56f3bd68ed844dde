#include "domain/retiree.h"

namespace pd {

std::string_view to_string(RetireeStatus s) {
    switch (s) {
        case RetireeStatus::Active:
            return "active";
        case RetireeStatus::Suspended:
            return "suspended";
        case RetireeStatus::Deceased:
            return "deceased";
        case RetireeStatus::Deactivated:
            return "deactivated";
    }
    return "active";
}

std::optional<RetireeStatus> parse_retiree_status(std::string_view s) {
    if (s == "active") return RetireeStatus::Active;
    if (s == "suspended") return RetireeStatus::Suspended;
    if (s == "deceased") return RetireeStatus::Deceased;
    if (s == "deactivated") return RetireeStatus::Deactivated;
    return std::nullopt;
}

std::string_view to_string(PensionScheme s) {
    return s == PensionScheme::PublicInstitution ? "public_institution" : "enterprise";
}

std::optional<PensionScheme> parse_pension_scheme(std::string_view s) {
    if (s.empty() || s == "public_institution" || s == "机关事业单位") {
        return PensionScheme::PublicInstitution;
    }
    if (s == "enterprise" || s == "企业职工") return PensionScheme::Enterprise;
    return std::nullopt;
}

RetireeDraft to_draft(const Retiree& r) {
    RetireeDraft d;
    d.id_number = r.id_number.str();
    d.name = r.name.str();
    d.gender = std::string(to_string(r.gender));
    d.birth_date = to_iso(r.birth_date);
    d.ethnicity = r.ethnicity;
    d.employer_unit = r.employer_unit;
    d.retirement_date = r.retirement_date ? to_iso(*r.retirement_date) : "";
    d.phone = r.phone ? r.phone->str() : "";
    d.phone_shared_by_family = r.phone_shared_by_family;
    d.address = r.address;
    d.social_security_card = r.social_security_card;
    d.scheme = std::string(to_string(r.scheme));
    d.overseas = r.overseas;
    return d;
}

}  // namespace pd
