#include <SQLiteCpp/Statement.h>
#include <iconv.h>

#include <sstream>

#include "domain/receipt_code.h"
#include "store/database.h"
#include "store/demo_certifications.h"
#include "store/outbox.h"
#include "store/roster_export.h"
#include "store/roster_import.h"
#include "store/sqlite_certification_repository.h"
#include "store/sqlite_retiree_repository.h"
#include "store/workspace.h"
#include "store_test_support.h"

namespace pd::store {
namespace {

using testing::slurp;
using testing::TempDir;
using testing::write_file;

const std::string kHeader = "id_number,name,employer_unit,phone,phone_shared_by_family\n";
// Valid rows (check characters computed per GB 11643).
const std::string kGood1 = "11010519491231002X,王秀英,西安市第八十三中学,13800138000,0\n";
const std::string kGood2 = "440524188001010014,张建国,陕西省教育厅,13900139000,0\n";
const std::string kGood3 = "61011319550315003X,李明,西北大学,,\n";

class ImportTest : public ::testing::Test {
  protected:
    ImportReport run(const std::string& bytes, ImportOptions options = {}) {
        return import_roster_bytes(db, bytes, "test.csv", testing::checker(), clock, options);
    }
    std::int64_t count() { return db.sql().execAndGet("SELECT count(*) FROM retiree").getInt64(); }
    std::vector<std::string> messages(const ImportReport& r) {
        std::vector<std::string> out;
        for (const auto& p : r.problems) out.push_back(p.message());
        return out;
    }
    // Expects a whole-file error whose message contains `needle`, and no change.
    void expect_file_error(const std::string& bytes, const std::string& needle) {
        const auto before = count();
        try {
            (void)run(bytes);
            FAIL() << "no error for: " << bytes;
        } catch (const RosterFileError& e) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
        EXPECT_EQ(count(), before);
        EXPECT_EQ(count_outbox(db.sql()), 0);
    }

    TempDir dir;
    ManualClock clock = testing::test_clock();
    Database db{dir / "w.sqlite"};
};

TEST_F(ImportTest, GoodFileImportsInOneTransactionWithOneOutboxEvent) {
    const auto r = run(kHeader + kGood1 + kGood2 + kGood3);
    EXPECT_TRUE(r.committed);
    EXPECT_EQ(r.rows, 3u);
    EXPECT_EQ(r.imported, 3u);
    EXPECT_EQ(r.encoding, "UTF-8");
    EXPECT_EQ(count(), 3);
    const auto events = read_outbox(db.sql());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].entity, "import_batch");
    EXPECT_EQ(events[0].entity_id, r.batch_id);
    EXPECT_NE(events[0].payload.find("\"first_key\":1"), std::string::npos) << events[0].payload;
    EXPECT_NE(events[0].payload.find("\"last_key\":3"), std::string::npos);
    // Indexes rebuilt after the bulk load are the schema's, and the name index is complete.
    EXPECT_EQ(db.sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(db.sql()
                  .execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                              "tbl_name = 'retiree' AND sql IS NOT NULL")
                  .getInt(),
              4);
    SqliteRetireeRepository repo(db, clock);
    EXPECT_EQ(repo.search({"秀英", SearchField::Name}), std::vector<std::int64_t>{1});
}

TEST_F(ImportTest, AnyBadRowImportsNothingAndReportsEveryBadRow) {
    const std::string bad_name = "61011319550315003X,王國華,西北大学,,\n";  // traditional
    const std::string bad_check = "340524198001010013,赵六,西北大学,,\n";   // check should be X
    const auto r = run(kHeader + kGood1 + bad_name + kGood2 + bad_check);
    EXPECT_FALSE(r.committed);
    EXPECT_EQ(r.imported, 0u);
    EXPECT_EQ(r.rejected, 2u);
    const auto msgs = messages(r);
    ASSERT_EQ(msgs.size(), 2u);
    EXPECT_EQ(msgs[0].rfind("line 3: name: ", 0), 0u) << msgs[0];
    EXPECT_NE(msgs[0].find("國"), std::string::npos) << msgs[0];
    EXPECT_EQ(msgs[1].rfind("line 5: id_number: ", 0), 0u) << msgs[1];
    EXPECT_NE(msgs[1].find("X"), std::string::npos) << msgs[1];
    EXPECT_EQ(count(), 0);
    EXPECT_EQ(count_outbox(db.sql()), 0);
}

