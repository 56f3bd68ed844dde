#include "ui/labels.h"

#include <wx/intl.h>

namespace pd::ui {

wxString gender_label(Gender g) {
    return g == Gender::Male ? _("Male") : _("Female");
}

wxString status_label(RetireeStatus s) {
    switch (s) {
        case RetireeStatus::Active:
            return _("Active");
        case RetireeStatus::Suspended:
            return _("Suspended");
        case RetireeStatus::Deceased:
            return _("Deceased");
        case RetireeStatus::Deactivated:
            return _("Deactivated");
    }
    return {};
}

wxString scheme_label(PensionScheme s) {
    return s == PensionScheme::PublicInstitution ? _("Public institutions")
                                                 : _("Enterprise employees");
}

}  // namespace pd::ui
