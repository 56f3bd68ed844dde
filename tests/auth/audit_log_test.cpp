// The stored chain: appends, filters, and tampering with plain SQL.

#include "store/audit_log.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <gtest/gtest.h>

#include <sstream>

#include "domain/clock.h"
#include "store_fixture.h"

namespace {

using namespace std::chrono_literals;
using pd::AuditAction;

class AuditLogTest : public pd::test::WorkspaceTest {
  protected:
    AuditLogTest() {
        for (int i = 1; i <= 6; ++i) {
            pd::Actor a{"staff-" + std::to_string(i % 2),
                        i % 2 ? "王芳 (C001)" : "李主管 (S001)",
                        "ws-1",
                        pd::Role::CounterClerk,
                        {},
                        "6101"};
            log.append(pd::make_audit(a, start + std::chrono::hours{i}, actions[i - 1], "retiree",
                                      "retiree-" + std::to_string(i), "ok",
                                      "entry " + std::to_string(i),
                                      {{"address", "(changed)", "(changed)"}}));
        }
    }
    // What someone with the file and a SQLite shell can do: drop the guards first.
    void tamper(const std::string& sql_text) {
        sql().exec("DROP TRIGGER IF EXISTS audit_log_no_update");
        sql().exec("DROP TRIGGER IF EXISTS audit_log_no_delete");
        sql().exec(sql_text);
    }

    const std::chrono::system_clock::time_point start =
        std::chrono::sys_days{std::chrono::year{2026} / 12 / 3} + 123ms + 456us;
    const std::array<AuditAction, 6> actions{
        AuditAction::SignIn,        AuditAction::RetireeViewed, AuditAction::RetireeChanged,
        AuditAction::RetireeViewed, AuditAction::Export,        AuditAction::SignOut};
    pd::store::SqliteAuditLog log{sql()};
};

TEST_F(AuditLogTest, IntactChainVerifiesAndRoundTrips) {
    EXPECT_FALSE(log.verify().has_value());
    const auto all = log.all();
    ASSERT_EQ(all.size(), 6u);
    EXPECT_EQ(all[0].seq, 1);
    EXPECT_EQ(all[0].prev_hash, "");
    EXPECT_EQ(all[1].prev_hash.size(), 64u);  // SHA-256 hex
    EXPECT_EQ(all[2].changes,
              (std::vector<pd::FieldChange>{{"address", "(changed)", "(changed)"}}));
    // Times are kept to the millisecond, UTC.
    EXPECT_EQ(pd::to_utc_iso(all[0].at), "2026-12-03T01:00:00.123Z");
}

TEST_F(AuditLogTest, TheProgramCannotChangeOrDeleteEntries) {
    EXPECT_THROW(sql().exec("UPDATE audit_log SET detail = 'x' WHERE seq = 2"), SQLite::Exception);
    EXPECT_THROW(sql().exec("DELETE FROM audit_log WHERE seq = 2"), SQLite::Exception);
    EXPECT_FALSE(log.verify().has_value());
}

TEST_F(AuditLogTest, EditedRowIsNamed) {
    tamper("UPDATE audit_log SET staff_name = '张三' WHERE seq = 3");
    const auto broken = log.verify();
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 3);
}

TEST_F(AuditLogTest, EditedTimeIsNamed) {
    tamper("UPDATE audit_log SET at = '2026-12-03T02:30:00.000Z' WHERE seq = 2");
    const auto broken = log.verify();
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 2);
}

TEST_F(AuditLogTest, EditedLastRowIsNamed) {
    tamper("UPDATE audit_log SET outcome = 'denied' WHERE seq = 6");
    const auto broken = log.verify();
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 6);
}

TEST_F(AuditLogTest, DeletedRowIsCaught) {
    tamper("DELETE FROM audit_log WHERE seq = 4");
    const auto broken = log.verify();
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 5);  // the entry after the gap
    EXPECT_NE(broken->reason.find("expected entry 4"), std::string::npos);
}

