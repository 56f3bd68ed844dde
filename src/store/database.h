#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>

namespace pd::store {

// One workspace file, open. RAII over SQLite::Database: WAL, foreign keys on, synchronous=FULL
// (the outbox must survive a power cut), a busy timeout so a second connection (the import
// worker, the UI) waits instead of failing, and the name-search tokenizer registered.
//
// Opening checks the file before anything is written: a truncated file, a file that is not
// SQLite, another program's SQLite database, or a workspace from a newer PensionDesk throws
// WorkspaceRejected with a message that says which, and leaves the file as it was. A missing
// or empty file becomes a fresh workspace; an older schema is migrated to the newest, in one
// transaction.
//
// Not thread-safe: one Database per thread (a worker opens its own on the same path).
class Database {
  public:
    explicit Database(const std::filesystem::path& path);

    [[nodiscard]] SQLite::Database& sql() noexcept { return db_; }
    [[nodiscard]] const SQLite::Database& sql() const noexcept { return db_; }
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    [[nodiscard]] int schema_version();

  private:
    std::filesystem::path path_;
    SQLite::Database db_;
};

// Reads the checks Database's constructor makes on a file without opening it through SQLite;
// throws WorkspaceRejected. Missing and empty files pass.
void check_workspace_file(const std::filesystem::path& path);

}  // namespace pd::store
