#pragma once

#include <wx/dataview.h>

#include <optional>
#include <vector>

#include "domain/retiree_directory.h"
#include "ui/row_cache.h"

namespace pd::ui {

// The registry list as a virtual model: wx asks for one cell at a time, the model fetches the
// rows of a whole page around it from the directory and keeps recent pages in a RowCache.
// Unfiltered, row i is row key i + 1 (the directory's contract), so no key list is held.
class RetireeListModel final : public wxDataViewVirtualListModel {
  public:
    enum Column : unsigned {
        IdNumber,
        Name,
        Gender,
        BirthDate,
        EmployerUnit,
        Phone,
        Status,
        Count
    };

    explicit RetireeListModel(const RetireeDirectory& directory);

    // The whole registry (`total` rows), or the rows of a search.
    void show_all(std::int64_t total);
    void show_keys(std::vector<std::int64_t> keys);
    // Drops cached rows after a change (one record, or all of them).
    void forget(std::int64_t key);
    void forget_all();

    [[nodiscard]] std::optional<std::int64_t> key_at(unsigned row) const;
    [[nodiscard]] std::optional<RetireeRow> row_at(unsigned row);
    // The list position of `key`, when shown (for selecting a record after saving it).
    [[nodiscard]] std::optional<unsigned> position_of(std::int64_t key) const;
    [[nodiscard]] bool filtered() const { return keys_.has_value(); }

    unsigned GetColumnCount() const override { return Column::Count; }
    wxString GetColumnType(unsigned) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned col) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }
    bool GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const override;

    static constexpr unsigned page_size = 64;

  private:
    const RetireeRow* fetch(unsigned row) const;

    const RetireeDirectory& directory_;
    std::int64_t total_ = 0;
    std::optional<std::vector<std::int64_t>> keys_;  // set while a search is shown
    mutable RowCache cache_{page_size * 64};
};

}  // namespace pd::ui
