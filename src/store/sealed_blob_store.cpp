#include "store/sealed_blob_store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/certification_schema.h"
#include "store/store_error.h"

namespace pd::store {

namespace {
// What the seal is bound to: moving a blob to another owner, purpose or id breaks it.
std::string associated(std::string_view id, std::string_view owner, std::string_view purpose) {
    return std::string(owner) + "/" + std::string(purpose) + "/" + std::string(id);
}
}  // namespace

SealedBlobStore::SealedBlobStore(Database& db, const BlobCipher& cipher, const Clock& clock)
    : db_(db), cipher_(cipher), clock_(clock) {
    migrate_certification(db_.sql());
}

std::string SealedBlobStore::put(const Uuid& owner, std::string_view purpose,
                                 std::span<const std::uint8_t> plaintext,
                                 std::optional<std::chrono::days> retention) {
    const std::string id = ids_.next(clock_.now()).str();
    const auto sealed = cipher_.seal(plaintext, associated(id, owner.str(), purpose));
    try {
        SQLite::Statement st(db_.sql(),
                             "INSERT INTO sealed_blob (id, owner_id, purpose, created_at, "
                             "expires_at, data) VALUES (?,?,?,?,?,?)");
        st.bind(1, id);
        st.bind(2, owner.str());
        st.bind(3, std::string(purpose));
        st.bind(4, to_utc_iso(clock_.now()));
        if (retention) {
            st.bind(5, to_utc_iso(clock_.now() + *retention));
        } else {
            st.bind(5);
        }
        st.bind(6, sealed.data(), static_cast<int>(sealed.size()));
        st.exec();
    } catch (const std::exception& e) {
        throw StoreError("storing a sealed " + std::string(purpose) + " for " + owner.str() + ": " +
                         e.what());
    }
    return id;
}

Bytes SealedBlobStore::get(std::string_view blob_id) const {
    SQLite::Statement q(db_.sql(),
                        "SELECT owner_id, purpose, expires_at, data FROM sealed_blob WHERE id = ?");
    q.bind(1, std::string(blob_id));
    if (!q.executeStep()) {
        throw StoreError("sealed blob " + std::string(blob_id) +
                         " does not exist (deleted after its retention period?)");
    }
    if (!q.getColumn(2).isNull() && q.getColumn(2).getString() <= to_utc_iso(clock_.now())) {
        throw StoreError("sealed blob " + std::string(blob_id) + " has passed its retention date");
    }
    const auto* data = static_cast<const std::uint8_t*>(q.getColumn(3).getBlob());
    const Bytes sealed(data, data + q.getColumn(3).getBytes());
    return cipher_.open(
        sealed, associated(blob_id, q.getColumn(0).getString(), q.getColumn(1).getString()));
}

bool SealedBlobStore::erase(std::string_view blob_id) {
    SQLite::Statement st(db_.sql(), "DELETE FROM sealed_blob WHERE id = ?");
    st.bind(1, std::string(blob_id));
    return st.exec() > 0;
}

std::size_t SealedBlobStore::sweep_expired() {
    SQLite::Statement st(
        db_.sql(), "DELETE FROM sealed_blob WHERE expires_at IS NOT NULL AND expires_at <= ?");
    st.bind(1, to_utc_iso(clock_.now()));
    return static_cast<std::size_t>(st.exec());
}

std::size_t SealedBlobStore::reseal_all() {
    SQLite::Transaction tx(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement q(db_.sql(), "SELECT id, owner_id, purpose, data FROM sealed_blob");
    SQLite::Statement up(db_.sql(), "UPDATE sealed_blob SET data = ? WHERE id = ?");
    std::size_t n = 0;
    while (q.executeStep()) {
        const std::string id = q.getColumn(0).getString();
        const auto* data = static_cast<const std::uint8_t*>(q.getColumn(3).getBlob());
        const Bytes sealed(data, data + q.getColumn(3).getBytes());
        if (BlobCipher::key_id_of(sealed) == cipher_.active_key_id()) continue;
        const auto fresh = cipher_.reseal(
            sealed, associated(id, q.getColumn(1).getString(), q.getColumn(2).getString()));
        up.bind(1, fresh.data(), static_cast<int>(fresh.size()));
        up.bind(2, id);
        up.exec();
        up.reset();
        ++n;
    }
    tx.commit();
    return n;
}

}  // namespace pd::store
