#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "domain/clock.h"
#include "domain/date.h"
#include "text/opencc_script_checker.h"

namespace pd::store::testing {

namespace fs = std::filesystem;

// A fresh folder per test under the system temp dir, removed afterwards.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("pd-store-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }

  private:
    fs::path path_;
};

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline const ScriptChecker& checker() {
    static const text::OpenccScriptChecker c;  // OpenCC loads its tables once per process
    return c;
}

// 2026-12-03 12:00 UTC: the synthetic roster's retirees have all retired by then.
inline ManualClock test_clock() {
    using namespace std::chrono;
    return ManualClock(sys_days{year{2026} / 12 / 3} + hours{12});
}

}  // namespace pd::store::testing
