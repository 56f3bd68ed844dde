#include "ui/retiree_list_model.h"

#include <wx/intl.h>

#include <algorithm>

#include "ui/labels.h"
#include "ui/text.h"

namespace pd::ui {

RetireeListModel::RetireeListModel(const RetireeDirectory& directory)
    : wxDataViewVirtualListModel(0), directory_(directory) {}

void RetireeListModel::show_all(std::int64_t total) {
    total_ = total;
    keys_.reset();
    Reset(static_cast<unsigned>(std::max<std::int64_t>(0, total)));
}

void RetireeListModel::show_keys(std::vector<std::int64_t> keys) {
    keys_ = std::move(keys);
    Reset(static_cast<unsigned>(keys_->size()));
}

void RetireeListModel::forget(std::int64_t key) {
    cache_.erase(key);
}
void RetireeListModel::forget_all() {
    cache_.clear();
}

std::optional<std::int64_t> RetireeListModel::key_at(unsigned row) const {
    if (keys_) {
        if (row >= keys_->size()) return std::nullopt;
        return (*keys_)[row];
    }
    if (static_cast<std::int64_t>(row) >= total_) return std::nullopt;
    return static_cast<std::int64_t>(row) + 1;
}

std::optional<unsigned> RetireeListModel::position_of(std::int64_t key) const {
    if (!keys_) {
        if (key < 1 || key > total_) return std::nullopt;
        return static_cast<unsigned>(key - 1);
    }
    auto it = std::find(keys_->begin(), keys_->end(), key);
    if (it == keys_->end()) return std::nullopt;
    return static_cast<unsigned>(it - keys_->begin());
}

const RetireeRow* RetireeListModel::fetch(unsigned row) const {
    const auto key = key_at(row);
    if (!key) return nullptr;
    if (const auto* hit = cache_.find(*key)) return hit;

    const unsigned first = row - row % page_size;
    std::vector<std::int64_t> page;
    page.reserve(page_size);
    for (unsigned r = first; r < first + page_size; ++r) {
        const auto k = key_at(r);
        if (!k) break;
        if (*k == *key || !cache_.find(*k)) page.push_back(*k);
    }
    try {
        for (auto& fetched : directory_.rows(page)) cache_.put(std::move(fetched));
    } catch (const std::exception&) {
        return nullptr;  // a broken store shows empty cells; the panel reports store errors
    }
    return cache_.find(*key);
}

std::optional<RetireeRow> RetireeListModel::row_at(unsigned row) {
    if (const auto* r = fetch(row)) return *r;
    return std::nullopt;
}

void RetireeListModel::GetValueByRow(wxVariant& value, unsigned row, unsigned col) const {
    const RetireeRow* r = fetch(row);
    if (!r) {
        value = wxString(col == Column::IdNumber ? wxString::FromUTF8("…") : wxString());
        return;
    }
    switch (col) {
        case Column::IdNumber:
            value = from_utf8(r->id_number);
            break;
        case Column::Name:
            value = from_utf8(r->name);
            break;
        case Column::Gender:
            value = gender_label(r->gender);
            break;
        case Column::BirthDate:
            value = from_utf8(r->birth_date);
            break;
        case Column::EmployerUnit:
            value = from_utf8(r->employer_unit);
            break;
        case Column::Phone:
            value = from_utf8(r->phone);
            break;
        case Column::Status:
            value = status_label(r->status);
            break;
        default:
            value = wxString();
            break;
    }
}

bool RetireeListModel::GetAttrByRow(unsigned row, unsigned, wxDataViewItemAttr& attr) const {
    const auto key = key_at(row);
    if (!key) return false;
    const auto* r = cache_.find(*key);
    if (!r || r->status == RetireeStatus::Active) return false;
    attr.SetColour(wxColour(90, 90, 90));  // inactive records: grey, still readable
    attr.SetItalic(true);
    return true;
}

}  // namespace pd::ui
