#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace pd::vision::test {

std::filesystem::path testdata_root() {
    if (const char* env = std::getenv("PENSIONDESK_TESTDATA"); env != nullptr && *env != '\0') {
        return env;
    }
    return PD_TESTDATA_DEFAULT;
}

std::filesystem::path faces_dir(const std::string& rel) {
    auto dir = testdata_root() / "faces" / rel;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        ADD_FAILURE() << "test data folder missing: " << dir
                      << " (set PENSIONDESK_TESTDATA to the shared testdata folder)";
    }
    return dir;
}

FaceEngine& shared_engine() {
    static FaceEngine engine;  // one load per test binary
    if (!engine.available())
        ADD_FAILURE() << "face engine unavailable: " << engine.unavailable_reason();
    return engine;
}

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (header) {
            header = false;
            continue;
        }
        if (line.empty()) continue;
        std::vector<std::string> cells;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
        rows.push_back(std::move(cells));
    }
    if (rows.empty()) ADD_FAILURE() << "no rows in " << file;
    return rows;
}

}  // namespace pd::vision::test
