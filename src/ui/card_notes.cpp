#include "ui/card_notes.h"

#include <wx/intl.h>

#include "domain/gender.h"
#include "ui/labels.h"
#include "ui/text.h"

namespace pd::ui {

namespace {
wxString field_label(const std::string& field) {
    if (field == "id_number") return _("ID number");
    if (field == "name") return _("Name");
    if (field == "gender") return _("Gender");
    if (field == "birth_date") return _("Birth date");
    if (field == "ethnicity") return _("Ethnicity");
    if (field == "address") return _("Address");
    return from_utf8(field);
}

wxString shown(const CardDifference& d, const std::string& value) {
    if (value.empty()) return _("(empty)");
    if (d.field == "gender") {
        if (const auto g = parse_gender(value)) return gender_label(*g);
    }
    return from_utf8(value);
}
}  // namespace

wxString describe_differences(const std::vector<CardDifference>& differences, bool editing) {
    if (!editing) return {};
    if (differences.empty()) return _("The ID card agrees with the record.");
    wxString text =
        _("The ID card differs from the record (check, then Save to keep the card's "
          "values or Cancel to keep the record):");
    for (const auto& d : differences) {
        text += "\n" + wxString::Format(_("%s: record %s, card %s"), field_label(d.field),
                                        shown(d, d.on_record), shown(d, d.on_card));
    }
    return text;
}

wxString describe_warnings(const devices::CardText& card) {
    wxString text;
    const auto add = [&](const wxString& line) {
        if (!text.empty()) text += "\n";
        text += line;
    };
    for (const auto w : card_warnings(card)) {
        switch (w) {
            case CardWarning::Expired:
                add(wxString::Format(_("Warning: this ID card expired on %s."),
                                     from_utf8(card.valid_to_raw)));
                break;
            case CardWarning::BadIdNumber:
                add(wxString::Format(_("Warning: the ID number on the card is not valid (%s)."),
                                     translate(*card.id_number_problem)));
                break;
            case CardWarning::Unsupported:
                add(_("Warning: this card's layout is not known; check every field."));
                break;
            case CardWarning::Unparsed:
                add(_("Warning: some fields on the card could not be read; check them."));
                break;
        }
    }
    return text;
}

}  // namespace pd::ui
