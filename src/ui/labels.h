#pragma once

#include <wx/string.h>

#include "domain/gender.h"
#include "domain/retiree.h"

namespace pd::ui {

// Display names of domain enumerations, translated.
[[nodiscard]] wxString gender_label(Gender g);
[[nodiscard]] wxString status_label(RetireeStatus s);
[[nodiscard]] wxString scheme_label(PensionScheme s);

}  // namespace pd::ui
