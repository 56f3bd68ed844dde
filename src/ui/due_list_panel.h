#pragma once

#include <wx/panel.h>

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/certification_repository.h"

class wxButton;
class wxComboBox;
class wxListCtrl;
class wxNotebook;
class wxStaticText;

namespace pd::ui {

struct Session;
class CertificationServices;
class DueListCtrl;

// 待认证名单: whom an HR office should call in. Three lists from
// CertificationService::due_lists (due this month, overdue, never certified), for one unit or
// every unit the staff member may see, with CSV export for the roles allowed to export.
class DueListPanel final : public wxPanel {
  public:
    enum class List : std::size_t { DueThisMonth = 0, Overdue = 1, NeverCertified = 2 };
    static constexpr std::size_t list_count = 3;

    DueListPanel(wxWindow* parent, Session& session);
    ~DueListPanel() override;

    // Sets the unit filter (empty: every unit the staff member may see) and reloads.
    void set_unit(const wxString& unit);
    // Reads the lists again from the workspace (audited as a view of personal data).
    void refresh();
    // Writes the three lists as UTF-8 CSV with a BOM and audits the export. Refused (and the
    // refusal audited) for roles without Permission::RetireeExport. False when refused or the
    // file cannot be written; message() says why.
    bool export_csv(const std::filesystem::path& file);

    [[nodiscard]] const std::vector<ValidityRow>& rows(List which) const;
    [[nodiscard]] wxString page_label(List which) const;
    [[nodiscard]] wxString message() const;
    [[nodiscard]] wxString unit() const;
    [[nodiscard]] wxListCtrl* list_ctrl(List which) const;
    [[nodiscard]] wxButton* export_button() const { return export_; }
    void show_list(List which);

  private:
    void show_message(const wxString& text, bool error);
    void fill_units();
    // Double-click: the certification area, with that retiree found.
    void certify_row(List which, long row);

    Session& session_;
    std::unique_ptr<CertificationServices> services_;
    std::array<std::vector<ValidityRow>, list_count> rows_;
    std::array<DueListCtrl*, list_count> lists_{};
    std::vector<std::string> known_units_;  // offered in the unit filter
    wxComboBox* unit_ = nullptr;
    wxButton* refresh_ = nullptr;
    wxButton* export_ = nullptr;
    wxNotebook* book_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* message_ = nullptr;
};

// The panel, or an error in its place when the certification services cannot open.
[[nodiscard]] wxWindow* make_due_list_panel(wxWindow* parent, Session& session);

}  // namespace pd::ui
