#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "domain/gender.h"
#include "domain/retiree.h"

namespace pd {

// One line of the registry list: what a list or a search result shows, nothing more.
struct RetireeRow {
    std::int64_t key = 0;  // the store's row key; stable for the life of the record
    Uuid id;
    std::string id_number;
    std::string name;
    Gender gender = Gender::Male;
    std::string birth_date;  // ISO
    std::string employer_unit;
    std::string phone;
    RetireeStatus status = RetireeStatus::Active;
};

enum class SearchField { Auto, IdNumber, Name, EmployerUnit, Phone };

struct SearchQuery {
    std::string text;
    SearchField field = SearchField::Auto;  // Auto: guessed from the text (digits, Chinese)
    std::size_t limit = 100000;             // a list is for reading, not for a million rows
};

// The read side of the registry, built for lists over a million records: the caller keeps only
// row keys and fetches the rows it shows.
class RetireeDirectory {
  public:
    virtual ~RetireeDirectory() = default;
    // Every record, any status.
    [[nodiscard]] virtual std::int64_t total() const = 0;
    // Row keys of the whole registry in display order are 1..total() (records are never
    // deleted), so an unfiltered list needs no search. Row keys of matches, in display order:
    [[nodiscard]] virtual std::vector<std::int64_t> search(const SearchQuery& query) const = 0;
    [[nodiscard]] virtual std::vector<RetireeRow> rows(
        std::span<const std::int64_t> keys) const = 0;
};

}  // namespace pd
