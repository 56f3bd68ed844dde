// The registry's performance claims (docs/performance.md, "Registry store"). The first run
// writes the 1,000,000-row roster into the build tree; every run imports it (ours and the
// sqlite3 shell's .import of the same file into a bare table, back to back), then measures the
// lookups on the imported workspace. Rows: PD_BENCH_ROWS (default 1000000).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "domain/certification_service.h"
#include "domain/clock.h"
#include "store/database.h"
#include "store/roster_export.h"
#include "store/roster_import.h"
#include "store/sqlite_certification_repository.h"
#include "store/sqlite_retiree_repository.h"
#include "store/workspace.h"
#include "text/opencc_script_checker.h"

namespace fs = std::filesystem;

namespace {

std::size_t bench_rows() {
    if (const char* v = std::getenv("PD_BENCH_ROWS")) return std::stoul(v);
    return 1000000;
}

fs::path data_dir() {
    fs::create_directories(PD_BENCH_DATA_DIR);
    return PD_BENCH_DATA_DIR;
}

fs::path roster_csv() {
    const fs::path p = data_dir() / ("roster-" + std::to_string(bench_rows()) + ".csv");
    if (!fs::exists(p)) {
        const fs::path tmp = p.string() + ".tmp";
        {
            std::ofstream out(tmp, std::ios::binary);
            pd::store::write_synthetic_roster(out, bench_rows(), 20261203);
        }
        fs::rename(tmp, p);
    }
    return p;
}

fs::path workspace() {
    return data_dir() / "registry.sqlite";
}

void remove_db(const fs::path& p) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix);
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

