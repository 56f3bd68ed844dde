#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "domain/retiree_directory.h"
#include "domain/retiree_repository.h"
#include "domain/script_checker.h"

namespace pd::store {
class Database;
}

namespace pd::ui {

// The open registry the window works on: the store's repository and directory, and what the
// title and status bars say about it.
struct Workspace {
    std::filesystem::path path;  // the database file
    bool demo = false;           // seeded with synthetic retirees: the title bar says so
    std::shared_ptr<RetireeRepository> repository;
    std::shared_ptr<RetireeDirectory> directory;
    std::shared_ptr<void> keep_alive;  // owns the database connection behind both
    // The UI thread's connection (owned through keep_alive): sign-in and the audit log use it.
    store::Database* database = nullptr;
    // Opens another read connection for a worker thread (a store connection belongs to one
    // thread at a time): the search runs on it while the list reads on the UI's.
    std::function<std::shared_ptr<RetireeDirectory>()> open_reader;
};

// Opens `db` (created when missing), or the demo workspace in the user's data directory when no
// path is given (never the working directory). Throws std::exception with a message that names
// the file and the problem.
// `script` checks the names of the demo records while seeding.
[[nodiscard]] Workspace open_workspace(const std::optional<std::filesystem::path>& db,
                                       const ScriptChecker& script);

}  // namespace pd::ui
