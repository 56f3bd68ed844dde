#include "ui/error_panel.h"

#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "ui/theme.h"

namespace pd::ui {

wxWindow* make_error_panel(wxWindow* parent, const wxString& text) {
    auto* p = new wxPanel(parent);
    auto* t = new wxStaticText(p, wxID_ANY, text);
    t->SetForegroundColour(theme::error_colour());
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(t, 0, wxALL, p->FromDIP(12));
    p->SetSizer(s);
    return p;
}

}  // namespace pd::ui
