// The certification workflow's rules through the real services on a real SQLite workspace.
#include "domain/certification_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "domain/receipt_code.h"
#include "domain/registry_service.h"
#include "store/audit_log.h"
#include "store/auth_schema.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlite_certification_repository.h"
#include "store/sqlite_retiree_repository.h"
#include "text/opencc_script_checker.h"

using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

const pd::text::OpenccScriptChecker& script() {
    static const pd::text::OpenccScriptChecker checker;
    return checker;
}

pd::Actor actor(pd::Role role, std::string id, std::string unit = {}, std::string region = {}) {
    return pd::Actor{id, id + " name", "ws-1", role, std::move(unit), std::move(region)};
}

class CertificationServiceTest : public ::testing::Test {
  protected:
    CertificationServiceTest()
        : dir_(fs::temp_directory_path() / ("pd-cert-" + std::to_string(std::random_device{}()))),
          clock_(sys_days{2026y / December / 3} + hours{2}),
          ids_(1234) {
        fs::create_directories(dir_);
        db_ = std::make_unique<pd::store::Database>(dir_ / "w.sqlite");
        retirees_ = std::make_unique<pd::store::SqliteRetireeRepository>(*db_, clock_);
        certs_ = std::make_unique<pd::store::SqliteCertificationRepository>(*db_, clock_);
        registry_ = std::make_unique<pd::RegistryService>(*retirees_, script(), clock_, ids_);
        pd::store::migrate_auth(db_->sql());
        audit_ = std::make_unique<pd::store::SqliteAuditLog>(db_->sql());
        service_ = std::make_unique<pd::CertificationService>(
            *retirees_, *certs_, script(), clock_, ids_, scopes_,
            pd::CertificationSettings{
                {}, pd::PensionScheme::PublicInstitution, 3, "碑林区经办机构"});
        service_->set_audit(*audit_);
        pd::RetireeDraft d;
        d.id_number = "610103195001010018";
        d.name = "李建国";
        d.employer_unit = "陕西省教育厅";
        d.phone = "13912345678";
        auto r = registry_->register_retiree(d, pd::system_actor("ws-1"));
        EXPECT_TRUE(r.has_value()) << (r ? "" : r.error()[0].message());
        retiree_ = r->id;
    }
    ~CertificationServiceTest() override {
        service_.reset();
        audit_.reset();
        registry_.reset();
        certs_.reset();
        retirees_.reset();
        db_.reset();
        fs::remove_all(dir_);
    }

    pd::ConsentRecord consent() const {
        return pd::ConsentRecord{"2026-1", "本人同意采集人脸信息用于养老待遇资格认证", "retiree",
                                 "", clock_.now()};
    }

    void enrol() {
        auto e =
            service_->begin_enrollment(retiree_, consent(), "blob-t", "blob-p", "fr-1", clerk_);
        ASSERT_TRUE(e) << e.error().message();
        ASSERT_TRUE(service_->confirm_enrollment(e->id, clerk_));
    }

    pd::FaceAttempt failed(std::string why) const {
        pd::FaceAttempt a;
        a.passed = false;
        a.similarity = 0.21;
        a.liveness = 0.4;
        a.failure_reason = std::move(why);
        a.evidence_blobs = {"ev-" + std::to_string(clock_.now().time_since_epoch().count())};
        return a;
    }

    std::int64_t outbox() { return pd::store::count_outbox(db_->sql()); }

    fs::path dir_;
    pd::ManualClock clock_;
    pd::UuidGenerator ids_;
    pd::DefaultScopeResolver scopes_;
    std::unique_ptr<pd::store::Database> db_;
    std::unique_ptr<pd::store::SqliteRetireeRepository> retirees_;
    std::unique_ptr<pd::store::SqliteCertificationRepository> certs_;
    std::unique_ptr<pd::RegistryService> registry_;
    std::unique_ptr<pd::store::SqliteAuditLog> audit_;
    std::unique_ptr<pd::CertificationService> service_;
    pd::Uuid retiree_;
    pd::Actor clerk_ = actor(pd::Role::CounterClerk, "clerk-1", {}, "6101");
};

