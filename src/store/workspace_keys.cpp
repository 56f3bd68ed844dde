#include "store/workspace_keys.h"

#include <SQLiteCpp/Statement.h>

#include "domain/clock.h"
#include "domain/uuid.h"
#include "store/blob_cipher.h"

namespace pd::store {

std::filesystem::path keyring_path_for(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT value FROM workspace_info WHERE key = 'keyring_id'");
    std::string id;
    if (q.executeStep()) {
        id = q.getColumn(0).getString();
    } else {
        id = UuidGenerator().next(SystemClock().now()).str();
        SQLite::Statement ins(db.sql(),
                              "INSERT INTO workspace_info (key, value) VALUES ('keyring_id', ?)");
        ins.bind(1, id);
        ins.exec();
    }
    return default_keyring_path(id);
}

}  // namespace pd::store
