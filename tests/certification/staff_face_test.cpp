// Staff members' own faces through the real service on a real SQLite workspace: who may enrol
// or withdraw whose face, the audit entry and outbox event written with the change, and the
// rule that a clerk certifies only once their own face is on file.
#include "domain/staff_face.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlite_staff_face_repository.h"

using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

constexpr const char* kClerk = "01890a5d-ac96-774b-bcce-b302099a8001";
constexpr const char* kColleague = "01890a5d-ac96-774b-bcce-b302099a8002";
constexpr const char* kAdmin = "01890a5d-ac96-774b-bcce-b302099a8003";

pd::Actor actor(const char* id, pd::Role role) {
    return pd::Actor{id, std::string(id) + " name", "ws-1", role, {}, {}};
}

class StaffFaceTest : public ::testing::Test {
  protected:
    StaffFaceTest()
        : dir_(fs::temp_directory_path() /
               ("pd-staff-face-" + std::to_string(std::random_device{}()))),
          clock_(sys_days{2026y / December / 3} + hours{2}) {
        fs::create_directories(dir_);
        db_ = std::make_unique<pd::store::Database>(dir_ / "w.sqlite");
        repo_ = std::make_unique<pd::store::SqliteStaffFaceRepository>(*db_, clock_);
        audit_ = std::make_unique<pd::store::SqliteAuditLog>(db_->sql());
        service_ = std::make_unique<pd::StaffFaceService>(*repo_, clock_, true);
        service_->set_audit(*audit_);
    }
    ~StaffFaceTest() override {
        service_.reset();
        audit_.reset();
        repo_.reset();
        db_.reset();
        fs::remove_all(dir_);
    }

    pd::ConsentRecord consent() const {
        return pd::ConsentRecord{"staff-2026-1", "本人同意保存本人人脸模板，仅用于防止冒用",
                                 "staff", "", clock_.now()};
    }
    static pd::Uuid id(const char* s) { return *pd::Uuid::parse(s); }
    std::int64_t audit_count(pd::AuditAction a) const {
        pd::AuditQuery q;
        q.action = a;
        return static_cast<std::int64_t>(audit_->find(q).size());
    }

    fs::path dir_;
    pd::ManualClock clock_;
    std::unique_ptr<pd::store::Database> db_;
    std::unique_ptr<pd::store::SqliteStaffFaceRepository> repo_;
    std::unique_ptr<pd::store::SqliteAuditLog> audit_;
    std::unique_ptr<pd::StaffFaceService> service_;
};

}  // namespace

TEST_F(StaffFaceTest, AClerkEnrolsTheirOwnFaceWithItsAuditEntryAndOutboxEvent) {
    const auto clerk = actor(kClerk, pd::Role::CounterClerk);
    auto f = service_->enrol(id(kClerk), consent(), "blob-t", "blob-p", "fr-1", clerk);
    ASSERT_TRUE(f) << f.error().message();
    const auto stored = repo_->face(id(kClerk));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->template_blob, "blob-t");
    EXPECT_EQ(stored->consent.recorded_by, kClerk);
    EXPECT_EQ(stored->enrolled_by, kClerk);
    EXPECT_EQ(stored->enrolled_at, clock_.now());
    EXPECT_EQ(audit_count(pd::AuditAction::StaffFaceEnrolled), 1);
    const auto events = pd::store::read_outbox(db_->sql());
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events[0].entity, "staff_face");
    // The template stays on the workstation: the event names it by nothing but its model.
    EXPECT_EQ(events[0].payload.find("blob-t"), std::string::npos);
    EXPECT_TRUE(audit_->verify() == std::nullopt);
}

TEST_F(StaffFaceTest, ReEnrolmentReplacesTheOneFace) {
    const auto clerk = actor(kClerk, pd::Role::CounterClerk);
    ASSERT_TRUE(service_->enrol(id(kClerk), consent(), "t1", "p1", "fr-1", clerk));
    clock_.advance(hours{24});
    ASSERT_TRUE(service_->enrol(id(kClerk), consent(), "t2", "p2", "fr-2", clerk));
    const auto all = repo_->all();
    ASSERT_EQ(all.size(), 1U);
    EXPECT_EQ(all[0].template_blob, "t2");
    EXPECT_EQ(all[0].model_version, "fr-2");
}

