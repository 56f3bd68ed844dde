// The admin tool's certification commands on a real workspace file.
#include "store/certification_command.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "domain/certification_cycle.h"
#include "domain/receipt_code.h"
#include "domain/registry_service.h"
#include "store/sealed_blob_store.h"
#include "store/sqlite_certification_repository.h"
#include "store/sqlite_retiree_repository.h"
#include "store/workspace_keys.h"
#include "text/opencc_script_checker.h"

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

struct CommandRun {
    int code;
    std::string out;
    std::string err;
};

class CertificationCommandTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("pd-cmd-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_);
        // Keyrings go under the configuration directory: keep them in the test's folder.
        ::setenv("XDG_CONFIG_HOME", (dir_ / "config").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir_ / "data").c_str(), 1);
        db_path_ = (dir_ / "w.sqlite").string();
        pd::store::Database db(db_path_);
        pd::SystemClock clock;
        pd::store::SqliteRetireeRepository retirees(db, clock);
        pd::store::SqliteCertificationRepository certs(db, clock);
        const pd::text::OpenccScriptChecker script;
        pd::UuidGenerator ids;
        pd::RegistryService registry(retirees, script, clock, ids);
        pd::RetireeDraft d;
        d.id_number = "610103195001010018";
        d.name = "李建国";
        d.employer_unit = "陕西省教育厅";
        retiree_ = registry.register_retiree(d, pd::system_actor("t")).value().id;
        pd::Certification c;
        c.id = ids.next(clock.now());
        c.retiree_id = retiree_;
        c.outcome = pd::CertificationOutcome::Passed;
        c.at = clock.now();
        c.valid_until = pd::valid_until_for(clock.today(), {});
        c.place = "碑林区经办机构";
        c.receipt_number = pd::make_receipt_number(c.id, 2026);
        certs.add(c, pd::ChangeNote{pd::system_actor("t"), "certify", ""});
        receipt_ = c.receipt_number;
    }
    void TearDown() override { fs::remove_all(dir_); }

    template <class F>
    CommandRun run(F command, std::vector<std::string> args) {
        std::ostringstream out, err;
        const int code = command(args, out, err);
        return {code, out.str(), err.str()};
    }

    fs::path dir_;
    std::string db_path_;
    pd::Uuid retiree_;
    std::string receipt_;
};

}  // namespace

TEST_F(CertificationCommandTest, ReceiptVerifyTellsGenuineFromAlteredAndUnknown) {
    auto ok = run(pd::store::run_receipt_command, {"verify", receipt_, "--db", db_path_});
    EXPECT_EQ(ok.code, 0) << ok.err;
    EXPECT_NE(ok.out.find("genuine"), std::string::npos) << ok.out;
    EXPECT_NE(ok.out.find("碑林区经办机构"), std::string::npos) << ok.out;

    std::string altered = receipt_;
    altered[8] = altered[8] == '0' ? '1' : '0';
    auto bad = run(pd::store::run_receipt_command, {"verify", altered, "--db", db_path_, "--json"});
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.out.find("\"check_digits_valid\":false"), std::string::npos) << bad.out;

    pd::UuidGenerator other(99);
    const auto unknown = pd::make_receipt_number(other.next(system_clock::now()), 2026);
    auto missing = run(pd::store::run_receipt_command, {"verify", unknown, "--db", db_path_});
    EXPECT_EQ(missing.code, 1);
    EXPECT_NE(missing.out.find("no such certification"), std::string::npos) << missing.out;

    EXPECT_EQ(run(pd::store::run_receipt_command, {"verify", "--db", db_path_}).code, 2);
    // Without --db: the user's own workspace, which does not exist here: said, nothing created.
    const auto no_db = run(pd::store::run_receipt_command, {"verify", receipt_});
    EXPECT_EQ(no_db.code, 2);
    EXPECT_NE(no_db.err.find("no workspace at"), std::string::npos) << no_db.err;
    EXPECT_FALSE(fs::exists(dir_ / "data"));
    EXPECT_EQ(run(pd::store::run_receipt_command, {"check", receipt_, "--db", db_path_}).code, 2);
}

TEST_F(CertificationCommandTest, ReceiptVerifyOnAForeignFileFailsWithoutChangingIt) {
    const auto junk = dir_ / "junk.sqlite";
    {
        std::ofstream f(junk, std::ios::binary);
        f << "this is not a workspace";
    }
    const auto before = fs::file_size(junk);
    auto r = run(pd::store::run_receipt_command, {"verify", receipt_, "--db", junk.string()});
    EXPECT_EQ(r.code, 3);
    EXPECT_FALSE(r.err.empty());
    EXPECT_EQ(fs::file_size(junk), before);
}

TEST_F(CertificationCommandTest, DueListsAsJson) {
    auto r = run(pd::store::run_due_command, {"--db", db_path_, "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    // Certified today: not due, so all three lists are empty.
    EXPECT_EQ(r.out.find("李建国"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"overdue\":[]"), std::string::npos) << r.out;
    EXPECT_EQ(run(pd::store::run_due_command, {"--db", db_path_, "extra"}).code, 2);
}

TEST_F(CertificationCommandTest, KeyRotationResealsAndOldKeyIsGone) {
    std::string blob;
    {
        pd::store::Database db(db_path_);
        auto ring = pd::store::Keyring::open_or_create(pd::store::keyring_path_for(db));
        const pd::store::BlobCipher cipher(ring);
        pd::SystemClock clock;
        pd::store::SealedBlobStore blobs(db, cipher, clock);
        blob = blobs.put(retiree_, "face-template", std::vector<std::uint8_t>{1, 2, 3, 4});
    }
    auto before = run(pd::store::run_keys_command, {"show", "--db", db_path_, "--json"});
    ASSERT_EQ(before.code, 0) << before.err;
    auto rotated = run(pd::store::run_keys_command, {"rotate", "--db", db_path_, "--json"});
    ASSERT_EQ(rotated.code, 0) << rotated.err;
    EXPECT_NE(rotated.out.find("\"resealed\":1"), std::string::npos) << rotated.out;
    EXPECT_NE(rotated.out.find("\"keys\":1"), std::string::npos) << rotated.out;
    EXPECT_NE(before.out.substr(before.out.find("active_key"), 30),
              rotated.out.substr(rotated.out.find("active_key"), 30));

    pd::store::Database db(db_path_);
    auto ring = pd::store::Keyring::open_or_create(pd::store::keyring_path_for(db));
    const pd::store::BlobCipher cipher(ring);
    pd::SystemClock clock;
    pd::store::SealedBlobStore blobs(db, cipher, clock);
    EXPECT_EQ(blobs.get(blob), (std::vector<std::uint8_t>{1, 2, 3, 4}));
}