pd::FaceAttempt good() {
    pd::FaceAttempt a;
    a.passed = true;
    a.similarity = 0.83;
    a.liveness = 0.97;
    a.actions = {"nod", "blink"};
    a.model_version = "faceplugin-0.0.1";
    return a;
}

}  // namespace

TEST_F(CertificationServiceTest, NotEnrolledUntilTheClerkConfirms) {
    auto e = service_->eligibility(retiree_, std::nullopt, clerk_);
    ASSERT_TRUE(e);
    EXPECT_FALSE(e->can_certify());
    EXPECT_EQ(e->reasons.at(0).code, "not_enrolled");

    auto pending = service_->begin_enrollment(retiree_, consent(), "t", "p", "fr-1", clerk_);
    ASSERT_TRUE(pending);
    EXPECT_FALSE(service_->eligibility(retiree_, std::nullopt, clerk_)->can_certify());
    ASSERT_TRUE(service_->confirm_enrollment(pending->id, clerk_));
    EXPECT_TRUE(service_->eligibility(retiree_, std::nullopt, clerk_)->can_certify());
    // Deciding twice is refused.
    EXPECT_FALSE(service_->confirm_enrollment(pending->id, clerk_));
}

TEST_F(CertificationServiceTest, ConsentComesBeforeCaptureAndNothingIsWrittenWithout) {
    const auto before = outbox();
    auto no_consent = consent();
    no_consent.text.clear();
    auto e = service_->begin_enrollment(retiree_, no_consent, "t", "p", "fr-1", clerk_);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().code, "enrollment.consent");
    EXPECT_EQ(outbox(), before);
}

TEST_F(CertificationServiceTest, ReEnrolmentKeepsTheOldReferenceUntilConfirmed) {
    enrol();
    const auto first = certs_->active_enrollment(retiree_);
    ASSERT_TRUE(first);
    auto second = service_->begin_enrollment(retiree_, consent(), "t2", "p2", "fr-1", clerk_);
    ASSERT_TRUE(second);
    EXPECT_EQ(certs_->active_enrollment(retiree_)->id, first->id);
    ASSERT_TRUE(service_->confirm_enrollment(second->id, clerk_));
    EXPECT_EQ(certs_->active_enrollment(retiree_)->id, second->id);
    EXPECT_EQ(certs_->enrollment(first->id)->state, pd::EnrollmentState::Superseded);
}

TEST_F(CertificationServiceTest, APassIsRecordedWithValidityReceiptAndOutboxEvent) {
    enrol();
    const auto before = outbox();
    auto r = service_->record_attempt(retiree_, good(), std::nullopt, clerk_);
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(r->record.outcome, pd::CertificationOutcome::Passed);
    EXPECT_EQ(r->record.valid_until, 2027y / December / 2);
    EXPECT_TRUE(pd::receipt_number_valid(r->record.receipt_number));
    EXPECT_EQ(outbox(), before + 1);

    const auto stored = certs_->by_receipt(r->record.receipt_number);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->actions, (std::vector<std::string>{"nod", "blink"}));
    EXPECT_EQ(stored->place, "碑林区经办机构");
    EXPECT_DOUBLE_EQ(stored->similarity, 0.83);

    // Certified now: a second attempt in the cycle is refused with the reason.
    auto again = service_->record_attempt(retiree_, good(), std::nullopt, clerk_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, "certification.already_certified");
    EXPECT_EQ(outbox(), before + 1);
}

TEST_F(CertificationServiceTest, AFaceMatchingTheProxyOrStaffNeverPasses) {
    enrol();
    auto attempt = good();
    attempt.matched_other = "proxy";
    auto proxy = pd::validate_proxy({"李明", "610103198001010038", "13800001111", "子女"},
                                    *retirees_->by_id(retiree_), script(), clock_.today());
    ASSERT_TRUE(proxy) << proxy.error()[0].message();
    auto r = service_->record_attempt(retiree_, attempt, *proxy, clerk_);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->record.outcome, pd::CertificationOutcome::Failed);
    EXPECT_EQ(r->record.failure_reason, "face_matches_proxy");
    EXPECT_TRUE(r->record.receipt_number.empty());
    const auto history = certs_->history(retiree_);
    ASSERT_EQ(history.size(), 1u);
    ASSERT_TRUE(history[0].proxy);
    EXPECT_EQ(history[0].proxy->relationship, "子女");
}

