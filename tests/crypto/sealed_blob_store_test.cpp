#include "store/sealed_blob_store.h"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "store/store_error.h"

namespace fs = std::filesystem;
using namespace std::chrono;
using pd::store::Bytes;

namespace {

class SealedBlobStoreTest : public ::testing::Test {
  protected:
    SealedBlobStoreTest()
        : dir_(fs::temp_directory_path() / ("pd-blob-" + std::to_string(std::random_device{}()))),
          clock_(sys_days{2026y / December / 3}) {
        fs::create_directories(dir_);
        ring_ = std::make_unique<pd::store::Keyring>(
            pd::store::Keyring::open_or_create(dir_ / "k.keyring"));
        db_ = std::make_unique<pd::store::Database>(dir_ / "w.sqlite");
    }
    ~SealedBlobStoreTest() override {
        db_.reset();
        fs::remove_all(dir_);
    }

    fs::path dir_;
    pd::ManualClock clock_;
    std::unique_ptr<pd::store::Keyring> ring_;
    std::unique_ptr<pd::store::Database> db_;
    pd::Uuid owner_ = *pd::Uuid::parse("01890a5d-ac96-774b-bcce-b302099a8057");
    pd::Uuid other_ = *pd::Uuid::parse("01890a5d-ac96-774b-bcce-b302099a8058");
};

const Bytes kFrame = [] {
    Bytes b(4096);
    for (std::size_t i = 0; i < b.size(); ++i) b[i] = static_cast<std::uint8_t>(i ^ (i >> 3));
    return b;
}();

}  // namespace

TEST_F(SealedBlobStoreTest, StoredSealedAndReadBack) {
    const pd::store::BlobCipher cipher(*ring_);
    pd::store::SealedBlobStore blobs(*db_, cipher, clock_);
    const auto id = blobs.put(owner_, "evidence-frame", kFrame, days{90});
    EXPECT_EQ(blobs.get(id), kFrame);
    // What sits in the database is not the frame.
    SQLite::Statement q(db_->sql(), "SELECT data FROM sealed_blob WHERE id = ?");
    q.bind(1, id);
    ASSERT_TRUE(q.executeStep());
    const auto* raw = static_cast<const std::uint8_t*>(q.getColumn(0).getBlob());
    const Bytes stored(raw, raw + q.getColumn(0).getBytes());
    EXPECT_EQ(std::search(stored.begin(), stored.end(), kFrame.begin(), kFrame.begin() + 64),
              stored.end());
}

TEST_F(SealedBlobStoreTest, ATamperedOrReassignedBlobIsRefused) {
    const pd::store::BlobCipher cipher(*ring_);
    pd::store::SealedBlobStore blobs(*db_, cipher, clock_);
    const auto id = blobs.put(owner_, "face-template", kFrame);
    // Flip one byte of the ciphertext with plain SQL, as someone with the file could.
    db_->sql().exec(
        "UPDATE sealed_blob SET data = substr(data, 1, 40) || "
        "x'00' || substr(data, 42) WHERE id = '" +
        id + "'");
    EXPECT_THROW((void)blobs.get(id), pd::store::CipherError);

    const auto id2 = blobs.put(owner_, "face-template", kFrame);
    db_->sql().exec("UPDATE sealed_blob SET owner_id = '" + other_.str() + "' WHERE id = '" + id2 +
                    "'");
    EXPECT_THROW((void)blobs.get(id2), pd::store::CipherError);
    EXPECT_THROW((void)blobs.get("no-such-blob"), pd::store::StoreError);
}

TEST_F(SealedBlobStoreTest, RawImagesExpireTemplatesStay) {
    const pd::store::BlobCipher cipher(*ring_);
    pd::store::SealedBlobStore blobs(*db_, cipher, clock_);
    const auto frame = blobs.put(owner_, "evidence-frame", kFrame, days{90});
    const auto tmpl = blobs.put(owner_, "face-template", kFrame);
    clock_.advance(days{89});
    EXPECT_EQ(blobs.sweep_expired(), 0u);
    EXPECT_EQ(blobs.get(frame), kFrame);
    clock_.advance(days{1});
    EXPECT_THROW((void)blobs.get(frame), pd::store::StoreError);
    EXPECT_EQ(blobs.sweep_expired(), 1u);
    EXPECT_EQ(blobs.get(tmpl), kFrame);
}

TEST_F(SealedBlobStoreTest, KeyRotationResealsEveryBlob) {
    std::string a, b;
    {
        const pd::store::BlobCipher cipher(*ring_);
        pd::store::SealedBlobStore blobs(*db_, cipher, clock_);
        a = blobs.put(owner_, "face-template", kFrame);
        b = blobs.put(other_, "face-template", kFrame);
    }
    ring_->rotate();
    const pd::store::BlobCipher cipher(*ring_);
    pd::store::SealedBlobStore blobs(*db_, cipher, clock_);
    EXPECT_EQ(blobs.reseal_all(), 2u);
    EXPECT_EQ(blobs.reseal_all(), 0u);
    ring_->retire_unused();
    EXPECT_EQ(ring_->size(), 1u);
    EXPECT_EQ(blobs.get(a), kFrame);
    EXPECT_EQ(blobs.get(b), kFrame);
}
