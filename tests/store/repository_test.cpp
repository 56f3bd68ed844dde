#include <boost/json.hpp>

#include "domain/registry_service.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlite_retiree_repository.h"
#include "store_test_support.h"

namespace pd::store {
namespace {

using testing::TempDir;

RetireeDraft draft(std::string id, std::string name, std::string phone = "") {
    RetireeDraft d;
    d.id_number = std::move(id);
    d.name = std::move(name);
    d.employer_unit = "西安市第八十三中学";
    d.phone = std::move(phone);
    return d;
}

Actor clerk() {
    Actor a = system_actor("ws-01", "test clerk");
    a.staff_id = "0190d6f2-0000-7000-8000-00000000abcd";
    a.role = Role::Supervisor;
    return a;
}

struct Registry {
    TempDir dir;
    ManualClock clock = testing::test_clock();
    Database db{dir / "w.sqlite"};
    SqliteRetireeRepository repo{db, clock};
    UuidGenerator ids{42};
    RegistryService service{repo, testing::checker(), clock, ids};
};

TEST(Repository, RegisterWritesRecordAndOutboxEventTogether) {
    Registry reg;
    auto r =
        reg.service.register_retiree(draft("11010519491231002X", "王秀英", "13800138000"), clerk());
    ASSERT_TRUE(r.has_value()) << r.error().front().message();
    const auto back = reg.repo.by_id_number(r->id_number);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->name.str(), "王秀英");
    EXPECT_EQ(back->employer_unit, "西安市第八十三中学");
    EXPECT_EQ(back->gender, Gender::Female);
    EXPECT_EQ(back->phone->str(), "13800138000");
    EXPECT_EQ(reg.repo.total(), 1);

    const auto events = read_outbox(reg.db.sql());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].entity, "retiree");
    EXPECT_EQ(events[0].operation, "create");
    EXPECT_EQ(events[0].state, "pending");
    EXPECT_EQ(events[0].entity_id, r->id.str());
    EXPECT_EQ(events[0].actor, clerk().staff_id);
    EXPECT_EQ(events[0].created_at, "2026-12-03T12:00:00.000Z");
    const auto payload = boost::json::parse(events[0].payload).as_object();
    EXPECT_EQ(payload.at("id_number").as_string(), "11010519491231002X");
    EXPECT_EQ(payload.at("revision").as_int64(), 1);
}

TEST(Repository, DuplicateIdNumberIsRefusedWithTheHolderAndWritesNothing) {
    Registry reg;
    ASSERT_TRUE(reg.service.register_retiree(draft("11010519491231002X", "王秀英"), clerk()));
    const auto again = reg.service.register_retiree(draft("11010519491231002X", "李四"), clerk());
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().front().code, "id_number.duplicate");
    EXPECT_NE(again.error().front().message().find("王秀英"), std::string::npos);
    EXPECT_EQ(count_outbox(reg.db.sql()), 1);
    EXPECT_EQ(reg.repo.total(), 1);
}

TEST(Repository, RepositoryAddThrowsDuplicateKeyAndRollsBackTheOutbox) {
    Registry reg;
    auto first = validate_draft(draft("11010519491231002X", "王秀英"), testing::checker(),
                                reg.clock.today());
    ASSERT_TRUE(first.has_value());
    Retiree a = *first;
    a.id = reg.ids.next(reg.clock.now());
    reg.repo.add(a, ChangeNote{clerk(), "create", ""});
    Retiree b = *first;
    b.id = reg.ids.next(reg.clock.now());
    EXPECT_THROW(reg.repo.add(b, ChangeNote{clerk(), "create", ""}), DuplicateKey);
    EXPECT_EQ(count_outbox(reg.db.sql()), 1);
    EXPECT_EQ(reg.repo.total(), 1);
    // The connection is still usable after the failed transaction.
    EXPECT_TRUE(reg.repo.by_id(a.id));
}

