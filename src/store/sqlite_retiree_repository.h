#pragma once

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "domain/clock.h"
#include "domain/retiree_directory.h"
#include "domain/retiree_repository.h"
#include "domain/uuid.h"
#include "store/database.h"

namespace pd::store {

// The retiree registry on a workspace database: the domain's repository (writes, each one
// transaction with its outbox event) and the list's directory (reads by row key, search).
//
// Holds prepared statements on `db`, which must outlive it. One per connection and thread.
class SqliteRetireeRepository final : public RetireeRepository, public RetireeDirectory {
  public:
    SqliteRetireeRepository(Database& db, const Clock& clock);
    ~SqliteRetireeRepository() override;

    // RetireeRepository
    [[nodiscard]] std::optional<Retiree> by_id(const Uuid& id) const override;
    [[nodiscard]] std::optional<Retiree> by_id_number(const IdNumber& id) const override;
    [[nodiscard]] std::vector<Retiree> by_phone(const MobilePhone& phone) const override;
    void add(const Retiree& r, const ChangeNote& note) override;
    void update(const Retiree& after, const ChangeNote& note) override;
    // When the workspace has its audit log (the staff and audit tables), a change's entry is
    // appended in the change's own transaction.
    [[nodiscard]] bool records_audit() const override;

    // RetireeDirectory
    [[nodiscard]] std::int64_t total() const override;
    [[nodiscard]] std::vector<std::int64_t> search(const SearchQuery& query) const override;
    [[nodiscard]] std::vector<RetireeRow> rows(std::span<const std::int64_t> keys) const override;

    // The full record behind a list row (the edit dialog opens it), and the reverse.
    [[nodiscard]] std::optional<Retiree> by_key(std::int64_t key) const;
    [[nodiscard]] std::optional<std::int64_t> key_of(const Uuid& id) const;

  private:
    struct Statements;
    Database& db_;
    const Clock& clock_;
    mutable UuidGenerator event_ids_;
    std::unique_ptr<Statements> st_;
};

// What SearchField::Auto makes of a text: the fields it will search, in order.
[[nodiscard]] std::vector<SearchField> guess_search_fields(std::string_view text);

}  // namespace pd::store