TEST_F(CertificationServiceTest, AssistingRelativesAreKeptOnTheRetireesRecord) {
    enrol();
    const auto r = *retirees_->by_id(retiree_);
    EXPECT_TRUE(service_->known_proxies(retiree_, clerk_)->empty());
    auto son = pd::validate_proxy({"李明", "610103198001010038", "13800001111", "子女"}, r,
                                  script(), clock_.today());
    auto wife = pd::validate_proxy({"王芳", "610103195203030025", "13900002222", "配偶"}, r,
                                   script(), clock_.today());
    ASSERT_TRUE(son && wife);
    auto failed = good();
    failed.passed = false;
    failed.failure_reason = "timeout";
    ASSERT_TRUE(service_->record_attempt(retiree_, failed, *son, clerk_));
    clock_.advance(minutes{5});
    ASSERT_TRUE(service_->record_attempt(retiree_, failed, *wife, clerk_));
    clock_.advance(minutes{5});
    // The son again, with a new phone: one entry for him, refreshed, and now the most recent.
    auto son_new_phone = pd::validate_proxy({"李明", "610103198001010038", "13800003333", "子女"},
                                            r, script(), clock_.today());
    ASSERT_TRUE(son_new_phone);
    ASSERT_TRUE(service_->record_attempt(retiree_, good(), *son_new_phone, clerk_));
    auto known = service_->known_proxies(retiree_, clerk_);
    ASSERT_TRUE(known);
    ASSERT_EQ(known->size(), 2u);
    EXPECT_EQ((*known)[0].name.str(), "李明");
    EXPECT_EQ((*known)[0].phone.str(), "13800003333");
    EXPECT_EQ((*known)[1].name.str(), "王芳");
    EXPECT_EQ((*known)[1].relationship, "配偶");
    // Outside the clerk's scope the relatives are not shown either.
    const auto stranger = actor(pd::Role::CounterClerk, "clerk-9", {}, "4401");
    auto refused = service_->known_proxies(retiree_, stranger);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "permission.denied");
}

TEST_F(CertificationServiceTest, ThreeFailuresOfferReviewAndHomeVisit) {
    enrol();
    for (int i = 1; i <= 3; ++i) {
        clock_.advance(minutes{1});
        auto r = service_->record_attempt(retiree_, failed("poor_quality"), std::nullopt, clerk_);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->consecutive_failures, i);
        const bool escalated = r->next_steps.size() == 3;
        EXPECT_EQ(escalated, i >= 3) << "attempt " << i;
        if (i == 2) {
            auto early = service_->request_review(retiree_, clerk_);
            ASSERT_FALSE(early);
            EXPECT_EQ(early.error().code, "review.too_early");
        }
    }
    auto review = service_->request_review(retiree_, clerk_);
    ASSERT_TRUE(review) << review.error().message();
    EXPECT_EQ(review->outcome, pd::CertificationOutcome::PendingReview);
    EXPECT_EQ(review->evidence_blobs.size(), 3u);
}

TEST_F(CertificationServiceTest, ReviewNeedsASecondSupervisor) {
    enrol();
    for (int i = 0; i < 3; ++i) {
        clock_.advance(minutes{1});
        ASSERT_TRUE(service_->record_attempt(retiree_, failed("timeout"), std::nullopt, clerk_));
    }
    const auto sup_a = actor(pd::Role::Supervisor, "sup-a");
    const auto sup_b = actor(pd::Role::Supervisor, "sup-b");
    clock_.advance(minutes{1});
    auto review = service_->request_review(retiree_, sup_a);
    ASSERT_TRUE(review);

    auto by_clerk = service_->decide_review(review->id, true, "looked fine", clerk_);
    ASSERT_FALSE(by_clerk);
    auto by_same = service_->decide_review(review->id, true, "looked fine", sup_a);
    ASSERT_FALSE(by_same);
    EXPECT_EQ(by_same.error().code, "review.four_eyes");
    auto no_reason = service_->decide_review(review->id, true, "", sup_b);
    ASSERT_FALSE(no_reason);

    const auto never_certified = [&] {
        const auto lists = service_->due_lists("", sup_b);
        EXPECT_TRUE(lists);
        return std::any_of(lists->never_certified.begin(), lists->never_certified.end(),
                           [&](const pd::ValidityRow& r) { return r.retiree_id == retiree_; });
    };
    EXPECT_TRUE(never_certified());  // failures and a pending review give no validity

    auto ok = service_->decide_review(review->id, true, "bedridden; face matches photo", sup_b);
    ASSERT_TRUE(ok) << ok.error().message();
    EXPECT_FALSE(never_certified());  // the approval's validity reaches the due lists
    EXPECT_EQ(ok->outcome, pd::CertificationOutcome::Passed);
    EXPECT_EQ(ok->method, pd::CertificationMethod::ManualReview);
    EXPECT_TRUE(pd::receipt_number_valid(ok->receipt_number));
    EXPECT_EQ(certs_->certification(review->id)->reviewed_by, "sup-b");
    EXPECT_FALSE(service_->decide_review(review->id, false, "again", sup_b));
}