TEST_F(ImportTest, SkipInvalidImportsGoodRowsAndTheFixedRejectFileImportsToo) {
    const std::string bad_name = "61011319550315003X,王國華,西北大学,,\n";
    const std::string dup = "11010519491231002X,王秀英,西北大学,,\n";
    ImportOptions options;
    options.skip_invalid = true;
    options.reject_file = dir / "rejects.csv";
    const auto r = run(kHeader + kGood1 + bad_name + kGood2 + dup, options);
    EXPECT_TRUE(r.committed);
    EXPECT_EQ(r.imported, 2u);
    EXPECT_EQ(r.rejected, 2u);
    EXPECT_EQ(count(), 2);
    const auto msgs = messages(r);
    ASSERT_EQ(msgs.size(), 2u);
    EXPECT_EQ(msgs[1], "line 5: id_number: the same ID number is on line 2 of this file");

    std::string rejects = slurp(dir / "rejects.csv");
    ASSERT_EQ(rejects.rfind("\xEF\xBB\xBF"
                            "id_number,name,employer_unit,phone,"
                            "phone_shared_by_family,reason\r\n",
                            0),
              0u)
        << rejects;
    EXPECT_NE(rejects.find("王國華"), std::string::npos);
    // Fix the two rows as a clerk would, keep the reason column, import again.
    rejects.replace(rejects.find("王國華"), std::string("王國華").size(), "王国华");
    rejects.replace(rejects.find("11010519491231002X"), 18, "410326199507103197");
    write_file(dir / "fixed.csv", rejects);
    const auto again = import_roster(db, dir / "fixed.csv", testing::checker(), clock, {});
    EXPECT_TRUE(again.committed) << (again.problems.empty() ? "" : again.problems[0].message());
    EXPECT_EQ(again.imported, 2u);
    EXPECT_EQ(count(), 4);
    EXPECT_EQ(count_outbox(db.sql()), 2);
    SqliteRetireeRepository repo(db, clock);
    EXPECT_EQ(repo.search({"国华", SearchField::Name}).size(), 1u);  // FTS kept in step
}

TEST_F(ImportTest, IdNumberAndPhoneAlreadyInTheWorkspace) {
    ASSERT_TRUE(run(kHeader + kGood1).committed);
    const auto r = run(kHeader + kGood1 +
                       "440524188001010014,张建国,陕西省教育厅,13800138000,0\n"
                       "61011319550315003X,李明,西北大学,13800138000,1\n");
    EXPECT_FALSE(r.committed);
    const auto msgs = messages(r);
    ASSERT_EQ(msgs.size(), 3u) << ::testing::PrintToString(msgs);
    EXPECT_EQ(msgs[0], "line 2: id_number: this ID number is already registered in the workspace");
    EXPECT_EQ(msgs[1].rfind("line 2: phone: this phone is already registered", 0), 0u) << msgs[1];
    EXPECT_EQ(msgs[2].rfind("line 3: phone: this phone is already registered", 0), 0u) << msgs[2];
    EXPECT_EQ(r.rejected, 2u);  // line 4 shares the phone with the family: fine
}

TEST_F(ImportTest, PhoneTwiceInTheFileNeedsTheSharedMark) {
    const auto r = run(kHeader + kGood1 + "440524188001010014,张建国,陕西省教育厅,13800138000,0\n");
    ASSERT_EQ(messages(r).size(), 1u);
    EXPECT_EQ(messages(r)[0].rfind("line 3: phone: this phone is already given for the retiree "
                                   "on line 2",
                                   0),
              0u);
    const auto ok =
        run(kHeader + kGood1 + "440524188001010014,张建国,陕西省教育厅,13800138000,是\n");
    EXPECT_TRUE(ok.committed);
    EXPECT_EQ(count(), 2);
}

std::string to_gb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string in = utf8;
    std::string out(in.size() * 2, '\0');
    char* ip = in.data();
    char* op = out.data();
    std::size_t il = in.size(), ol = out.size();
    iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    out.resize(out.size() - ol);
    return out;
}

TEST_F(ImportTest, Gb18030AndBomAreDetected) {
    const auto gb = run(to_gb18030(kHeader + kGood1 + kGood2));
    EXPECT_EQ(gb.encoding, "GB18030");
    ASSERT_TRUE(gb.committed);
    SqliteRetireeRepository repo(db, clock);
    EXPECT_EQ(repo.by_key(1)->name.str(), "王秀英");
    EXPECT_EQ(repo.by_key(2)->employer_unit, "陕西省教育厅");
    const auto bom = run("\xEF\xBB\xBF" + kHeader + kGood3);
    EXPECT_EQ(bom.encoding, "UTF-8 (BOM)");
    EXPECT_TRUE(bom.committed);
}

