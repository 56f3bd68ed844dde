#pragma once

#include <string>
#include <vector>

#include "devices/text_block.h"
#include "domain/date.h"
#include "domain/retiree.h"

namespace pd::ui {

// The registration fields an ID card can vouch for: ID number, name, gender, birth date,
// ethnicity (from the nation code) and address. Everything else stays empty.
[[nodiscard]] RetireeDraft draft_from_card(const devices::CardText& card);

// `form` with the card's fields laid over it: what the form shows after a read, so the fields
// the card does not carry (unit, phone, scheme ...) keep what the clerk typed or the record had.
[[nodiscard]] RetireeDraft merge_card(RetireeDraft form, const RetireeDraft& card);

// One field where the card and the record disagree (UTF-8 values, field ids as in the form).
struct CardDifference {
    std::string field;  // "id_number", "name", "gender", "birth_date", "ethnicity", "address"
    std::string on_record;
    std::string on_card;
};

// Fields the card carries whose value differs from the record's. Gender and birth date are
// compared only when both sides have them; "汉" and "汉族" are the same ethnicity.
[[nodiscard]] std::vector<CardDifference> card_differences(const RetireeDraft& record,
                                                           const RetireeDraft& card);

// What the clerk must look at before trusting the card.
enum class CardWarning {
    Expired,      // past its validity
    BadIdNumber,  // the number fails GB 11643 validation (check digit, date, region)
    Unsupported,  // a layout we do not know: the fields may be wrong
    Unparsed,     // some field did not parse (see CardText::problems)
};
[[nodiscard]] std::vector<CardWarning> card_warnings(const devices::CardText& card);

}  // namespace pd::ui
