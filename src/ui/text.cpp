#include "ui/text.h"

#include <wx/intl.h>

namespace pd::ui {

wxString translate(const Error& error) {
    // Translate the template first: the args (names, characters, numbers) are never translated.
    const wxString tmpl = wxGetTranslation(from_utf8(error.text));
    return from_utf8(substitute(to_utf8(tmpl), error.args));
}

}  // namespace pd::ui