TEST_F(ImportTest, MalformedFilesChangeNothing) {
    expect_file_error("", "the file is empty");
    expect_file_error("name,phone\n王秀英,13800138000\n",
                      "line 1: header: missing required column(s) id_number, employer_unit");
    expect_file_error("id_number,name,employer_unit,salary\n", "unknown column(s) salary");
    expect_file_error(kHeader + kGood1 + "440524188001010014,\"张建国,陕西省教育厅,,\n" + kGood3,
                      "line 3: a quoted field is never closed");
    expect_file_error("\xFF\xFE\xFD\xFC" + kHeader, "not valid UTF-8 or GB18030");
}

TEST_F(ImportTest, MalformedRowsAreNamedByLine) {
    const auto r = run(kHeader + kGood1 + "440524188001010014,张建国,陕西省教育厅\n" +
                       "61011319550315003X,李\x07明,西北大学,,\n" + kGood2.substr(0, 19) +
                       "张\xFF建国,陕西省教育厅,13900139000,0\n" +
                       "410326199507103197,\"周,强\",西北大学,,\n");
    EXPECT_FALSE(r.committed);
    const auto msgs = messages(r);
    ASSERT_EQ(msgs.size(), 4u);
    EXPECT_EQ(msgs[0],
              "line 3: row: has 3 fields; the header has 5 (a comma inside a field "
              "needs the field in double quotes)");
    EXPECT_EQ(msgs[1], "line 4: row: column 2: contains the control character U+0007; remove it");
    EXPECT_EQ(msgs[2].rfind("line 5: row: column 2: byte 0xFF is not valid UTF-8", 0), 0u)
        << msgs[2];
    EXPECT_EQ(msgs[3].rfind("line 6: name: ", 0), 0u) << msgs[3];  // a comma is no name
    EXPECT_EQ(count(), 0);
}

TEST_F(ImportTest, QuotedFieldsWithCommasAndNewlinesAndCrlf) {
    const auto r =
        run("id_number,name,employer_unit,address\r\n"
            "11010519491231002X,王秀英,\"西安市第八十三中学\",\"雁塔区, 长安路1号\"\r\n"
            "440524188001010014,张建国,陕西省教育厅,\"\"\"东\"\"院\"\r\n");
    ASSERT_TRUE(r.committed) << ::testing::PrintToString(messages(r));
    SqliteRetireeRepository repo(db, clock);
    EXPECT_EQ(repo.by_key(2)->address, "\"东\"院");
    ASSERT_EQ(r.rows, 2u);
}

TEST_F(ImportTest, CancelRollsBack) {
    ImportOptions options;
    std::vector<std::string> phases;
    options.progress = [&](const ImportProgress& p) {
        phases.push_back(p.phase);
        return false;
    };
    const auto r = run(kHeader + kGood1 + kGood2, options);
    EXPECT_TRUE(r.cancelled);
    EXPECT_FALSE(r.committed);
    EXPECT_EQ(count(), 0);
    EXPECT_EQ(count_outbox(db.sql()), 0);
    EXPECT_EQ(phases, std::vector<std::string>{"indexing"});
}

TEST_F(ImportTest, ProgressIsReportedOnBigFiles) {
    std::ostringstream csv;
    write_synthetic_roster(csv, 9000, 3);
    ImportOptions options;
    std::size_t calls = 0;
    options.progress = [&](const ImportProgress& p) {
        ++calls;
        EXPECT_LE(p.bytes_done, p.bytes_total);
        return true;
    };
    const auto r = run(csv.str(), options);
    EXPECT_TRUE(r.committed);
    EXPECT_EQ(r.imported, 9000u);
    EXPECT_GE(calls, 2u);
}

TEST_F(ImportTest, ExportImportsBackIdentically) {
    std::ostringstream csv;
    write_synthetic_roster(csv, 400, 11);
    ASSERT_TRUE(run(csv.str()).committed);
    {
        SqliteRetireeRepository repo(db, clock);
        UuidGenerator ids(1);
        auto r = *repo.by_key(5);
        r.status = RetireeStatus::Deactivated;
        r.status_reason = "moved abroad, see file 12";
        r.revision = 2;
        repo.update(r, ChangeNote{system_actor("t"), "deactivate", "moved"});
    }
    std::ostringstream first;
    EXPECT_EQ(export_roster(db, first), 400u);
    Database other(dir / "other.sqlite");
    const auto r = import_roster_bytes(other, first.str(), "export", testing::checker(), clock, {});
    ASSERT_TRUE(r.committed) << (r.problems.empty() ? "" : r.problems[0].message());
    std::ostringstream second;
    export_roster(other, second);
    EXPECT_EQ(first.str(), second.str());
    EXPECT_NE(first.str().find("deactivated,\"moved abroad, see file 12\""), std::string::npos);
}

