#include <SQLiteCpp/Statement.h>

#include <sstream>

#include "store/database.h"
#include "store/roster_export.h"
#include "store/roster_import.h"
#include "store/sqlite_retiree_repository.h"
#include "store_test_support.h"

namespace pd::store {
namespace {

using testing::TempDir;

struct Row {
    std::int64_t key;
    std::string id_number, name, unit, phone;
};

// A registry of synthetic retirees plus the truth to compare searches with (brute force).
class SearchTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new TempDir;  // NOLINT: suite-lifetime fixture, deleted in TearDownTestSuite
        std::ostringstream csv;
        write_synthetic_roster(csv, 3000, 7);
        Database db(*dir_ / "w.sqlite");
        const auto clock = testing::test_clock();
        const auto report =
            import_roster_bytes(db, csv.str(), "synthetic", testing::checker(), clock, {});
        ASSERT_TRUE(report.committed);
        ASSERT_EQ(report.imported, 3000u);
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override {
        db_ = std::make_unique<Database>(*dir_ / "w.sqlite");
        repo_ = std::make_unique<SqliteRetireeRepository>(*db_, clock_);
        SQLite::Statement st(db_->sql(),
                             "SELECT r.key, r.id_number, r.name, u.name, coalesce(r.phone, '') "
                             "FROM retiree r JOIN unit u ON u.id = r.unit_id ORDER BY r.key");
        while (st.executeStep()) {
            all_.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                            st.getColumn(2).getString(), st.getColumn(3).getString(),
                            st.getColumn(4).getString()});
        }
    }
    template <class Pred>
    std::vector<std::int64_t> truth(Pred pred) const {
        std::vector<std::int64_t> keys;
        for (const auto& r : all_) {
            if (pred(r)) keys.push_back(r.key);
        }
        return keys;
    }
    std::vector<std::int64_t> search(std::string text, SearchField f) const {
        return repo_->search({std::move(text), f});
    }

    static inline TempDir* dir_ = nullptr;
    ManualClock clock_ = testing::test_clock();
    std::unique_ptr<Database> db_;
    std::unique_ptr<SqliteRetireeRepository> repo_;
    std::vector<Row> all_;
};

TEST_F(SearchTest, IdNumberExactAndPrefix) {
    const Row& r = all_[1234];
    EXPECT_EQ(search(r.id_number, SearchField::IdNumber), std::vector<std::int64_t>{r.key});
    for (const std::size_t len :
         {std::size_t{4}, std::size_t{6}, std::size_t{10}, std::size_t{14}, std::size_t{17}}) {
        const std::string prefix = r.id_number.substr(0, len);
        SCOPED_TRACE(prefix);
        const auto expected =
            truth([&](const Row& x) { return x.id_number.rfind(prefix, 0) == 0; });
        EXPECT_EQ(search(prefix, SearchField::IdNumber), expected);
        EXPECT_FALSE(expected.empty());
    }
    // Lower-case x is the same number.
    const auto with_x = truth([](const Row& x) { return x.id_number.back() == 'X'; });
    ASSERT_FALSE(with_x.empty());
    std::string lower = all_[static_cast<std::size_t>(with_x[0] - 1)].id_number;
    lower.back() = 'x';
    EXPECT_EQ(search(lower, SearchField::IdNumber), std::vector<std::int64_t>{with_x[0]});
    EXPECT_TRUE(search("999999", SearchField::IdNumber).empty());
}

TEST_F(SearchTest, NameFragmentsOfOneTwoAndThreeCharacters) {
    for (const std::string& fragment :
         std::vector<std::string>{"王", "秀", "建国", "秀英", "李明", all_[42].name}) {
        SCOPED_TRACE(fragment);
        const auto expected =
            truth([&](const Row& x) { return x.name.find(fragment) != std::string::npos; });
        EXPECT_EQ(search(fragment, SearchField::Name), expected);
    }
    EXPECT_TRUE(search("不存在", SearchField::Name).empty());
    // Query syntax characters are plain text.
    EXPECT_TRUE(search("\"王 OR *", SearchField::Name).empty());
}

TEST_F(SearchTest, EmployerUnitFragment) {
    for (const std::string fragment : {"交通大学", "中学", "陕西省教育厅", "医院"}) {
        SCOPED_TRACE(fragment);
        const auto expected =
            truth([&](const Row& x) { return x.unit.find(fragment) != std::string::npos; });
        EXPECT_EQ(search(fragment, SearchField::EmployerUnit), expected);
        EXPECT_FALSE(expected.empty());
    }
}

TEST_F(SearchTest, PhoneExactAndPrefix) {
    const Row& r = all_[77];
    EXPECT_EQ(search(r.phone, SearchField::Phone), std::vector<std::int64_t>{r.key});
    const std::string prefix = r.phone.substr(0, 5);
    EXPECT_EQ(search(prefix, SearchField::Phone),
              truth([&](const Row& x) { return x.phone.rfind(prefix, 0) == 0; }));
    EXPECT_EQ(search(r.phone.substr(0, 3) + " " + r.phone.substr(3, 4) + "-" + r.phone.substr(7),
                     SearchField::Phone),
              std::vector<std::int64_t>{r.key});
}

TEST_F(SearchTest, AutoGuessesTheField) {
    const Row& r = all_[500];
    EXPECT_EQ(search(r.id_number, SearchField::Auto), std::vector<std::int64_t>{r.key});
    EXPECT_EQ(search(r.phone, SearchField::Auto), std::vector<std::int64_t>{r.key});
    EXPECT_EQ(search("建国", SearchField::Auto),
              truth([](const Row& x) { return x.name.find("建国") != std::string::npos; }));
    EXPECT_EQ(search("西北工业大学", SearchField::Auto),
              truth([](const Row& x) { return x.unit.find("西北工业大学") != std::string::npos; }));
    EXPECT_TRUE(search("", SearchField::Auto).empty());
}

TEST_F(SearchTest, LimitKeepsTheFirstInDisplayOrder) {
    const auto all_wang =
        truth([](const Row& x) { return x.name.find("王") != std::string::npos; });
    ASSERT_GT(all_wang.size(), 5u);
    const auto five = repo_->search({"王", SearchField::Name, 5});
    EXPECT_EQ(five, std::vector<std::int64_t>(all_wang.begin(), all_wang.begin() + 5));
}

TEST_F(SearchTest, TotalAndRows) {
    EXPECT_EQ(repo_->total(), 3000);
    const std::int64_t keys[] = {1, 2, 3000};
    const auto rows = repo_->rows(keys);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[2].id_number, all_.back().id_number);
    EXPECT_EQ(rows[2].employer_unit, all_.back().unit);
}

}  // namespace
}  // namespace pd::store
