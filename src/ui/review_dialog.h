#pragma once

#include <wx/dialog.h>

#include "domain/certification.h"

class wxTextCtrl;
class wxStaticText;

namespace pd::ui {

class CertificationServices;

// Manual review (four eyes): the supervisor sees the evidence frames and scores of a failed
// certification and approves or rejects it, with a reason that is recorded.
class ReviewDialog final : public wxDialog {
  public:
    ReviewDialog(wxWindow* parent, CertificationServices& services, const Certification& review);

    // For tests and the buttons; false (with the reason on screen) when refused.
    bool decide(bool approve);
    void set_reason(const wxString& reason);

  private:
    CertificationServices& services_;
    Certification review_;
    wxTextCtrl* reason_ = nullptr;
    wxStaticText* status_ = nullptr;
};

}  // namespace pd::ui