TEST_F(ImportTest, WorksWhileAnotherConnectionReadsAndLeavesWalOn) {
    // The UI keeps its own connection open while a worker imports.
    Database ui(dir / "w.sqlite");
    SqliteRetireeRepository ui_repo(ui, clock);
    EXPECT_EQ(ui_repo.total(), 0);
    ASSERT_TRUE(run(kHeader + kGood1 + kGood2).committed);
    EXPECT_EQ(ui_repo.total(), 2);
    EXPECT_EQ(ui_repo.search({"建国", SearchField::Name}), std::vector<std::int64_t>{2});
    EXPECT_EQ(db.sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST_F(ImportTest, AloneIntoAnEmptyRegistryEndsBackInWal) {
    ASSERT_TRUE(run(kHeader + kGood1).committed);
    EXPECT_EQ(db.sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
    ASSERT_TRUE(run(kHeader + kGood2).committed);  // non-empty: through the live indexes
    SqliteRetireeRepository repo(db, clock);
    EXPECT_EQ(repo.search({"440524", SearchField::IdNumber}), std::vector<std::int64_t>{2});
}

TEST(DemoWorkspace, SeedsOnceAndIsMarkedDemo) {
    TempDir dir;
    const auto clock = testing::test_clock();
    const auto path = dir / "data/pensiondesk/demo.sqlite";
    {
        Database db = open_demo_workspace(path, testing::checker(), clock, 500);
        SqliteRetireeRepository repo(db, clock);
        EXPECT_EQ(repo.total(), 500);
        EXPECT_TRUE(read_workspace_info(db).demo);
        // Shaanxi ID numbers.
        for (const auto& row : repo.rows(std::vector<std::int64_t>{1, 2, 3, 250, 500})) {
            EXPECT_EQ(row.id_number.substr(0, 2), "61") << row.id_number;
        }
    }
    Database again = open_demo_workspace(path, testing::checker(), clock, 500);
    EXPECT_EQ(again.sql().execAndGet("SELECT count(*) FROM retiree").getInt(), 500);
}

TEST(DemoWorkspace, HasAYearOfCertificationHistoryThatNeverSyncs) {
    TempDir dir;
    const auto clock = testing::test_clock();
    const auto path = dir / "demo.sqlite";
    Database db = open_demo_workspace(path, testing::checker(), clock, 500);
    const auto certified = db.sql().execAndGet("SELECT count(*) FROM certification").getInt();
    EXPECT_GT(certified, 380);  // about 88 % of 500
    EXPECT_LT(certified, 480);
    // Synthetic history is not a clerk's work: nothing of it waits to be sent.
    EXPECT_EQ(
        db.sql().execAndGet("SELECT count(*) FROM outbox WHERE entity = 'certification'").getInt(),
        0);
    SQLite::Statement receipts(db.sql(), "SELECT receipt_number FROM certification");
    while (receipts.executeStep())
        EXPECT_TRUE(pd::receipt_number_valid(receipts.getColumn(0).getString()));
    // The due lists have all three kinds: still valid, run out (overdue), never certified.
    SqliteCertificationRepository certs(db, clock);
    int overdue = 0, valid = 0, never = 0;
    for (const auto& row : certs.validity_by_unit("", std::nullopt)) {
        if (!row.valid_until) {
            ++never;
        } else if (*row.valid_until < clock.today()) {
            ++overdue;
        } else {
            ++valid;
        }
    }
    EXPECT_GT(overdue, 10);
    EXPECT_GT(valid, 300);
    EXPECT_GT(never, 20);
    // With a cut-off the store keeps exactly the never certified and those valid up to it, in
    // the same order.
    const auto all = certs.validity_by_unit("", std::nullopt);
    const pd::Date cutoff{std::chrono::sys_days{clock.today()} + std::chrono::days{40}};
    std::vector<std::string> expected;
    for (const auto& row : all)
        if (!row.valid_until || *row.valid_until <= cutoff) expected.push_back(row.id_number);
    std::vector<std::string> got;
    for (const auto& row : certs.validity_by_unit("", cutoff)) got.push_back(row.id_number);
    EXPECT_EQ(got, expected);
    EXPECT_LT(got.size(), all.size());
    EXPECT_GT(got.size(), static_cast<std::size_t>(never + overdue));
    EXPECT_EQ(seed_demo_certifications(db, clock, 1), 0U);  // once only
}

TEST(DemoWorkspace, DataDirFollowsXdg) {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_DATA_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(default_workspace_path(),
              std::filesystem::path("/tmp/xdg-test/pensiondesk/demo.sqlite"));
    if (old) {
        setenv("XDG_DATA_HOME", saved.c_str(), 1);
    } else {
        unsetenv("XDG_DATA_HOME");
    }
}

}  // namespace
}  // namespace pd::store
