// validate_draft and the registry rules, run against the real SQLite repository (no mocks), and
// the synthetic roster every demo workspace and benchmark is built from.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>

#include "domain/registry_service.h"
#include "domain/retiree_validation.h"
#include "domain/synthetic_roster.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlite_retiree_repository.h"
#include "text/opencc_script_checker.h"

namespace pd {
namespace {

namespace fs = std::filesystem;

const ScriptChecker& checker() {
    static const text::OpenccScriptChecker c;
    return c;
}

ManualClock clock_at_2026() {
    using namespace std::chrono;
    return ManualClock(sys_days{year{2026} / 12 / 3} + hours{12});
}

Date today() {
    return clock_at_2026().today();
}

RetireeDraft good() {
    RetireeDraft d;
    d.id_number = "11010519491231002x";
    d.name = " 王秀英 ";
    d.gender = "女";
    d.birth_date = "1949-12-31";
    d.ethnicity = "汉族";
    d.employer_unit = "西安市第八十三中学";
    d.retirement_date = "2004-12-31";
    d.phone = "+86 138-0013-8000";
    return d;
}

TEST(ValidateDraft, NormalisesAGoodDraft) {
    const auto r = validate_draft(good(), checker(), today());
    ASSERT_TRUE(r.has_value()) << r.error().front().message();
    EXPECT_EQ(r->id_number.str(), "11010519491231002X");
    EXPECT_EQ(r->name.str(), "王秀英");
    EXPECT_EQ(r->gender, Gender::Female);
    EXPECT_EQ(r->ethnicity, "汉");
    EXPECT_EQ(r->phone->str(), "13800138000");
}

TEST(ValidateDraft, ReportsEveryBadFieldAtOnce) {
    RetireeDraft d = good();
    d.id_number = "340524198001010013";
    d.name = "王國華";
    d.phone = "12345";
    d.employer_unit = "单位\x07";
    d.retirement_date = "2030-01-01";
    const auto r = validate_draft(d, checker(), today());
    ASSERT_FALSE(r.has_value());
    std::set<std::string> fields;
    for (const auto& e : r.error()) fields.insert(e.field);
    EXPECT_EQ(fields, (std::set<std::string>{"id_number", "name", "phone", "employer_unit",
                                             "retirement_date"}));
    for (const auto& e : r.error()) {
        if (e.field == "name") {
            EXPECT_NE(e.message().find("國"), std::string::npos) << e.message();
            EXPECT_NE(e.message().find("国"), std::string::npos) << e.message();
        }
    }
}

TEST(ValidateDraft, GenderAndBirthDateMustAgreeWithTheIdNumber) {
    RetireeDraft d = good();
    d.gender = "male";
    d.birth_date = "1949-12-30";
    const auto r = validate_draft(d, checker(), today());
    ASSERT_FALSE(r.has_value());
    ASSERT_EQ(r.error().size(), 2u);
    EXPECT_EQ(r.error()[0].code, "gender.mismatch");
    EXPECT_EQ(r.error()[1].code, "birth_date.mismatch");
}

class RegistryOnSqlite : public ::testing::Test {
  protected:
    RegistryOnSqlite() {
        std::random_device rd;
        dir_ = fs::temp_directory_path() / ("pd-domain-registry-" + std::to_string(rd()));
        fs::create_directories(dir_);
        db_ = std::make_unique<store::Database>(dir_ / "w.sqlite");
        repo_ = std::make_unique<store::SqliteRetireeRepository>(*db_, clock_);
        service_ = std::make_unique<RegistryService>(*repo_, checker(), clock_, ids_);
        actor_ = system_actor("ws", "clerk");
        actor_.role = Role::Supervisor;
        actor_.staff_id = "staff-1";
    }
    ~RegistryOnSqlite() override {
        service_.reset();
        repo_.reset();
        db_.reset();
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    fs::path dir_;
    ManualClock clock_ = clock_at_2026();
    UuidGenerator ids_{5};
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<store::SqliteRetireeRepository> repo_;
    std::unique_ptr<RegistryService> service_;
    Actor actor_;
};

TEST_F(RegistryOnSqlite, DuplicateIdNumberNamesTheHolder) {
    ASSERT_TRUE(service_->register_retiree(good(), actor_));
    RetireeDraft d = good();
    d.name = "李四";
    d.phone = "";
    const auto r = service_->register_retiree(d, actor_);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().front().code, "id_number.duplicate");
    EXPECT_NE(r.error().front().message().find("王秀英"), std::string::npos);
    EXPECT_EQ(store::count_outbox(db_->sql()), 1);
}

TEST_F(RegistryOnSqlite, PhoneRegisteredToAnotherUnlessSharedByFamily) {
    ASSERT_TRUE(service_->register_retiree(good(), actor_));
    RetireeDraft d;
    d.id_number = "440524188001010014";
    d.name = "张建国";
    d.employer_unit = "陕西省教育厅";
    d.phone = "13800138000";
    auto r = service_->register_retiree(d, actor_);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().front().code, "phone.registered");
    EXPECT_NE(r.error().front().message().find("该手机已注册"), std::string::npos);
    d.phone_shared_by_family = true;
    r = service_->register_retiree(d, actor_);
    ASSERT_TRUE(r.has_value());
    const auto events = store::read_outbox(db_->sql());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_NE(events[1].payload.find("\"phone_shared_by_family\":true"), std::string::npos);
}

TEST(SyntheticRoster, EveryRetireeIsValidShaanxiAndUnique) {
    SyntheticRoster roster(99);
    std::set<std::string> ids, phones;
    for (int i = 0; i < 3000; ++i) {
        const RetireeDraft d = roster.next();
        const auto r = validate_draft(d, checker(), today());
        ASSERT_TRUE(r.has_value())
            << d.id_number << " " << d.name << ": " << r.error().front().message();
        EXPECT_EQ(r->id_number.province_code(), "61");
        const int born = static_cast<int>(r->birth_date.year());
        EXPECT_GE(born, 1935);
        EXPECT_LE(born, 1966);
        const int age = age_on(r->birth_date, *r->retirement_date);
        EXPECT_EQ(age, r->gender == Gender::Male ? 60 : 55);
        EXPECT_TRUE(ids.insert(r->id_number.str()).second);
        EXPECT_TRUE(phones.insert(r->phone->str()).second);
    }
    // Deterministic: the same seed gives the same people.
    SyntheticRoster a(7), b(7);
    for (int i = 0; i < 50; ++i) EXPECT_EQ(a.next().id_number, b.next().id_number);
}

}  // namespace
}  // namespace pd