double cpu_seconds(int who) {
    rusage u{};
    getrusage(who, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Our import and the shell's .import of the same file into a bare table, alternating, on the
// same disk, PD_BENCH_ROUNDS times (default 3). The machine is shared, so the ratios are the
// claim: wall-clock and CPU (user+sys, our worker thread included; the shell's as a child).
void BM_Import_vs_sqlite3_shell(benchmark::State& state) {
    const fs::path csv = roster_csv();
    pd::text::OpenccScriptChecker script;
    pd::SystemClock clock;
    const int rounds =
        std::getenv("PD_BENCH_ROUNDS") ? std::atoi(std::getenv("PD_BENCH_ROUNDS")) : 3;
    for (auto _ : state) {
        std::vector<double> shell_wall, shell_cpu, ours_wall, ours_cpu, rows_s, index_s, fts_s,
            commit_s;
        std::size_t imported = 0;
        for (int round = 0; round < rounds; ++round) {
            const fs::path bare = data_dir() / "bare.sqlite";
            remove_db(bare);
            const std::string cmd = std::string(PD_SQLITE3_SHELL) + " " + bare.string() +
                                    " -cmd '.mode csv' '.import " + csv.string() + " roster'";
            double c0 = cpu_seconds(RUSAGE_CHILDREN);
            auto t0 = std::chrono::steady_clock::now();
            if (std::system(cmd.c_str()) != 0) state.SkipWithError("sqlite3 shell import failed");
            shell_wall.push_back(seconds_since(t0));
            shell_cpu.push_back(cpu_seconds(RUSAGE_CHILDREN) - c0);

            remove_db(workspace());
            double checked_at = 0;
            double fts_at = 0;
            double commit_at = 0;
            c0 = cpu_seconds(RUSAGE_SELF);
            t0 = std::chrono::steady_clock::now();
            pd::store::Database db(workspace());
            pd::store::ImportOptions options;
            options.progress = [&](const pd::store::ImportProgress& p) {
                if (p.phase == "indexing") checked_at = seconds_since(t0);
                if (p.phase == "name index") fts_at = seconds_since(t0);
                if (p.phase == "committing") commit_at = seconds_since(t0);
                return true;
            };
            const auto report = pd::store::import_roster(db, csv, script, clock, options);
            const double ours = seconds_since(t0);
            ours_wall.push_back(ours);
            ours_cpu.push_back(cpu_seconds(RUSAGE_SELF) - c0);
            if (!report.committed) state.SkipWithError("import did not commit");
            imported = report.imported;
            rows_s.push_back(checked_at);
            index_s.push_back(fts_at - checked_at);
            fts_s.push_back(commit_at - fts_at);
            commit_s.push_back(ours - commit_at);
        }
        state.SetIterationTime(median(ours_wall));
        state.counters["rows"] = static_cast<double>(imported);
        state.counters["ours_s"] = median(ours_wall);
        state.counters["ours_min_s"] = *std::min_element(ours_wall.begin(), ours_wall.end());
        state.counters["shell_s"] = median(shell_wall);
        state.counters["ratio"] = median(ours_wall) / median(shell_wall);
        state.counters["ours_cpu_s"] = median(ours_cpu);
        state.counters["shell_cpu_s"] = median(shell_cpu);
        state.counters["cpu_ratio"] = median(ours_cpu) / median(shell_cpu);
        state.counters["rows_phase_s"] = median(rows_s);
        state.counters["index_s"] = median(index_s);
        state.counters["name_index_s"] = median(fts_s);
        state.counters["commit_s"] = median(commit_s);
    }
}
BENCHMARK(BM_Import_vs_sqlite3_shell)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

struct Fixture {
    pd::SystemClock clock;
    pd::store::Database db{workspace()};
    pd::store::SqliteRetireeRepository repo{db, clock};
    std::vector<std::string> ids;
    Fixture() {
        SQLite::Statement st(db.sql(),
                             "SELECT id_number FROM retiree WHERE key % 997 = 0 LIMIT 1000");
        while (st.executeStep()) ids.push_back(st.getColumn(0).getString());
    }
};

Fixture& fixture() {
    static Fixture f;  // NOLINT: one open workspace shared by the lookups
    return f;
}

void run_search(benchmark::State& state, pd::SearchField field, const std::string& text) {
    auto& f = fixture();
    std::size_t n = 0;
    for (auto _ : state) {
        const auto keys = f.repo.search({text, field, 100000});
        n = keys.size();
        benchmark::DoNotOptimize(keys.data());
    }
    state.counters["matches"] = static_cast<double>(n);
}

void BM_Lookup_IdNumber_exact(benchmark::State& state) {
    auto& f = fixture();
    std::size_t i = 0;
    for (auto _ : state) {
        const auto keys =
            f.repo.search({f.ids[i++ % f.ids.size()], pd::SearchField::IdNumber, 100});
        benchmark::DoNotOptimize(keys.data());
    }
}
BENCHMARK(BM_Lookup_IdNumber_exact)->Unit(benchmark::kMicrosecond);

void BM_Lookup_IdNumber_repository(benchmark::State& state) {
    auto& f = fixture();
    std::size_t i = 0;
    for (auto _ : state) {
        const auto r = f.repo.by_id_number(pd::IdNumber::from_storage(f.ids[i++ % f.ids.size()]));
        benchmark::DoNotOptimize(r.has_value());
    }
}
BENCHMARK(BM_Lookup_IdNumber_repository)->Unit(benchmark::kMicrosecond);

void BM_Search_IdNumber_prefix10(benchmark::State& state) {
    run_search(state, pd::SearchField::IdNumber, fixture().ids[3].substr(0, 10));
}
BENCHMARK(BM_Search_IdNumber_prefix10)->Unit(benchmark::kMillisecond);

void BM_Search_Name_1char(benchmark::State& state) {
    run_search(state, pd::SearchField::Name, "王");
}
BENCHMARK(BM_Search_Name_1char)->Unit(benchmark::kMillisecond);

void BM_Search_Name_2char(benchmark::State& state) {
    run_search(state, pd::SearchField::Name, "建国");
}
BENCHMARK(BM_Search_Name_2char)->Unit(benchmark::kMillisecond);

void BM_Search_Name_full(benchmark::State& state) {
    run_search(state, pd::SearchField::Name, "王秀英");
}
BENCHMARK(BM_Search_Name_full)->Unit(benchmark::kMillisecond);

void BM_Search_Unit_fragment(benchmark::State& state) {
    run_search(state, pd::SearchField::EmployerUnit, "交通大学");
}
BENCHMARK(BM_Search_Unit_fragment)->Unit(benchmark::kMillisecond);

void BM_Search_Phone_prefix7(benchmark::State& state) {
    run_search(state, pd::SearchField::Phone, "1380001");
}
BENCHMARK(BM_Search_Phone_prefix7)->Unit(benchmark::kMillisecond);

void BM_Search_Auto_name(benchmark::State& state) {
    run_search(state, pd::SearchField::Auto, "李明");
}
BENCHMARK(BM_Search_Auto_name)->Unit(benchmark::kMillisecond);

// The store's share of main-window start: open the workspace, count, fetch the first page.
void BM_Open_count_first_page(benchmark::State& state) {
    pd::SystemClock clock;
    for (auto _ : state) {
        pd::store::Database db(workspace());
        pd::store::SqliteRetireeRepository repo(db, clock);
        const auto info = pd::store::read_workspace_info(db);
        const auto total = repo.total();
        std::vector<std::int64_t> keys;
        for (std::int64_t k = 1; k <= std::min<std::int64_t>(total, 60); ++k) keys.push_back(k);
        const auto rows = repo.rows(keys);
        benchmark::DoNotOptimize(rows.data());
        benchmark::DoNotOptimize(info.demo);
    }
}
BENCHMARK(BM_Open_count_first_page)->Unit(benchmark::kMillisecond);

// The due lists (待认证名单) on a workspace of PD_BENCH_ROWS retirees with a year of history:
// the demo workspace's seeding (about 88 % certified over 14 months), built once and kept in
// the build tree. Baseline in the same run: reading every retiree's validity unfiltered, what
// the lists did before the store applied the month's cut-off.
struct DueFixture {
    pd::SystemClock clock;
    pd::text::OpenccScriptChecker script;
    pd::store::Database db;
    pd::store::SqliteRetireeRepository retirees{db, clock};
    pd::store::SqliteCertificationRepository certs{db, clock};
    pd::UuidGenerator ids;
    pd::DefaultScopeResolver scopes;
    pd::CertificationService service{retirees, certs, script, clock, ids, scopes, {}};
    pd::Actor supervisor{"bench", "bench", "bench", pd::Role::Supervisor, {}, {}};
    std::string unit;
    DueFixture()
        : db(pd::store::open_demo_workspace(
              data_dir() / ("due-" + std::to_string(bench_rows()) + ".sqlite"), script, clock,
              bench_rows())) {
        SQLite::Statement st(db.sql(),
                             "SELECT u.name FROM retiree r JOIN unit u ON u.id = r.unit_id "
                             "GROUP BY u.id ORDER BY count(*) DESC LIMIT 1");
        if (st.executeStep()) unit = st.getColumn(0).getString();
    }
};

DueFixture& due_fixture() {
    static DueFixture f;  // NOLINT: built once (the first run seeds it), shared by the benches
    return f;
}

void BM_DueLists_AllUnits(benchmark::State& state) {
    auto& f = due_fixture();
    std::size_t rows = 0;
    for (auto _ : state) {
        const auto lists = f.service.due_lists("", f.supervisor);
        rows = lists->due_this_month.size() + lists->overdue.size() + lists->never_certified.size();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["listed"] = static_cast<double>(rows);
}
BENCHMARK(BM_DueLists_AllUnits)->Unit(benchmark::kMillisecond);

void BM_DueLists_LargestUnit(benchmark::State& state) {
    auto& f = due_fixture();
    std::size_t rows = 0;
    for (auto _ : state) {
        const auto lists = f.service.due_lists(f.unit, f.supervisor);
        rows = lists->due_this_month.size() + lists->overdue.size() + lists->never_certified.size();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["listed"] = static_cast<double>(rows);
}
BENCHMARK(BM_DueLists_LargestUnit)->Unit(benchmark::kMillisecond);

void BM_Validity_AllRows_Unfiltered(benchmark::State& state) {
    auto& f = due_fixture();
    std::size_t rows = 0;
    for (auto _ : state) {
        rows = f.certs.validity_by_unit("", std::nullopt).size();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["read"] = static_cast<double>(rows);
}
BENCHMARK(BM_Validity_AllRows_Unfiltered)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
