#pragma once

#include <map>
#include <mutex>
#include <vector>

#include "domain/retiree_directory.h"
#include "domain/retiree_repository.h"

namespace pd::ui {

// A registry held in memory: the stand-in for the SQLite store in builds without it (the UI can
// be worked on and tested alone). Not persistent; the real workspace is pensiondesk_store.
class MemoryRegistry final : public RetireeRepository, public RetireeDirectory {
  public:
    // Adds `count` synthetic retirees with valid Shaanxi ID numbers (for demos and scrolling).
    void seed(std::int64_t count);

    [[nodiscard]] std::optional<Retiree> by_id(const Uuid& id) const override;
    [[nodiscard]] std::optional<Retiree> by_id_number(const IdNumber& id) const override;
    [[nodiscard]] std::vector<Retiree> by_phone(const MobilePhone& phone) const override;
    void add(const Retiree& r, const ChangeNote& note) override;
    void update(const Retiree& after, const ChangeNote& note) override;

    [[nodiscard]] std::int64_t total() const override;
    [[nodiscard]] std::vector<std::int64_t> search(const SearchQuery& query) const override;
    [[nodiscard]] std::vector<RetireeRow> rows(std::span<const std::int64_t> keys) const override;

  private:
    mutable std::mutex mutex_;
    std::vector<Retiree> records_;  // row key k is records_[k - 1]
};

}  // namespace pd::ui
