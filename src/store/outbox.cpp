#include "store/outbox.h"

#include <SQLiteCpp/Statement.h>

namespace pd::store {

void append_outbox(SQLite::Database& db, const Uuid& event_id, std::string_view entity,
                   std::string_view entity_id, std::string_view operation, std::string_view payload,
                   std::string_view created_at, const Actor& actor) {
    SQLite::Statement st(db,
                         "INSERT INTO outbox(uuid, entity, entity_id, operation, payload, "
                         "created_at, actor, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, event_id.str());
    st.bind(2, std::string(entity));
    st.bind(3, std::string(entity_id));
    st.bind(4, std::string(operation));
    st.bind(5, std::string(payload));
    st.bind(6, std::string(created_at));
    st.bind(7, actor.staff_id);
    st.bind(8, actor.workstation);
    st.exec();
}

std::vector<OutboxEvent> read_outbox(SQLite::Database& db, std::int64_t after_seq,
                                     std::size_t limit) {
    SQLite::Statement st(db,
                         "SELECT seq, uuid, entity, entity_id, operation, payload, created_at, "
                         "state, attempts, last_error, actor, workstation FROM outbox "
                         "WHERE seq > ? ORDER BY seq LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(after_seq));
    st.bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutboxEvent> out;
    while (st.executeStep()) {
        OutboxEvent e;
        e.seq = st.getColumn(0).getInt64();
        e.uuid = st.getColumn(1).getString();
        e.entity = st.getColumn(2).getString();
        e.entity_id = st.getColumn(3).getString();
        e.operation = st.getColumn(4).getString();
        e.payload = st.getColumn(5).getString();
        e.created_at = st.getColumn(6).getString();
        e.state = st.getColumn(7).getString();
        e.attempts = st.getColumn(8).getInt();
        e.last_error = st.getColumn(9).getString();
        e.actor = st.getColumn(10).getString();
        e.workstation = st.getColumn(11).getString();
        out.push_back(std::move(e));
    }
    return out;
}

std::int64_t count_outbox(SQLite::Database& db, std::string_view state) {
    if (state.empty()) return db.execAndGet("SELECT count(*) FROM outbox").getInt64();
    SQLite::Statement st(db, "SELECT count(*) FROM outbox WHERE state = ?");
    st.bind(1, std::string(state));
    st.executeStep();
    return st.getColumn(0).getInt64();
}

}  // namespace pd::store
