#include "store/blob_cipher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#ifndef _WIN32
#include <sys/stat.h>
#endif

namespace fs = std::filesystem;
using pd::store::BlobCipher;
using pd::store::Bytes;
using pd::store::CipherError;
using pd::store::Keyring;

namespace {

class BlobCipherTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("pd-crypto-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

Bytes template_bytes() {
    Bytes b(512 * 4);
    for (std::size_t i = 0; i < b.size(); ++i) b[i] = static_cast<std::uint8_t>(i * 31 + 7);
    return b;
}

}  // namespace

TEST_F(BlobCipherTest, RoundTripAndFreshNoncePerSeal) {
    const auto ring = Keyring::open_or_create(dir_ / "k.keyring");
    const BlobCipher cipher(ring);
    const auto plain = template_bytes();
    const auto a = cipher.seal(plain, "retiree/1/face-template");
    const auto b = cipher.seal(plain, "retiree/1/face-template");
    EXPECT_NE(a, b) << "two seals of the same data must differ (random nonce)";
    EXPECT_EQ(cipher.open(a, "retiree/1/face-template"), plain);
    EXPECT_EQ(cipher.open(b, "retiree/1/face-template"), plain);
    // The ciphertext does not contain the plaintext.
    EXPECT_EQ(std::search(a.begin(), a.end(), plain.begin(), plain.begin() + 32), a.end());
}

TEST_F(BlobCipherTest, EveryFlippedByteIsRefused) {
    const auto ring = Keyring::open_or_create(dir_ / "k.keyring");
    const BlobCipher cipher(ring);
    const auto sealed = cipher.seal(template_bytes(), "retiree/1/face-template");
    for (std::size_t i = 0; i < sealed.size(); i += 7) {
        auto altered = sealed;
        altered[i] ^= 0x01;
        EXPECT_THROW((void)cipher.open(altered, "retiree/1/face-template"), CipherError)
            << "byte " << i;
    }
}

TEST_F(BlobCipherTest, ABlobMovedToAnotherRecordIsRefused) {
    const auto ring = Keyring::open_or_create(dir_ / "k.keyring");
    const BlobCipher cipher(ring);
    const auto sealed = cipher.seal(template_bytes(), "retiree/1/face-template");
    EXPECT_THROW((void)cipher.open(sealed, "retiree/2/face-template"), CipherError);
}

TEST_F(BlobCipherTest, TruncatedAndForeignDataAreRefusedWithAReason) {
    const auto ring = Keyring::open_or_create(dir_ / "k.keyring");
    const BlobCipher cipher(ring);
    const auto sealed = cipher.seal(template_bytes(), "x");
    const Bytes cut(sealed.begin(), sealed.begin() + 20);
    try {
        (void)cipher.open(cut, "x");
        FAIL() << "a truncated blob opened";
    } catch (const CipherError& e) {
        EXPECT_NE(std::string(e.what()).find("too short"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)cipher.open(Bytes{}, "x"), CipherError);
    const Bytes shortened(sealed.begin(), sealed.end() - 1);
    EXPECT_THROW((void)cipher.open(shortened, "x"), CipherError);
}

TEST_F(BlobCipherTest, AnotherWorkstationsKeyCannotOpen) {
    const auto mine = Keyring::open_or_create(dir_ / "mine.keyring");
    const auto theirs = Keyring::open_or_create(dir_ / "theirs.keyring");
    const auto sealed = BlobCipher(theirs).seal(template_bytes(), "x");
    try {
        (void)BlobCipher(mine).open(sealed, "x");
        FAIL() << "opened with a foreign key";
    } catch (const CipherError& e) {
        EXPECT_NE(std::string(e.what()).find("does not hold"), std::string::npos) << e.what();
    }
}

TEST_F(BlobCipherTest, KeyFileIsOwnerOnlyAndSurvivesReopen) {
    const auto path = dir_ / "k.keyring";
    Bytes sealed;
    {
        const auto ring = Keyring::open_or_create(path);
        sealed = BlobCipher(ring).seal(template_bytes(), "x");
    }
#ifndef _WIN32
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);
#endif
    const auto again = Keyring::open_or_create(path);
    EXPECT_EQ(BlobCipher(again).open(sealed, "x"), template_bytes());
}

#ifndef _WIN32
TEST_F(BlobCipherTest, AKeyFileReadableByOthersIsRefused) {
    const auto path = dir_ / "k.keyring";
    (void)Keyring::open_or_create(path);
    ::chmod(path.c_str(), 0644);
    EXPECT_THROW((void)Keyring::open_or_create(path), std::runtime_error);
}
#endif

TEST_F(BlobCipherTest, DamagedKeyFileIsRefusedNamingTheLine) {
    const auto path = dir_ / "k.keyring";
    (void)Keyring::open_or_create(path);
    {
        std::ofstream out(path, std::ios::app);
        out << "00112233 not-a-key active\n";
    }
    try {
        (void)Keyring::open_or_create(path);
        FAIL() << "a damaged keyring opened";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    }
}

TEST_F(BlobCipherTest, RotationKeepsOldBlobsReadableUntilResealed) {
    const auto path = dir_ / "k.keyring";
    auto ring = Keyring::open_or_create(path);
    const auto old_sealed = BlobCipher(ring).seal(template_bytes(), "x");
    const auto old_id = ring.active_id();

    ring.rotate();
    ring.save();
    EXPECT_NE(ring.active_id(), old_id);
    EXPECT_EQ(ring.size(), 2u);
    const BlobCipher cipher(ring);
    EXPECT_EQ(cipher.open(old_sealed, "x"), template_bytes());
    const auto resealed = cipher.reseal(old_sealed, "x");
    EXPECT_EQ(BlobCipher::key_id_of(resealed), ring.active_id());

    ring.retire_unused();
    ring.save();
    const auto reopened = Keyring::open_or_create(path);
    EXPECT_EQ(reopened.size(), 1u);
    EXPECT_EQ(BlobCipher(reopened).open(resealed, "x"), template_bytes());
    EXPECT_THROW((void)BlobCipher(reopened).open(old_sealed, "x"), CipherError);
}
