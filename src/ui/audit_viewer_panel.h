#pragma once

#include <wx/panel.h>

#include <vector>

#include "domain/audit.h"
#include "domain/clock.h"

class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace pd::ui {

// The audit log for supervisors and auditors: filter by person, retiree (or account), action
// and date. Reads through pd::read_audit, which refuses every other role.
class AuditViewerPanel final : public wxPanel {
  public:
    AuditViewerPanel(wxWindow* parent, const AuditReader& reader, AuditSink& sink,
                     const Clock& clock, Actor actor);

    // Runs the query in the filter fields.
    void search();
    [[nodiscard]] std::size_t shown() const { return entries_.size(); }
    // For tests.
    [[nodiscard]] wxTextCtrl* person_field() const { return person_; }
    [[nodiscard]] wxTextCtrl* subject_field() const { return subject_; }

  private:
    const AuditReader& reader_;
    AuditSink& sink_;
    const Clock& clock_;
    Actor actor_;
    std::vector<AuditEntry> entries_;
    wxTextCtrl* person_ = nullptr;
    wxTextCtrl* subject_ = nullptr;
    wxChoice* action_ = nullptr;
    wxDatePickerCtrl* from_ = nullptr;
    wxDatePickerCtrl* to_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* status_ = nullptr;
};

}  // namespace pd::ui
