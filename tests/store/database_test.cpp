#include "store/database.h"

#include <SQLiteCpp/Database.h>

#include "store/char_tokenizer.h"
#include "store/migrations.h"
#include "store/store_error.h"
#include "store_test_support.h"

namespace pd::store {
namespace {

using testing::slurp;
using testing::TempDir;
using testing::write_file;

TEST(Database, FreshWorkspaceHasNewestSchemaWalAndForeignKeys) {
    TempDir dir;
    Database db(dir / "w.sqlite");
    EXPECT_EQ(db.schema_version(), kSchemaVersion);
    EXPECT_EQ(db.sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(db.sql().execAndGet("PRAGMA foreign_keys").getInt(), 1);
    EXPECT_EQ(db.sql().execAndGet("PRAGMA synchronous").getInt(), 2);  // FULL
    EXPECT_EQ(db.sql().execAndGet("PRAGMA application_id").getInt(), kApplicationId);
    EXPECT_EQ(db.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST(Database, ReopeningKeepsData) {
    TempDir dir;
    {
        Database db(dir / "w.sqlite");
        db.sql().exec("INSERT INTO unit(name) VALUES ('西北大学')");
    }
    Database db(dir / "w.sqlite");
    EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM unit").getInt(), 1);
}

// Builds a workspace at every older schema version, with data, and opens it with this build.
TEST(Database, EveryOlderVersionUpgradesToTheNewest) {
    for (int version = 0; version < kSchemaVersion; ++version) {
        SCOPED_TRACE("from version " + std::to_string(version));
        TempDir dir;
        const auto path = dir / "old.sqlite";
        {
            SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            if (version > 0) {
                raw.exec("BEGIN");
                // Version 2 creates the FTS table with our tokenizer; older builds registered it
                // too, so registering here is what such a build did.
                register_char_tokenizer(raw.getHandle());
                migrate(raw, 0, version);
                raw.exec(
                    "INSERT INTO unit(id, name) VALUES (1, '陕西省教育厅');"
                    "INSERT INTO retiree(uuid, id_number, name, gender, birth_date, unit_id, "
                    "scheme, status, revision, created_at, updated_at) VALUES "
                    "('0190d6f2-0000-7000-8000-000000000001', '11010519491231002X', '王建国', "
                    "'female', '1949-12-31', 1, 'public_institution', 'active', 1, "
                    "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
                if (version >= 2) {
                    raw.exec("INSERT INTO retiree_name_fts(rowid, name) VALUES (1, '王建国')");
                }
                raw.exec("COMMIT");
            }
        }
        Database db(path);
        EXPECT_EQ(db.schema_version(), kSchemaVersion);
        EXPECT_EQ(db.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
        if (version > 0) {
            EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM retiree").getInt(), 1);
            // The name index covers records that predate it.
            EXPECT_EQ(db.sql()
                          .execAndGet("SELECT count(*) FROM retiree_name_fts WHERE "
                                      "retiree_name_fts MATCH '\"建国\"'")
                          .getInt(),
                      1);
        }
        EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM import_batch").getInt(), 0);
    }
}

TEST(Database, NotSqliteIsRejectedAndUntouched) {
    TempDir dir;
    const auto path = dir / "notes.sqlite";
    const std::string bytes = "id_number,name\n11010519491231002X,王建国\n";
    write_file(path, bytes);
    try {
        Database db(path);
        FAIL() << "opened a text file";
    } catch (const WorkspaceRejected& e) {
        EXPECT_NE(std::string(e.what()).find("not an SQLite database"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(slurp(path), bytes);
}

TEST(Database, AnotherProgramsSqliteIsRejectedAndUntouched) {
    TempDir dir;
    const auto path = dir / "other.db";
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES ('x')");
    }
    const std::string before = slurp(path);
    try {
        Database db(path);
        FAIL() << "opened another program's database";
    } catch (const WorkspaceRejected& e) {
        EXPECT_NE(std::string(e.what()).find("another program"), std::string::npos) << e.what();
    }
    EXPECT_EQ(slurp(path), before);
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST(Database, NewerVersionIsRejectedAndUntouched) {
    TempDir dir;
    const auto path = dir / "new.sqlite";
    { Database db(path); }
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA journal_mode = DELETE");
        raw.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 5));
    }
    const std::string before = slurp(path);
    try {
        Database db(path);
        FAIL() << "opened a newer workspace";
    } catch (const WorkspaceRejected& e) {
        EXPECT_NE(std::string(e.what()).find("newer PensionDesk"), std::string::npos) << e.what();
    }
    EXPECT_EQ(slurp(path), before);
}

TEST(Database, TruncatedFileIsRejectedAndUntouched) {
    TempDir dir;
    const auto path = dir / "cut.sqlite";
    {
        Database db(path);
        db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        for (int i = 0; i < 200; ++i) {
            db.sql().exec("INSERT INTO unit(name) VALUES ('单位" + std::to_string(i) +
                          std::string(200, 'x') + "')");
        }
        db.sql().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        db.sql().exec("PRAGMA journal_mode = DELETE");
    }
    std::string bytes = slurp(path);
    ASSERT_GT(bytes.size(), 8192u);
    for (const std::size_t keep : {bytes.size() / 2, std::size_t{50}, bytes.size() - 100}) {
        SCOPED_TRACE(keep);
        const std::string cut = bytes.substr(0, keep);
        write_file(path, cut);
        try {
            Database db(path);
            FAIL() << "opened a truncated file";
        } catch (const WorkspaceRejected& e) {
            EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
        }
        EXPECT_EQ(slurp(path), cut);
    }
}

TEST(Database, MissingFolderGivesAClearError) {
    TempDir dir;
    EXPECT_THROW(Database(dir / "no/such/folder/w.sqlite"), std::exception);
}

}  // namespace
}  // namespace pd::store
