#include "ui/workspace.h"

#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "ui/memory_registry.h"
#include "ui/text.h"

#ifdef PD_HAVE_STORE
#include "domain/clock.h"
#include "store/database.h"
#include "store/sqlite_retiree_repository.h"
#include "store/workspace.h"
#endif

namespace pd::ui {

namespace {
#ifndef PD_HAVE_STORE
// The user's data directory (XDG on Linux, %APPDATA% on Windows), never the working directory.
std::filesystem::path user_data_dir() {
#ifdef __WXGTK__
    // XDG base directories: $XDG_DATA_HOME, else ~/.local/share.
    wxString data_home;
    if (!wxGetEnv("XDG_DATA_HOME", &data_home) || data_home.empty())
        data_home = wxGetHomeDir() + "/.local/share";
    return std::filesystem::path(to_utf8(data_home)) / "pensiondesk";
#else
    return std::filesystem::path(to_utf8(wxStandardPaths::Get().GetUserDataDir()));
#endif
}
#endif

#ifdef PD_HAVE_STORE
// One connection and the repository over it; the clock outlives the repository that uses it.
struct StoreConnection {
    SystemClock clock;
    store::Database db;
    store::SqliteRetireeRepository repo;
    explicit StoreConnection(store::Database opened) : db(std::move(opened)), repo(db, clock) {}
};

Workspace workspace_of(store::Database opened) {
    const std::filesystem::path path = opened.path();
    auto conn = std::make_shared<StoreConnection>(std::move(opened));
    Workspace ws;
    ws.path = path;
    ws.demo = store::read_workspace_info(conn->db).demo;
    ws.repository = std::shared_ptr<RetireeRepository>(conn, &conn->repo);
    ws.directory = std::shared_ptr<RetireeDirectory>(conn, &conn->repo);
    ws.keep_alive = conn;
    ws.open_reader = [path]() -> std::shared_ptr<RetireeDirectory> {
        auto reader = std::make_shared<StoreConnection>(store::Database(path));
        return std::shared_ptr<RetireeDirectory>(reader, &reader->repo);
    };
    return ws;
}
#endif
}  // namespace

Workspace open_workspace(const std::optional<std::filesystem::path>& db,
                         [[maybe_unused]] const ScriptChecker& script) {
#ifdef PD_HAVE_STORE
    if (db) return workspace_of(store::Database(*db));
    const SystemClock clock;
    return workspace_of(store::open_demo_workspace(store::default_workspace_path(), script, clock));
#else
    // Built without pensiondesk_store: an in-memory registry, marked as a demo.
    auto registry = std::make_shared<MemoryRegistry>();
    Workspace ws;
    ws.path = db ? *db : user_data_dir() / "demo-workspace.sqlite";
    ws.demo = !db.has_value();
    if (ws.demo) registry->seed(3000);
    ws.repository = registry;
    ws.directory = registry;
    ws.keep_alive = registry;
    ws.open_reader = [registry] { return std::shared_ptr<RetireeDirectory>(registry); };
    return ws;
#endif
}

}  // namespace pd::ui