TEST_F(CertificationServiceTest, HomeVisitDraftOnlyOnceWhileOpen) {
    auto c = service_->request_home_visit(retiree_, "bedridden", clerk_);
    ASSERT_TRUE(c) << c.error().message();
    EXPECT_EQ(c->state, pd::HomeVisitState::Draft);
    auto again = service_->request_home_visit(retiree_, "bedridden", clerk_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, "home_visit.open");
    EXPECT_EQ(certs_->home_visits(retiree_).size(), 1u);
}

TEST_F(CertificationServiceTest, RolesOutsideTheirScopeAreRefused) {
    enrol();
    const auto before = outbox();
    const auto other_region = actor(pd::Role::CounterClerk, "c2", {}, "6105");
    const auto other_unit = actor(pd::Role::UnitClerk, "u2", "西安市财政局");
    const auto own_unit = actor(pd::Role::UnitClerk, "u1", "陕西省教育厅");
    const auto auditor = actor(pd::Role::Auditor, "a1");
    const auto admin = actor(pd::Role::Administrator, "adm");
    for (const auto& who : {other_region, other_unit, auditor, admin, pd::Actor{}}) {
        EXPECT_FALSE(service_->record_attempt(retiree_, good(), std::nullopt, who))
            << pd::to_string(who.role);
        EXPECT_FALSE(service_->eligibility(retiree_, std::nullopt, who));
    }
    EXPECT_EQ(outbox(), before);
    EXPECT_TRUE(service_->record_attempt(retiree_, good(), std::nullopt, own_unit));
}

TEST(ProxyValidation, RefusesSelfMinorsTraditionalNamesAndNamesTheFields) {
    const auto today = 2026y / December / 3;
    pd::RetireeDraft d;
    d.id_number = "610103195001010018";
    d.name = "李建国";
    d.employer_unit = "陕西省教育厅";
    const pd::Retiree r = pd::validate_draft(d, script(), today).value();
    auto self = pd::validate_proxy({"李建国", "610103195001010018", "13800001111", "本人"}, r,
                                   script(), today);
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error()[0].code, "proxy.self");
    EXPECT_EQ(self.error()[0].field, "proxy_id_number");

    auto minor = pd::validate_proxy({"李小明", "610103201501010012", "13800001111", "孙子"}, r,
                                    script(), today);
    ASSERT_FALSE(minor);
    EXPECT_EQ(minor.error()[0].code, "proxy.minor");

    auto traditional =
        pd::validate_proxy({"李國強", "610103198001010038", "1380000111", ""}, r, script(), today);
    ASSERT_FALSE(traditional);
    std::vector<std::string> fields;
    for (const auto& e : traditional.error()) fields.push_back(e.field);
    EXPECT_EQ(fields,
              (std::vector<std::string>{"proxy_name", "proxy_phone", "proxy_relationship"}));
}

