#include "ui/card_draft.h"

#include <string_view>

namespace pd::ui {

namespace {
// The card says "汉", the form may hold "汉族": compare without the suffix.
std::string_view without_zu(std::string_view s) {
    constexpr std::string_view zu = "族";
    if (s.size() > zu.size() && s.substr(s.size() - zu.size()) == zu) s.remove_suffix(zu.size());
    return s;
}
}  // namespace

RetireeDraft draft_from_card(const devices::CardText& card) {
    RetireeDraft d;
    d.id_number = card.id_number;
    d.name = card.name;
    if (card.gender) d.gender = std::string(to_string(*card.gender));
    if (card.birth_date) d.birth_date = to_iso(*card.birth_date);
    d.ethnicity = std::string(without_zu(card.nation_name));
    d.address = card.address;
    return d;
}

RetireeDraft merge_card(RetireeDraft form, const RetireeDraft& card) {
    // An empty card field (a foreigner's card has no nation) must not blank what the form has.
    const auto over = [](std::string& to, const std::string& from) {
        if (!from.empty()) to = from;
    };
    over(form.id_number, card.id_number);
    over(form.name, card.name);
    over(form.ethnicity, card.ethnicity);
    over(form.address, card.address);
    // The form derives gender and birth date from the ID number: it never holds its own.
    form.gender.clear();
    form.birth_date.clear();
    return form;
}

std::vector<CardDifference> card_differences(const RetireeDraft& record, const RetireeDraft& card) {
    std::vector<CardDifference> out;
    const auto compare = [&](const char* field, const std::string& a, const std::string& b,
                             bool both_needed) {
        if (b.empty() || (both_needed && a.empty())) return;
        if (a != b) out.push_back({field, a, b});
    };
    compare("id_number", record.id_number, card.id_number, false);
    compare("name", record.name, card.name, false);
    compare("gender", record.gender, card.gender, true);
    compare("birth_date", record.birth_date, card.birth_date, true);
    if (!card.ethnicity.empty() && without_zu(record.ethnicity) != without_zu(card.ethnicity))
        out.push_back({"ethnicity", record.ethnicity, card.ethnicity});
    compare("address", record.address, card.address, false);
    return out;
}

std::vector<CardWarning> card_warnings(const devices::CardText& card) {
    std::vector<CardWarning> out;
    if (card.expired) out.push_back(CardWarning::Expired);
    if (card.id_number_problem) out.push_back(CardWarning::BadIdNumber);
    if (card.type == devices::CardType::Unsupported) out.push_back(CardWarning::Unsupported);
    if (!card.problems.empty()) out.push_back(CardWarning::Unparsed);
    return out;
}

}  // namespace pd::ui
