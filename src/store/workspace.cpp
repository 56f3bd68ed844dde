#include "store/workspace.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdlib>
#include <sstream>

#include "store/demo_certifications.h"
#include "store/roster_export.h"
#include "store/roster_import.h"
#include "store/store_error.h"

namespace pd::store {

std::filesystem::path user_data_dir() {
#ifdef _WIN32
    if (const char* appdata = std::getenv("APPDATA"); appdata && *appdata) {
        return std::filesystem::path(appdata) / "PensionDesk";
    }
    throw StoreError("finding the data folder: %APPDATA% is not set");
#else
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') {
        return std::filesystem::path(xdg) / "pensiondesk";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::filesystem::path(home) / ".local" / "share" / "pensiondesk";
    }
    throw StoreError("finding the data folder: neither XDG_DATA_HOME nor HOME is set");
#endif
}

std::filesystem::path default_workspace_path() {
    return user_data_dir() / "demo.sqlite";
}

WorkspaceInfo read_workspace_info(Database& db) {
    WorkspaceInfo info;
    SQLite::Statement st(db.sql(), "SELECT key, value FROM workspace_info");
    while (st.executeStep()) {
        const std::string key = st.getColumn(0).getString();
        const std::string value = st.getColumn(1).getString();
        if (key == "demo") info.demo = value == "1";
        if (key == "label") info.label = value;
        if (key == "created_at") info.created_at = value;
    }
    return info;
}

void write_workspace_info(Database& db,
                          std::span<const std::pair<std::string_view, std::string>> rows) {
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement put(db.sql(),
                          "INSERT OR REPLACE INTO workspace_info (key, value) VALUES (?, ?)");
    for (const auto& [k, v] : rows) {
        put.bind(1, std::string(k));
        put.bind(2, v);
        put.exec();
        put.reset();
    }
    tx.commit();
}

Database open_demo_workspace(const std::filesystem::path& path, const ScriptChecker& script,
                             const Clock& clock, std::size_t count, std::uint64_t seed) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
        throw StoreError("creating the folder " + path.parent_path().string() + ": " +
                         ec.message());
    }
    Database db(path);
    const std::int64_t existing =
        db.sql().execAndGet("SELECT coalesce(max(key), 0) FROM retiree").getInt64();
    if (existing == 0) {
        std::ostringstream csv;
        write_synthetic_roster(csv, count, seed);
        ImportOptions options;
        options.actor = system_actor("", "demo seed");
        (void)import_roster_bytes(db, csv.str(), "synthetic demo roster", script, clock, options);
        const std::pair<std::string_view, std::string> rows[] = {
            {"demo", "1"},
            {"label", "Demo workspace (synthetic data)"},
            {"created_at", to_utc_iso(clock.now())}};
        write_workspace_info(db, rows);
        // Due lists and histories with something in them, as in a real office.
        (void)seed_demo_certifications(db, clock, seed);
    }
    return db;
}

}  // namespace pd::store