TEST_F(CertificationServiceTest, DueListsSortRetireesForTheHrOfficeAndRespectScope) {
    // Three more retirees in the same unit and one in another.
    const auto add = [&](const char* id, const char* name, const char* unit) {
        pd::RetireeDraft d;
        d.id_number = id;
        d.name = name;
        d.employer_unit = unit;
        auto r = registry_->register_retiree(d, pd::system_actor("ws-1"));
        EXPECT_TRUE(r) << (r ? "" : r.error()[0].message());
        return r ? r->id : pd::Uuid{};
    };
    const auto expiring = add("610103195203040012", "王秀英", "陕西省教育厅");
    const auto fresh = add("610103195305060014", "赵伟", "陕西省教育厅");
    const auto elsewhere = add("610502195401010012", "孙丽", "渭南市财政局");
    (void)elsewhere;
    const auto record_pass = [&](const pd::Uuid& who, pd::Date day) {
        pd::Certification c;
        c.id = ids_.next(clock_.now());
        c.retiree_id = who;
        c.outcome = pd::CertificationOutcome::Passed;
        c.at = sys_days{day} + hours{9};
        c.valid_until = pd::valid_until_for(day, {});
        certs_->add(c, pd::ChangeNote{pd::system_actor("ws-1"), "certify", ""});
    };
    record_pass(retiree_, 2025y / November / 1);   // valid to 2026-10-31: overdue
    record_pass(expiring, 2025y / December / 20);  // valid to 2026-12-19: due this month
    record_pass(fresh, 2026y / June / 1);          // valid to 2027-05-31: not due

    const auto hr = actor(pd::Role::UnitClerk, "hr", "陕西省教育厅");
    auto lists = service_->due_lists("", hr);
    ASSERT_TRUE(lists) << lists.error().message();
    ASSERT_EQ(lists->overdue.size(), 1u);
    EXPECT_EQ(lists->overdue[0].retiree_id, retiree_);
    ASSERT_EQ(lists->due_this_month.size(), 1u);
    EXPECT_EQ(lists->due_this_month[0].name, "王秀英");
    EXPECT_TRUE(lists->never_certified.empty()) << "the other unit's retiree leaked in";

    // Another unit's list is not this clerk's to see.
    EXPECT_FALSE(service_->due_lists("渭南市财政局", hr));
    // A supervisor sees every unit: the Weinan retiree is never certified.
    auto all = service_->due_lists("", actor(pd::Role::Supervisor, "sup"));
    ASSERT_TRUE(all);
    ASSERT_EQ(all->never_certified.size(), 1u);
    EXPECT_EQ(all->never_certified[0].name, "孙丽");
    // A counter clerk of Xi'an (6101) does not see Weinan (6105).
    auto xian = service_->due_lists("", clerk_);
    ASSERT_TRUE(xian);
    EXPECT_TRUE(xian->never_certified.empty());
    EXPECT_EQ(xian->overdue.size(), 1u);
}

TEST_F(CertificationServiceTest, CertificationsRefusalsAndViewsAreInTheAuditChain) {
    enrol();
    const auto other_region = actor(pd::Role::CounterClerk, "c2", {}, "6105");
    EXPECT_FALSE(service_->record_attempt(retiree_, good(), std::nullopt, other_region));
    auto pass = service_->record_attempt(retiree_, good(), std::nullopt, clerk_);
    ASSERT_TRUE(pass);
    ASSERT_TRUE(service_->history(retiree_, clerk_));

    pd::AuditQuery q;
    q.subject_id = retiree_.str();
    const auto entries = audit_->find(q);
    const auto count = [&](pd::AuditAction a, const std::string& outcome) {
        return std::count_if(entries.begin(), entries.end(), [&](const pd::AuditEntry& e) {
            return e.action == a && e.outcome == outcome;
        });
    };
    EXPECT_EQ(count(pd::AuditAction::Certification, "passed"), 1);
    EXPECT_EQ(count(pd::AuditAction::PermissionDenied, "denied"), 1);
    EXPECT_EQ(count(pd::AuditAction::RetireeViewed, "ok"), 1);
    EXPECT_GE(count(pd::AuditAction::Certification, "ok"), 2);  // enrolment captured, confirmed
    for (const auto& e : entries) {
        if (e.action == pd::AuditAction::Certification && e.outcome == "passed") {
            EXPECT_NE(e.detail.find(pass->record.receipt_number), std::string::npos) << e.detail;
            EXPECT_EQ(e.staff_id, "clerk-1");
        }
    }
    EXPECT_FALSE(audit_->verify()) << "the chain must hold";
}
