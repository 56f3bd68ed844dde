#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.h"
#include "domain/uuid.h"
#include "store/blob_cipher.h"
#include "store/database.h"

namespace pd::store {

// Face templates, reference photos and evidence frames at rest: sealed with AES-256-GCM, bound
// to their owner and purpose, in the workspace's sealed_blob table. Raw images get an expiry;
// sweep_expired() deletes them (templates are kept while the enrolment is in force).
class SealedBlobStore {
  public:
    SealedBlobStore(Database& db, const BlobCipher& cipher, const Clock& clock);

    // Seals and stores; returns the blob id the domain records. `retention` empty: kept.
    std::string put(const Uuid& owner, std::string_view purpose,
                    std::span<const std::uint8_t> plaintext,
                    std::optional<std::chrono::days> retention = std::nullopt);
    // Opens a blob; throws CipherError when it was altered or moved, StoreError when absent or
    // expired.
    [[nodiscard]] Bytes get(std::string_view blob_id) const;
    // Deletes one blob now (a withdrawn or replaced face); false when it was not there.
    bool erase(std::string_view blob_id);
    // Deletes blobs whose retention ended; returns how many.
    std::size_t sweep_expired();
    // Reseals every blob under the keyring's active key (key rotation, step 2).
    std::size_t reseal_all();

  private:
    Database& db_;
    const BlobCipher& cipher_;
    const Clock& clock_;
    mutable UuidGenerator ids_;
};

}  // namespace pd::store
