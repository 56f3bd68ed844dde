// Feeds the CSV fuzzer's corpus (fuzz/store/corpus) through the importer in a normal test run:
// every file either imports or fails with a clear error, and a failure changes nothing.
#include <filesystem>

#include "store/database.h"
#include "store/roster_import.h"
#include "store_test_support.h"

namespace pd::store {
namespace {

TEST(CsvCorpus, EveryInputEndsCleanly) {
    const std::filesystem::path corpus = PD_CSV_CORPUS_DIR;
    ASSERT_TRUE(std::filesystem::exists(corpus)) << corpus;
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        SCOPED_TRACE(entry.path().string());
        testing::TempDir dir;
        Database db(dir / "w.sqlite");
        const auto clock = testing::test_clock();
        try {
            const auto r = import_roster(db, entry.path(), testing::checker(), clock, {});
            if (!r.committed) {
                EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM retiree").getInt(), 0);
            }
            for (const auto& p : r.problems) EXPECT_FALSE(p.reason.empty());
        } catch (const RosterFileError& e) {
            EXPECT_NE(std::string(e.what()), "");
            EXPECT_EQ(db.sql().execAndGet("SELECT count(*) FROM retiree").getInt(), 0);
        }
    }
    EXPECT_GE(files, 5u);
}

}  // namespace
}  // namespace pd::store