TEST_F(AuditLogTest, DeletedRowWithRenumberingIsCaught) {
    tamper("DELETE FROM audit_log WHERE seq = 4");
    tamper("UPDATE audit_log SET seq = seq - 1 WHERE seq > 4");
    tamper("UPDATE audit_head SET count = 5");
    const auto broken = log.verify();
    ASSERT_TRUE(broken.has_value());
    EXPECT_LE(broken->seq, 4);
}

TEST_F(AuditLogTest, DeletedTailIsCaught) {
    tamper("DELETE FROM audit_log WHERE seq >= 5");
    const auto broken = log.verify();
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 5);
}

TEST_F(AuditLogTest, ReorderedRowsAreCaught) {
    // Swap entries 2 and 3 by their keys.
    tamper("UPDATE audit_log SET seq = -2 WHERE seq = 2");
    tamper("UPDATE audit_log SET seq = 2 WHERE seq = 3");
    tamper("UPDATE audit_log SET seq = 3 WHERE seq = -2");
    const auto broken = log.verify();
    ASSERT_TRUE(broken.has_value());
    EXPECT_LE(broken->seq, 3);
}

TEST_F(AuditLogTest, SwappedContentsAreCaught) {
    // Same keys, contents exchanged (what a reorder looks like when the rows keep their seq).
    tamper(
        "UPDATE audit_log SET action = CASE seq WHEN 2 THEN 'retiree_changed' ELSE "
        "'retiree_viewed' END WHERE seq IN (2, 3)");
    const auto broken = log.verify();
    ASSERT_TRUE(broken.has_value());
    EXPECT_EQ(broken->seq, 2);
}

TEST_F(AuditLogTest, AppendJoinsTheCallersTransaction) {
    pd::Actor a{"s", "n", "ws", pd::Role::Supervisor, {}, {}};
    {
        SQLite::Transaction tx(sql());
        log.append(pd::make_audit(a, start, AuditAction::RetireeChanged, "retiree", "r9"));
        // tx not committed: the change it describes failed, so the entry goes too.
    }
    EXPECT_EQ(log.count(), 6);
    EXPECT_FALSE(log.verify().has_value());
    {
        SQLite::Transaction tx(sql());
        log.append(pd::make_audit(a, start, AuditAction::RetireeChanged, "retiree", "r9"));
        tx.commit();
    }
    EXPECT_EQ(log.count(), 7);
    EXPECT_FALSE(log.verify().has_value());
}

TEST_F(AuditLogTest, FiltersByPersonRetireeActionAndDate) {
    pd::store::AuditFilter by_person;
    by_person.staff = "李主管";
    EXPECT_EQ(log.find(by_person).size(), 3u);
    pd::store::AuditFilter by_id;
    by_id.staff = "staff-1";
    EXPECT_EQ(log.find(by_id).size(), 3u);
    pd::store::AuditFilter by_retiree;
    by_retiree.subject_id = "retiree-3";
    ASSERT_EQ(log.find(by_retiree).size(), 1u);
    EXPECT_EQ(log.find(by_retiree)[0].action, AuditAction::RetireeChanged);
    pd::store::AuditFilter by_action;
    by_action.action = AuditAction::RetireeViewed;
    EXPECT_EQ(log.find(by_action).size(), 2u);
    pd::store::AuditFilter by_time;
    by_time.from = start + 2h;
    by_time.to = start + 4h;  // entries 2 and 3 (at start + 2h and + 3h)
    const auto found = log.find(by_time);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].seq, 3);  // newest first
}

TEST_F(AuditLogTest, CsvExportQuotesAndDefusesFormulas) {
    pd::Actor a{"s", "=HYPERLINK(\"x\")", "ws", pd::Role::Supervisor, {}, {}};
    log.append(pd::make_audit(a, start + 10h, AuditAction::Export, "export", "a,b", "ok",
                              "line \"quoted\""));
    std::ostringstream out;
    const auto n = log.export_csv(out, start, start + 24h);
    EXPECT_EQ(n, 7u);
    const std::string csv = out.str();
    EXPECT_TRUE(csv.starts_with("seq,at_utc,staff_id"));
    EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos);
    EXPECT_NE(csv.find("\"a,b\""), std::string::npos);
    EXPECT_NE(csv.find("\"line \"\"quoted\"\"\""), std::string::npos);
}

}  // namespace
