#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>

#include "domain/retiree_directory.h"

namespace pd::ui {

// A small least-recently-used cache of list rows keyed by row key: a list over a million
// records keeps only the few pages around what is on screen.
class RowCache {
  public:
    explicit RowCache(std::size_t capacity) : capacity_(capacity) {}

    // The row, marked most recently used; nullptr when not cached.
    const RetireeRow* find(std::int64_t key) {
        auto it = index_.find(key);
        if (it == index_.end()) return nullptr;
        order_.splice(order_.begin(), order_, it->second);
        return &*it->second;
    }

    void put(RetireeRow row) {
        if (auto it = index_.find(row.key); it != index_.end()) {
            *it->second = std::move(row);
            order_.splice(order_.begin(), order_, it->second);
            return;
        }
        order_.push_front(std::move(row));
        index_[order_.front().key] = order_.begin();
        while (order_.size() > capacity_) {
            index_.erase(order_.back().key);
            order_.pop_back();
        }
    }

    void erase(std::int64_t key) {
        if (auto it = index_.find(key); it != index_.end()) {
            order_.erase(it->second);
            index_.erase(it);
        }
    }
    void clear() {
        order_.clear();
        index_.clear();
    }
    [[nodiscard]] std::size_t size() const { return order_.size(); }

  private:
    std::size_t capacity_;
    std::list<RetireeRow> order_;  // front: most recently used
    std::unordered_map<std::int64_t, std::list<RetireeRow>::iterator> index_;
};

}  // namespace pd::ui
