#include "domain/retiree_validation.h"

#include "domain/ethnicity.h"
#include "domain/utf8.h"

namespace pd {

namespace {

std::string trim(std::string_view s) {
    const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return std::string(s);
}

Error field_error(std::string code, std::string field, std::string text,
                  std::vector<std::string> args = {}) {
    return Error{std::move(code), std::move(field), std::move(text), std::move(args)};
}

}  // namespace

std::optional<Error> check_free_text(std::string_view text, std::string field, std::size_t max,
                                     bool required) {
    std::size_t bad = 0;
    const auto decoded = utf8::decode(text, &bad);
    if (!decoded) {
        return field_error(field + ".encoding", field, PD_N("not valid text (bad byte at {1})"),
                           {std::to_string(bad + 1)});
    }
    if (required && trim(text).empty()) {
        return field_error(field + ".empty", field, PD_N("this field is required"));
    }
    for (std::size_t i = 0; i < decoded->size(); ++i) {
        const char32_t cp = (*decoded)[i];
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            return field_error(field + ".control", field,
                               PD_N("character {1} is an invisible control character; retype "
                                    "this field"),
                               {std::to_string(i + 1)});
        }
    }
    if (decoded->size() > max) {
        return field_error(field + ".length", field,
                           PD_N("{1} characters; at most {2} are allowed"),
                           {std::to_string(decoded->size()), std::to_string(max)});
    }
    return std::nullopt;
}

Expected<Retiree, FieldErrors> validate_draft(const RetireeDraft& draft,
                                              const ScriptChecker& script, Date today) {
    FieldErrors errors;

    const auto id = IdNumber::parse(draft.id_number, today);
    if (!id) errors.push_back(id.error());

    const auto name = PersonName::parse(draft.name, script);
    if (!name) errors.push_back(name.error());

    std::optional<Gender> gender;
    if (const auto g = trim(draft.gender); !g.empty()) {
        gender = parse_gender(g);
        if (!gender) {
            errors.push_back(field_error("gender.value", "gender",
                                         PD_N("'{1}' is not a gender; choose male or female"),
                                         {g}));
        } else if (id && *gender != id->gender()) {
            errors.push_back(field_error(
                "gender.mismatch", "gender",
                PD_N("the ID number says {1} (its 17th digit is {2}); check the gender or the "
                     "ID number"),
                {std::string(to_string(id->gender())), std::string(1, id->str()[16])}));
        }
    }

    if (const auto b = trim(draft.birth_date); !b.empty()) {
        const auto birth = parse_date(b);
        if (!birth) {
            errors.push_back(field_error("birth_date.format", "birth_date",
                                         PD_N("'{1}' is not a date; write it as YYYY-MM-DD"), {b}));
        } else if (id && *birth != id->birth_date()) {
            errors.push_back(field_error("birth_date.mismatch", "birth_date",
                                         PD_N("the ID number says the date of birth is {1}, not "
                                              "{2}"),
                                         {to_iso(id->birth_date()), to_iso(*birth)}));
        }
    }

    std::string ethnicity = trim(draft.ethnicity);
    if (!ethnicity.empty()) {
        if (const auto code = ethnicity_code(ethnicity)) {
            ethnicity = std::string(*ethnicity_name(*code));
        } else if (const auto by_code = ethnicity_name(ethnicity)) {
            ethnicity = std::string(*by_code);
        } else {
            errors.push_back(field_error("ethnicity.value", "ethnicity",
                                         PD_N("'{1}' is not one of the 56 nations or 其他"),
                                         {ethnicity}));
        }
    }

    const std::string unit = trim(draft.employer_unit);
    if (auto e = check_free_text(unit, "employer_unit", 100, true)) errors.push_back(*e);
    const std::string address = trim(draft.address);
    if (auto e = check_free_text(address, "address", 200, false)) errors.push_back(*e);

    std::optional<Date> retired;
    if (const auto r = trim(draft.retirement_date); !r.empty()) {
        retired = parse_date(r);
        if (!retired) {
            errors.push_back(field_error("retirement_date.format", "retirement_date",
                                         PD_N("'{1}' is not a date; write it as YYYY-MM-DD"), {r}));
        } else if (*retired > today) {
            errors.push_back(field_error("retirement_date.future", "retirement_date",
                                         PD_N("the retirement date {1} is in the future"),
                                         {to_iso(*retired)}));
        } else if (id && age_on(id->birth_date(), *retired) < 40) {
            errors.push_back(field_error(
                "retirement_date.age", "retirement_date",
                PD_N("retiring on {1} means retiring at {2}; check the date"),
                {to_iso(*retired), std::to_string(age_on(id->birth_date(), *retired))}));
        }
    }

    std::optional<MobilePhone> phone;
    if (const auto p = trim(draft.phone); !p.empty()) {
        auto parsed = MobilePhone::parse(p);
        if (parsed) {
            phone = *parsed;
        } else {
            errors.push_back(parsed.error());
        }
    }

    const std::string card = trim(draft.social_security_card);
    for (std::size_t i = 0; i < card.size(); ++i) {
        const char c = card[i];
        const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!ok) {
            errors.push_back(field_error("social_security_card.character", "social_security_card",
                                         PD_N("character {1} of the card number is not a letter "
                                              "or digit"),
                                         {std::to_string(i + 1)}));
            break;
        }
    }
    if (card.size() > 20) {
        errors.push_back(field_error("social_security_card.length", "social_security_card",
                                     PD_N("a card number has at most 20 characters")));
    }

    const auto scheme = parse_pension_scheme(trim(draft.scheme));
    if (!scheme) {
        errors.push_back(field_error("scheme.value", "scheme",
                                     PD_N("'{1}' is not a pension scheme"), {trim(draft.scheme)}));
    }

    if (!errors.empty()) return errors;

    Retiree r{.id = {},
              .id_number = *id,
              .name = *name,
              .gender = id->gender(),
              .birth_date = id->birth_date(),
              .ethnicity = ethnicity,
              .employer_unit = unit,
              .retirement_date = retired,
              .phone = phone,
              .phone_shared_by_family = phone && draft.phone_shared_by_family,
              .address = address,
              .social_security_card = card,
              .scheme = *scheme,
              .overseas = draft.overseas,
              .status = RetireeStatus::Active,
              .status_reason = {},
              .revision = 1};
    for (auto& c : r.social_security_card) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return r;
}

}  // namespace pd
