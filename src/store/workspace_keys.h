#pragma once

#include <filesystem>

#include "store/database.h"

namespace pd::store {

// The keyring file protecting this workspace's sealed blobs. Each workspace gets its own id
// (kept in workspace_info) so two workspaces on one machine never share keys; the file lives
// under the user's configuration directory, never beside the database.
[[nodiscard]] std::filesystem::path keyring_path_for(Database& db);

}  // namespace pd::store
