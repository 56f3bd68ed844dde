#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/uuid.h"

namespace pd::store {

// One change waiting for sync. Appended in the same transaction as the change it describes, so
// the two commit or vanish together; `seq` orders events for upload (sync sends in seq order
// and marks them sent; the server dedupes by uuid, so a retried upload is harmless).
struct OutboxEvent {
    std::int64_t seq = 0;
    std::string uuid;
    std::string entity;      // "retiree", "import_batch"
    std::string entity_id;   // the entity's UUID
    std::string operation;   // "create", "update", "deactivate", "set_status", "import"
    std::string payload;     // JSON: the entity's state after the change
    std::string created_at;  // UTC ISO-8601
    std::string state;       // "pending", "sent", "failed"
    int attempts = 0;
    std::string last_error;
    std::string actor;        // staff id
    std::string workstation;  // where the change was made
};

// Appends an event; the caller holds the transaction.
void append_outbox(SQLite::Database& db, const Uuid& event_id, std::string_view entity,
                   std::string_view entity_id, std::string_view operation, std::string_view payload,
                   std::string_view created_at, const Actor& actor);

// Events in seq order (all states), for sync and for tests.
[[nodiscard]] std::vector<OutboxEvent> read_outbox(SQLite::Database& db, std::int64_t after_seq = 0,
                                                   std::size_t limit = 1000);
[[nodiscard]] std::int64_t count_outbox(SQLite::Database& db, std::string_view state = "");

}  // namespace pd::store
