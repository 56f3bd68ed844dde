#include "domain/eligibility.h"

#include "domain/utf8.h"

namespace pd {

namespace {

constexpr const char* kCorrection = PD_N(
    "the retiree's former unit files a data-correction request with the agency; "
    "certification is possible the day after the correction");

}  // namespace

bool Eligibility::can_certify() const {
    for (const auto& r : reasons) {
        if (r.blocking) return false;
    }
    return true;
}

NameDifference describe_name_difference(std::string_view presented, std::string_view recorded,
                                        const ScriptChecker& script) {
    NameDifference d;
    const auto a = utf8::decode(presented);
    const auto b = utf8::decode(recorded);
    if (!a || !b || *a == *b) return d;
    d.differs = true;
    if (a->size() != b->size()) return d;  // a different name: positions say nothing
    for (std::size_t i = 0; i < a->size(); ++i) {
        const char32_t x = (*a)[i];
        const char32_t y = (*b)[i];
        if (x == y) continue;
        if (!d.positions.empty()) d.positions += ", ";
        d.positions += std::to_string(i + 1) + " (" + utf8::encode(x) + "/" + utf8::encode(y) + ")";
        if (const auto s = script.simplified_of(x); s && *s == y) {
            if (!d.traditional.empty()) d.traditional += ", ";
            d.traditional += utf8::encode(x) + "→" + utf8::encode(y);
        }
    }
    return d;
}

Eligibility check_eligibility(const EligibilityInput& in, const ScriptChecker& script) {
    Eligibility e;
    const Retiree& r = in.retiree;
    e.due = due_status(in.history, in.today, in.cycle);

    if (r.scheme != in.served_scheme) {
        e.reasons.push_back({"not_in_scheme",
                             PD_N("{1} is not a pensioner of the scheme this office certifies "
                                  "({2})"),
                             {r.name.str(), std::string(to_string(in.served_scheme))},
                             PD_N("send the retiree to the agency of their own scheme ({1})"),
                             {std::string(to_string(r.scheme))}});
    }

    switch (r.status) {
        case RetireeStatus::Active:
            break;
        case RetireeStatus::Suspended:
            e.reasons.push_back({"suspended",
                                 PD_N("payments to {1} are suspended: {2}"),
                                 {r.name.str(), r.status_reason},
                                 PD_N("a supervisor reviews the suspension before certifying"),
                                 {}});
            break;
        case RetireeStatus::Deceased:
            e.reasons.push_back({"deceased",
                                 PD_N("{1} is recorded as deceased"),
                                 {r.name.str()},
                                 PD_N("if this is wrong, the unit files a data-correction "
                                      "request with proof of life"),
                                 {}});
            break;
        case RetireeStatus::Deactivated:
            e.reasons.push_back({"deactivated",
                                 PD_N("the record of {1} is deactivated: {2}"),
                                 {r.name.str(), r.status_reason},
                                 PD_N("a supervisor reactivates the record if it was "
                                      "deactivated in error"),
                                 {}});
            break;
    }

    if (in.presented) {
        const auto diff = describe_name_difference(in.presented->name, r.name.str(), script);
        if (diff.differs && !diff.traditional.empty()) {
            e.reasons.push_back({"name_traditional",
                                 PD_N("the name presented ({1}) uses traditional characters "
                                      "({2}); the record has {3}"),
                                 {in.presented->name, diff.traditional, r.name.str()},
                                 PD_N("type the name in simplified characters; if the record "
                                      "itself is wrong, the unit files a data-correction "
                                      "request"),
                                 {}});
        } else if (diff.differs) {
            e.reasons.push_back({"name_mismatch",
                                 diff.positions.empty()
                                     ? PD_N("the name presented ({1}) differs from the record "
                                            "({2})")
                                     : PD_N("the name presented ({1}) differs from the record "
                                            "({2}) at character {3}"),
                                 {in.presented->name, r.name.str(), diff.positions},
                                 kCorrection,
                                 {}});
        }
        std::string presented_id = in.presented->id_number;
        if (!presented_id.empty() && presented_id.back() == 'x') presented_id.back() = 'X';
        if (presented_id != r.id_number.str()) {
            std::string positions;
            for (std::size_t i = 0; i < std::max(presented_id.size(), r.id_number.str().size());
                 ++i) {
                if (i >= presented_id.size() || i >= r.id_number.str().size() ||
                    presented_id[i] != r.id_number.str()[i]) {
                    positions += (positions.empty() ? "" : ", ") + std::to_string(i + 1);
                }
            }
            e.reasons.push_back({"id_number_mismatch",
                                 PD_N("the ID number presented ({1}) differs from the record "
                                      "({2}) at position {3}"),
                                 {presented_id, r.id_number.str(), positions},
                                 kCorrection,
                                 {}});
        }
    }

    if (e.due.state == DueState::NotDue) {
        const Certification* last = latest_passed(in.history);
        e.reasons.push_back({"already_certified",
                             PD_N("already certified on {1} at {2} by {3}; valid until {4}"),
                             {to_iso(Date{std::chrono::floor<std::chrono::days>(last->at)}),
                              last->place, last->staff_name, to_iso(last->valid_until)},
                             PD_N("nothing to do now; the next certification is accepted from "
                                  "{1}"),
                             {to_iso(*e.due.due_from)}});
    }

    if (!in.enrolled) {
        e.reasons.push_back({"not_enrolled",
                             PD_N("{1} has no enrolled reference face yet"),
                             {r.name.str()},
                             PD_N("enrol first (实名注册): record consent, then a live capture "
                                  "checked against the ID card"),
                             {}});
    }

    if (r.overseas) {
        e.reasons.push_back({"overseas",
                             PD_N("{1} is recorded as living abroad"),
                             {r.name.str()},
                             PD_N("if the retiree is here in person, certify as usual; "
                                  "otherwise use the overseas route"),
                             {},
                             false});
    }
    return e;
}

}  // namespace pd
