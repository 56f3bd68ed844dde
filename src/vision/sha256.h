#pragma once

#include <filesystem>
#include <string>

namespace pd::vision {

// Lower-case hex SHA-256 of a file's bytes (OpenSSL EVP). Throws VisionError(model_missing) when
// the file cannot be read.
[[nodiscard]] std::string sha256_file_hex(const std::filesystem::path& file);

}  // namespace pd::vision
