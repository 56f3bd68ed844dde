// The workspace's certification policy on a real SQLite file: defaults, a round trip, values
// outside the rules refused without writing, and a value from an unknown version ignored.
#include "store/certification_settings_store.h"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "store/store_error.h"

namespace fs = std::filesystem;

namespace {

class PolicyStoreTest : public ::testing::Test {
  protected:
    PolicyStoreTest()
        : dir_(fs::temp_directory_path() /
               ("pd-policy-" + std::to_string(std::random_device{}()))) {
        fs::create_directories(dir_);
        db_ = std::make_unique<pd::store::Database>(dir_ / "w.sqlite");
    }
    ~PolicyStoreTest() override {
        db_.reset();
        fs::remove_all(dir_);
    }
    void put(const char* key, const char* value) {
        SQLite::Statement st(db_->sql(),
                             "INSERT OR REPLACE INTO workspace_info (key, value) VALUES (?, ?)");
        st.bind(1, key);
        st.bind(2, value);
        st.exec();
    }
    fs::path dir_;
    std::unique_ptr<pd::store::Database> db_;
};

}  // namespace

TEST_F(PolicyStoreTest, DefaultsUntilSavedThenRoundTrips) {
    auto s = pd::store::load_certification_settings(*db_, "默认经办机构");
    EXPECT_EQ(s.cycle.rule, pd::CycleSettings::Rule::Rolling12);
    EXPECT_EQ(s.cycle.renew_window_days, 60);
    EXPECT_EQ(s.place, "默认经办机构");

    s.cycle.rule = pd::CycleSettings::Rule::CalendarYear;
    s.cycle.renew_window_days = 30;
    s.place = "碑林区社会保险经办中心";
    pd::store::save_certification_settings(*db_, s);
    const auto back = pd::store::load_certification_settings(*db_, "默认经办机构");
    EXPECT_EQ(back.cycle.rule, pd::CycleSettings::Rule::CalendarYear);
    EXPECT_EQ(back.cycle.renew_window_days, 30);
    EXPECT_EQ(back.place, "碑林区社会保险经办中心");
}

TEST_F(PolicyStoreTest, ValuesOutsideTheRulesAreRefusedAndNothingIsWritten) {
    pd::CertificationSettings s;
    s.place = "碑林区社会保险经办中心";
    s.cycle.renew_window_days = 181;
    EXPECT_THROW(pd::store::save_certification_settings(*db_, s), pd::store::StoreError);
    s.cycle.renew_window_days = -1;
    EXPECT_THROW(pd::store::save_certification_settings(*db_, s), pd::store::StoreError);
    s.cycle.renew_window_days = 10;
    s.place = "";
    EXPECT_THROW(pd::store::save_certification_settings(*db_, s), pd::store::StoreError);
    s.place = std::string(61, 'x');
    EXPECT_THROW(pd::store::save_certification_settings(*db_, s), pd::store::StoreError);
    s.place = "\xE7\xA2";  // a cut UTF-8 sequence
    EXPECT_THROW(pd::store::save_certification_settings(*db_, s), pd::store::StoreError);
    EXPECT_EQ(
        db_->sql()
            .execAndGet("SELECT count(*) FROM workspace_info WHERE key LIKE 'certification.%'")
            .getInt(),
        0);
}

TEST_F(PolicyStoreTest, UnknownOrDamagedStoredValuesFallBackToTheDefaults) {
    put("certification.cycle", "fortnightly");
    put("certification.renew_window_days", "60x");
    put("certification.place", "");
    const auto s = pd::store::load_certification_settings(*db_, "默认经办机构");
    EXPECT_EQ(s.cycle.rule, pd::CycleSettings::Rule::Rolling12);
    EXPECT_EQ(s.cycle.renew_window_days, 60);
    EXPECT_EQ(s.place, "默认经办机构");
    put("certification.renew_window_days", "9999");
    EXPECT_EQ(pd::store::load_certification_settings(*db_, "x").cycle.renew_window_days, 60);
}
