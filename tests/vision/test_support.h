#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "vision/face_engine.h"

namespace pd::vision::test {

// PENSIONDESK_TESTDATA, else the build's default (../shared/testdata).
[[nodiscard]] std::filesystem::path testdata_root();

// testdata_root()/faces/<rel>. A missing folder is a test failure (also outside CI): the data is
// part of the checkout's environment, and a silently skipped suite proves nothing.
[[nodiscard]] std::filesystem::path faces_dir(const std::string& rel);

// One engine per test binary: the models load once (about 0.3 s).
[[nodiscard]] FaceEngine& shared_engine();

// Rows of a small CSV (header skipped, CRLF tolerated).
[[nodiscard]] std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& file);

}  // namespace pd::vision::test
