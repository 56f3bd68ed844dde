#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "domain/clock.h"
#include "domain/script_checker.h"
#include "store/database.h"

namespace pd::store {

// Where PensionDesk keeps its data for this user: $XDG_DATA_HOME/pensiondesk (default
// ~/.local/share/pensiondesk) on Linux, %APPDATA%\PensionDesk on Windows. Never the working
// directory. Throws StoreError when neither the variable nor a home directory is known.
[[nodiscard]] std::filesystem::path user_data_dir();
// The demo workspace: user_data_dir() / "demo.sqlite".
[[nodiscard]] std::filesystem::path default_workspace_path();

// What the title bar shows about a workspace (the workspace_info table).
struct WorkspaceInfo {
    bool demo = false;
    std::string label;       // "Demo workspace (synthetic data)" or empty
    std::string created_at;  // UTC ISO
};
[[nodiscard]] WorkspaceInfo read_workspace_info(Database& db);

// Sets workspace_info keys in one transaction (the workspace's own facts and settings).
void write_workspace_info(Database& db,
                          std::span<const std::pair<std::string_view, std::string>> rows);

// Opens the demo workspace at `path` (creating its folder), seeding it with `count` synthetic
// retirees when its registry is empty, and marks it as a demo. Seeding goes through the roster
// import, so the records pass every registration rule and get their outbox event.
Database open_demo_workspace(const std::filesystem::path& path, const ScriptChecker& script,
                             const Clock& clock, std::size_t count = 3000,
                             std::uint64_t seed = 20261203);

}  // namespace pd::store
