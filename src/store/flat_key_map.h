#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace pd::store {

// A map from non-zero 64-bit keys to 32-bit values with open addressing in one flat array.
// Checking a million ID numbers and phones against each other is memory-bound: one probe here
// costs one cache miss, where std::unordered_map's nodes cost several and a malloc each.
class FlatKeyMap {
  public:
    explicit FlatKeyMap(std::size_t expected = 1024) { rehash(capacity_for(expected)); }

    [[nodiscard]] std::optional<std::uint32_t> find(std::uint64_t key) const {
        for (std::size_t i = slot(key);; i = (i + 1) & mask_) {
            if (keys_[i] == key) return values_[i];
            if (keys_[i] == 0) return std::nullopt;
        }
    }
    [[nodiscard]] bool contains(std::uint64_t key) const { return find(key).has_value(); }

    // Inserts unless present; returns false (and keeps the old value) when present.
    bool emplace(std::uint64_t key, std::uint32_t value) {
        if ((size_ + 1) * 2 > keys_.size()) rehash(keys_.size() * 2);
        for (std::size_t i = slot(key);; i = (i + 1) & mask_) {
            if (keys_[i] == key) return false;
            if (keys_[i] == 0) {
                keys_[i] = key;
                values_[i] = value;
                ++size_;
                return true;
            }
        }
    }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

  private:
    static std::size_t capacity_for(std::size_t n) {
        std::size_t c = 16;
        while (c < n * 2) c *= 2;
        return c;
    }
    [[nodiscard]] std::size_t slot(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_) & mask_;
    }
    void rehash(std::size_t capacity) {
        std::vector<std::uint64_t> old_keys(capacity, 0);
        std::vector<std::uint32_t> old_values(capacity, 0);
        old_keys.swap(keys_);
        old_values.swap(values_);
        mask_ = capacity - 1;
        shift_ = 64;
        for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
        size_ = 0;
        for (std::size_t i = 0; i < old_keys.size(); ++i) {
            if (old_keys[i] != 0) emplace(old_keys[i], old_values[i]);
        }
    }

    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> values_;
    std::size_t mask_ = 0;
    unsigned shift_ = 64;
    std::size_t size_ = 0;
};

}  // namespace pd::store