TEST_F(StaffFaceTest, AClerkMayNotEnrolOrWithdrawAColleaguesFaceButAnAdministratorMay) {
    const auto clerk = actor(kClerk, pd::Role::CounterClerk);
    const auto supervisor = actor(kClerk, pd::Role::Supervisor);
    auto refused = service_->enrol(id(kColleague), consent(), "t", "p", "fr-1", clerk);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "permission.denied");
    EXPECT_FALSE(service_->enrol(id(kColleague), consent(), "t", "p", "fr-1", supervisor));
    EXPECT_FALSE(repo_->face(id(kColleague)));
    EXPECT_EQ(audit_count(pd::AuditAction::PermissionDenied), 2);
    EXPECT_EQ(pd::store::count_outbox(db_->sql()), 0);

    const auto admin = actor(kAdmin, pd::Role::Administrator);
    ASSERT_TRUE(service_->enrol(id(kColleague), consent(), "t", "p", "fr-1", admin));
    EXPECT_EQ(repo_->face(id(kColleague))->enrolled_by, kAdmin);
    EXPECT_FALSE(service_->withdraw(id(kColleague), "test", clerk));
    EXPECT_TRUE(repo_->face(id(kColleague)));
    auto w = service_->withdraw(id(kColleague), "left the office", admin);
    ASSERT_TRUE(w);
    EXPECT_TRUE(*w);
    EXPECT_FALSE(repo_->face(id(kColleague)));
    EXPECT_EQ(audit_count(pd::AuditAction::StaffFaceWithdrawn), 1);
    auto again = service_->withdraw(id(kColleague), "again", admin);
    ASSERT_TRUE(again);
    EXPECT_FALSE(*again);  // nothing left to withdraw, nothing audited
    EXPECT_EQ(audit_count(pd::AuditAction::StaffFaceWithdrawn), 1);
}

TEST_F(StaffFaceTest, ConsentAndATemplateComeFirst) {
    const auto clerk = actor(kClerk, pd::Role::CounterClerk);
    auto no_consent = consent();
    no_consent.text.clear();
    auto a = service_->enrol(id(kClerk), no_consent, "t", "p", "fr-1", clerk);
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().code, "staff_face.consent");
    auto b = service_->enrol(id(kClerk), consent(), "", "p", "fr-1", clerk);
    ASSERT_FALSE(b);
    EXPECT_EQ(b.error().code, "staff_face.template");
    EXPECT_TRUE(repo_->all().empty());
    EXPECT_EQ(pd::store::count_outbox(db_->sql()), 0);
}

TEST_F(StaffFaceTest, AClerkCertifiesOnlyWithTheirOwnFaceOnFileWhenTheRuleIsOn) {
    const auto clerk = actor(kClerk, pd::Role::CounterClerk);
    const auto missing = service_->certify_readiness(clerk);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->code, "staff_face.missing");
    // A colleague's face on file does not make this clerk ready.
    ASSERT_TRUE(service_->enrol(id(kAdmin), consent(), "t", "p", "fr-1",
                                actor(kAdmin, pd::Role::Administrator)));
    EXPECT_TRUE(service_->certify_readiness(clerk));
    ASSERT_TRUE(service_->enrol(id(kClerk), consent(), "t", "p", "fr-1", clerk));
    EXPECT_FALSE(service_->certify_readiness(clerk));
    // An actor that is no staff account (a CLI or system actor) is never "ready" by accident.
    EXPECT_TRUE(service_->certify_readiness(actor("not-a-uuid", pd::Role::CounterClerk)));

    pd::StaffFaceService relaxed(*repo_, clock_, false);
    EXPECT_FALSE(relaxed.certify_readiness(actor(kColleague, pd::Role::CounterClerk)));
}