TEST(Repository, PhoneHeldByAnotherIsRefusedUnlessSharedByFamily) {
    Registry reg;
    ASSERT_TRUE(reg.service.register_retiree(draft("11010519491231002X", "王秀英", "13800138000"),
                                             clerk()));
    auto other = draft("440524188001010014", "张建国", "138-0013-8000");
    const auto refused = reg.service.register_retiree(other, clerk());
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().front().code, "phone.registered");
    EXPECT_EQ(count_outbox(reg.db.sql()), 1);

    other.phone_shared_by_family = true;
    const auto shared = reg.service.register_retiree(other, clerk());
    ASSERT_TRUE(shared.has_value()) << shared.error().front().message();
    EXPECT_TRUE(reg.repo.by_id(shared->id)->phone_shared_by_family);
    EXPECT_EQ(reg.repo.by_phone(MobilePhone::from_storage("13800138000")).size(), 2u);
    const auto events = read_outbox(reg.db.sql());
    ASSERT_EQ(events.size(), 2u);
}

TEST(Repository, EditBumpsRevisionAndStaleEditIsRefused) {
    Registry reg;
    auto r = reg.service.register_retiree(draft("11010519491231002X", "王秀英"), clerk());
    ASSERT_TRUE(r.has_value());
    auto d = to_draft(*r);
    d.name = "王秀兰";
    auto edited = reg.service.edit(r->id, d, 1, clerk());
    ASSERT_TRUE(edited.has_value()) << edited.error().front().message();
    EXPECT_EQ(reg.repo.by_id(r->id)->revision, 2);
    // The name index follows the edit.
    EXPECT_EQ(reg.repo.search({"秀兰", SearchField::Name}).size(), 1u);
    EXPECT_TRUE(reg.repo.search({"秀英", SearchField::Name}).empty());

    d.name = "王秀芳";
    const auto stale = reg.service.edit(r->id, d, 1, clerk());
    ASSERT_FALSE(stale.has_value());
    EXPECT_EQ(stale.error().front().code, "retiree.stale");

    Retiree direct = *reg.repo.by_id(r->id);  // revision 2
    direct.revision = 2;                      // claims to replace revision 1
    EXPECT_THROW(reg.repo.update(direct, ChangeNote{clerk(), "update", ""}), StaleRevision);
    EXPECT_EQ(count_outbox(reg.db.sql()), 2);
}

TEST(Repository, DeactivateKeepsTheRecordAndFreesThePhone) {
    Registry reg;
    auto r =
        reg.service.register_retiree(draft("11010519491231002X", "王秀英", "13800138000"), clerk());
    ASSERT_TRUE(r.has_value());
    ASSERT_TRUE(reg.service.deactivate(r->id, "deceased 2026-11-30", clerk()));
    EXPECT_EQ(reg.repo.by_id(r->id)->status, RetireeStatus::Deactivated);
    EXPECT_EQ(reg.repo.total(), 1);
    const auto events = read_outbox(reg.db.sql());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].operation, "deactivate");
    EXPECT_TRUE(reg.service.register_retiree(draft("440524188001010014", "张建国", "13800138000"),
                                             clerk()));
}

TEST(Repository, RowsComeBackInTheOrderAsked) {
    Registry reg;
    ASSERT_TRUE(reg.service.register_retiree(draft("11010519491231002X", "王秀英"), clerk()));
    ASSERT_TRUE(reg.service.register_retiree(draft("440524188001010014", "张建国"), clerk()));
    const std::int64_t keys[] = {2, 1, 99};
    const auto rows = reg.repo.rows(keys);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].name, "张建国");
    EXPECT_EQ(rows[0].gender, Gender::Male);
    EXPECT_EQ(rows[1].name, "王秀英");
    EXPECT_EQ(rows[1].birth_date, "1949-12-31");
    EXPECT_EQ(reg.repo.by_key(2)->id_number.str(), "440524188001010014");
}

}  // namespace
}  // namespace pd::store
