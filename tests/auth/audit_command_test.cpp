// `pensiondesk-admin audit ...` and `staff ...` as the admin CLI runs them.

#include "store/audit_command.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/auth_service.h"
#include "store/audit_log.h"
#include "store/scrypt_password_hasher.h"
#include "store/staff_repository.h"
#include "store_fixture.h"

namespace {

class AuditCommandTest : public pd::test::WorkspaceTest {
  protected:
    int run(std::vector<std::string> args, std::string input = {}) {
        out.str({});
        err.str({});
        std::istringstream in(input);
        if (args.at(0) == "staff") return pd::store::run_staff_command(args, in, out, err);
        return pd::store::run_audit_command(args, out, err);
    }
    std::string db() const { return path_.string(); }
    std::ostringstream out;
    std::ostringstream err;
};

TEST_F(AuditCommandTest, CreateAdminThenVerifyAndExport) {
    EXPECT_EQ(run({"staff", "create-admin", "--db", db(), "--number", "ADMIN1", "--name", "管理员"},
                  "correct horse battery\ncorrect horse battery\n"),
              0)
        << err.str();
    // Only once.
    EXPECT_EQ(run({"staff", "create-admin", "--db", db(), "--number", "ADMIN2", "--name", "x"},
                  "correct horse battery\ncorrect horse battery\n"),
              1);
    EXPECT_EQ(run({"staff", "list", "--db", db()}), 0);
    EXPECT_NE(out.str().find("ADMIN1"), std::string::npos);

    EXPECT_EQ(run({"audit", "verify", "--db", db()}), 0) << out.str() << err.str();
    EXPECT_NE(out.str().find("intact"), std::string::npos);

    const auto file = (dir_ / "audit.csv").string();
    EXPECT_EQ(
        run({"audit", "export", "--db", db(), "--from", "2000-01-01", "--to", "2100-01-01", file}),
        0)
        << err.str();
    std::ifstream csv(file);
    std::stringstream text;
    text << csv.rdbuf();
    EXPECT_NE(text.str().find("first_administrator"), std::string::npos);
    // The export was audited, and the chain still holds.
    EXPECT_EQ(run({"audit", "verify", "--db", db()}), 0);
    EXPECT_NE(out.str().find("3 entries"), std::string::npos) << out.str();
}

TEST_F(AuditCommandTest, VerifyNamesTheFirstBrokenEntryAndFails) {
    pd::store::SqliteAuditLog log(sql());
    pd::Actor a{"s", "n", "ws", pd::Role::Supervisor, {}, {}};
    for (int i = 0; i < 4; ++i) {
        log.append(pd::make_audit(a, std::chrono::system_clock::now(),
                                  pd::AuditAction::RetireeViewed, "retiree", "r"));
    }
    sql().exec("DROP TRIGGER audit_log_no_update");
    sql().exec("UPDATE audit_log SET subject_id = 'other' WHERE seq = 2");
    EXPECT_EQ(run({"audit", "verify", "--db", db()}), 1);
    EXPECT_NE(out.str().find("BROKEN at entry 2"), std::string::npos) << out.str();
}

TEST_F(AuditCommandTest, UsageErrors) {
    EXPECT_EQ(run({"audit"}), 2);
    EXPECT_EQ(run({"audit", "verify"}), 2);
    EXPECT_EQ(run({"audit", "export", "--db", db(), "--from", "2026-13-01", "--to", "2026-12-01"}),
              2);
    EXPECT_EQ(run({"audit", "export", "--db", db(), "--from", "2026-12-02", "--to", "2026-12-01"}),
              2);
    EXPECT_EQ(run({"audit", "frobnicate"}), 2);
    EXPECT_EQ(run({"staff", "create-admin", "--db", db(), "--number", "A", "--name", "x"},
                  "one password\nanother one\n"),
              1);
}

TEST_F(AuditCommandTest, BreakGlassUnlockIsAudited) {
    pd::store::SqliteStaffRepository staff(sql());
    pd::store::SqliteAuditLog log(sql());
    const pd::store::ScryptPasswordHasher hasher{{1024, 8, 1}};
    const pd::SystemClock clock;
    pd::UuidGenerator ids;
    pd::AuthService auth(staff, hasher, log, clock, ids);
    ASSERT_TRUE(auth.create_first_administrator(
        {"ADMIN1", "管理员", pd::Role::Administrator, {}, {}}, "correct horse battery", "ws"));
    for (int i = 0; i < 3; ++i) (void)auth.sign_in("ADMIN1", "wrong", "ws");
    EXPECT_EQ(run({"staff", "unlock", "--db", db(), "--number", "ADMIN1"}), 0) << err.str();
    EXPECT_TRUE(auth.sign_in("ADMIN1", "correct horse battery", "ws").has_value());
    pd::store::AuditFilter f;
    f.action = pd::AuditAction::AccountUnlocked;
    EXPECT_EQ(log.find(f).size(), 1u);
    EXPECT_FALSE(log.verify().has_value());
}

}  // namespace

namespace {

class ForwardedGlobalsTest : public pd::test::WorkspaceTest {};

// pensiondesk-admin forwards `--db PATH` (and `--json`) ahead of the subcommand word.
TEST_F(ForwardedGlobalsTest, OptionsBeforeTheCommandWord) {
    std::ostringstream out;
    std::ostringstream err;
    std::istringstream in("correct horse battery\ncorrect horse battery\n");
    EXPECT_EQ(pd::store::run_staff_command({"--json", "--db", path_.string(), "create-admin",
                                            "--number", "ADMIN1", "--name", "x"},
                                           in, out, err),
              0)
        << err.str();
    EXPECT_EQ(pd::store::run_audit_command({"--db", path_.string(), "verify"}, out, err), 0)
        << err.str();
    EXPECT_EQ(pd::store::run_audit_command({"--db=" + path_.string(), "audit", "verify"}, out, err),
              0)
        << err.str();
}

}  // namespace
