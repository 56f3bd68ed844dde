#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "admin/admin_commands.h"
#include "store/roster_export.h"

namespace pd::admin {
namespace {

namespace fs = std::filesystem;

class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / ("pd-admin-test-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path operator/(const std::string& n) const { return path_ / n; }

  private:
    fs::path path_;
};

struct Result {
    int status = -1;
    std::string out;
};

// Runs the real binary through the shell; stderr is folded into the output.
Result run_binary(const std::string& args) {
    const std::string cmd = std::string("'") + PD_ADMIN_EXE + "' " + args + " 2>&1";
    Result r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int raw = pclose(p);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

void write(const fs::path& p, const std::string& s) {
    std::ofstream(p, std::ios::binary) << s;
}

std::string q(const fs::path& p) {
    return "'" + p.string() + "'";
}

const std::string kRoster =
    "id_number,name,employer_unit,phone\n"
    "11010519491231002X,王秀英,西安市第八十三中学,13800138000\n"
    "440524188001010014,张建国,陕西省教育厅,13900139000\n";

TEST(AdminCli, ValidateIdPrintsVerdictsAndFailsOnAnyInvalid) {
    auto r = run_binary("validate-id 11010519491231002X 130503670401001");
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("VALID   130503670401001 -> 130503196704010016"), std::string::npos)
        << r.out;
    r = run_binary("validate-id 11010519491231002X 340524198001010013");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("INVALID 340524198001010013: the check character should be X"),
              std::string::npos)
        << r.out;
    r = run_binary("--json validate-id 1234");
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.out.rfind("{\"command\":\"validate-id\",\"ok\":false", 0), 0u) << r.out;
}

TEST(AdminCli, ImportExportCheckEndToEnd) {
    TempDir dir;
    const auto db = dir / "w.sqlite";
    write(dir / "roster.csv", kRoster);
    auto r = run_binary("--db " + q(db) + " import " + q(dir / "roster.csv"));
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("imported 2 of 2 rows"), std::string::npos) << r.out;

    r = run_binary("--db " + q(db) + " export " + q(dir / "out.csv"));
    EXPECT_EQ(r.status, 0) << r.out;
    std::ifstream in(dir / "out.csv");
    std::stringstream exported;
    exported << in.rdbuf();
    EXPECT_NE(exported.str().find("王秀英"), std::string::npos);
    // Personal data left the workstation: the audit log says so, and its chain holds.
    r = run_binary("--db " + q(db) + " audit export --from 2000-01-01 --to 2100-01-01");
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("2 records to"), std::string::npos) << r.out;
    EXPECT_EQ(run_binary("--db " + q(db) + " audit verify").status, 0);

    // The export imports into another workspace as it is.
    r = run_binary("--db " + q(dir / "copy.sqlite") + " --json import " + q(dir / "out.csv"));
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("\"imported\":2"), std::string::npos) << r.out;

    r = run_binary("--db " + q(db) + " db check");
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("integrity:      ok"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("retirees:       2"), std::string::npos) << r.out;
    r = run_binary("db check --json --db " + q(db));
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("\"schema_version\":3"), std::string::npos) << r.out;
}

TEST(AdminCli, BadRowsImportNothingOrGoToTheRejectFile) {
    TempDir dir;
    const auto db = dir / "w.sqlite";
    write(dir / "r.csv", kRoster + "610113195503150035,王國華,西北大学,\n");
    auto r = run_binary("--db " + q(db) + " import " + q(dir / "r.csv"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("line 4: id_number: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("line 4: name: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("nothing was imported"), std::string::npos) << r.out;

    r = run_binary("--db " + q(db) + " import " + q(dir / "r.csv") + " --skip-invalid --reject " +
                   q(dir / "bad.csv"));
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("imported 2 of 3 rows"), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(dir / "bad.csv"));
}

TEST(AdminCli, MalformedFileAndForeignWorkspaceHaveTheirExitCodes) {
    TempDir dir;
    write(dir / "empty.csv", "");
    auto r = run_binary("--db " + q(dir / "w.sqlite") + " import " + q(dir / "empty.csv"));
    EXPECT_EQ(r.status, exit_code::kFile) << r.out;
    EXPECT_NE(r.out.find("the file is empty"), std::string::npos) << r.out;

    write(dir / "notes.txt", "hello, this is not a database at all............................");
    r = run_binary("--db " + q(dir / "notes.txt") + " db check");
    EXPECT_EQ(r.status, exit_code::kWorkspace) << r.out;
    EXPECT_NE(r.out.find("not an SQLite database"), std::string::npos) << r.out;

    r = run_binary("--db " + q(dir / "missing.sqlite") + " db check");
    EXPECT_EQ(r.status, exit_code::kWorkspace) << r.out;
    EXPECT_FALSE(fs::exists(dir / "missing.sqlite"));

    r = run_binary("frobnicate");
    EXPECT_EQ(r.status, exit_code::kUsage);
}

TEST(AdminInProcess, ExtraSubcommandsGetTheirArguments) {
    std::vector<std::string> seen;
    std::vector<Subcommand> extra{
        {"read-card", "test", [&](const auto& a, auto&, auto& out, auto&) {
             seen = a;
             out << "card";
             return 3;
         }}};
    std::istringstream in;
    std::ostringstream out, err;
    EXPECT_EQ(run_admin({"--json", "read-card", "--port", "/dev/ttyUSB0"}, in, out, err, extra), 3);
    EXPECT_EQ(out.str(), "card");
    EXPECT_EQ(seen, (std::vector<std::string>{"--json", "--port", "/dev/ttyUSB0"}));
}

TEST(AdminInProcess, DefaultWorkspaceIsTheUserDataDir) {
    TempDir dir;
    setenv("XDG_DATA_HOME", (dir / "xdg").c_str(), 1);
    write(dir / "r.csv", kRoster);
    std::istringstream in;
    std::ostringstream out, err;
    EXPECT_EQ(run_admin({"import", (dir / "r.csv").string()}, in, out, err), 0) << err.str();
    EXPECT_TRUE(fs::exists(dir / "xdg/pensiondesk/demo.sqlite"));
    unsetenv("XDG_DATA_HOME");
}

}  // namespace
}  // namespace pd::admin
