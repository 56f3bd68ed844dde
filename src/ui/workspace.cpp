#include "ui/workspace.h"

#include "domain/clock.h"
#include "store/database.h"
#include "store/sqlite_retiree_repository.h"
#include "store/workspace.h"
#include "ui/text.h"

namespace pd::ui {

namespace {
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
    ws.database = &conn->db;
    ws.open_reader = [path]() -> std::shared_ptr<RetireeDirectory> {
        auto reader = std::make_shared<StoreConnection>(store::Database(path));
        return std::shared_ptr<RetireeDirectory>(reader, &reader->repo);
    };
    return ws;
}
}  // namespace

Workspace open_workspace(const std::optional<std::filesystem::path>& db,
                         const ScriptChecker& script) {
    if (db) return workspace_of(store::Database(*db));
    const SystemClock clock;
    return workspace_of(store::open_demo_workspace(store::default_workspace_path(), script, clock));
}

}  // namespace pd::ui
