#include "store/database.h"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <array>
#include <cstring>
#include <fstream>

#include "store/char_tokenizer.h"
#include "store/migrations.h"
#include "store/store_error.h"

namespace pd::store {

namespace {

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

std::string where(const std::filesystem::path& path) {
    return "workspace " + path.string();
}

const std::filesystem::path& checked(const std::filesystem::path& path) {
    check_workspace_file(path);
    return path;
}

}  // namespace

void check_workspace_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return;
    if (std::filesystem::is_directory(path, ec)) {
        throw WorkspaceRejected(where(path) + " is a folder, not a database file");
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw WorkspaceRejected(where(path) + " cannot be read: " + ec.message());
    if (size == 0) return;

    std::array<unsigned char, 100> header{};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    static constexpr char kMagic[] = "SQLite format 3";  // followed by a NUL: 16 bytes
    if (got < 16 || std::memcmp(header.data(), kMagic, 16) != 0) {
        throw WorkspaceRejected(where(path) +
                                " is not a PensionDesk workspace: it is not an SQLite database "
                                "file. Choose the workspace's .sqlite file, or a new file name "
                                "to start an empty workspace");
    }
    if (got < header.size()) {
        throw WorkspaceRejected(where(path) + " is truncated: only " + std::to_string(size) +
                                " bytes, less than an SQLite header. Restore it from a backup");
    }
    std::uint32_t page_size = (std::uint32_t{header[16]} << 8) | header[17];
    if (page_size == 1) page_size = 65536;
    const std::uint32_t change_counter = be32(&header[24]);
    const std::uint32_t pages = be32(&header[28]);
    const std::uint32_t valid_for = be32(&header[92]);
    if (page_size < 512 || (page_size & (page_size - 1)) != 0) {
        throw WorkspaceRejected(where(path) +
                                " is damaged: its header has an impossible page "
                                "size. Restore it from a backup");
    }
    // The in-header page count is trustworthy only when written by SQLite >= 3.7.0 in step
    // with the change counter; then a shorter file lost its tail.
    if (pages != 0 && valid_for == change_counter &&
        size < static_cast<std::uintmax_t>(pages) * page_size) {
        throw WorkspaceRejected(where(path) + " is truncated: " + std::to_string(size) +
                                " bytes where its header promises " +
                                std::to_string(static_cast<std::uintmax_t>(pages) * page_size) +
                                ". Restore it from a backup");
    }
    if (size % page_size != 0) {
        throw WorkspaceRejected(where(path) + " is truncated: " + std::to_string(size) +
                                " bytes is not a whole number of " + std::to_string(page_size) +
                                "-byte pages. Restore it from a backup");
    }
    const std::uint32_t app_id = be32(&header[68]);
    const std::uint32_t user_version = be32(&header[60]);
    if (app_id != static_cast<std::uint32_t>(kApplicationId) && (app_id != 0 || pages > 1)) {
        throw WorkspaceRejected(where(path) +
                                " is an SQLite database of another program, not a PensionDesk "
                                "workspace (application id " +
                                std::to_string(app_id) + "); it was left untouched");
    }
    if (app_id == static_cast<std::uint32_t>(kApplicationId) &&
        user_version > static_cast<std::uint32_t>(kSchemaVersion)) {
        throw WorkspaceRejected(where(path) + " was written by a newer PensionDesk (schema " +
                                std::to_string(user_version) + "; this version knows up to " +
                                std::to_string(kSchemaVersion) +
                                "). Install the newer PensionDesk to open it");
    }
}

// A function-try-block: SQLite's own failure to open (no such folder, no permission) gets the
// same context as everything else.
Database::Database(const std::filesystem::path& path) try
    : path_(path), // NOMUTEX: a Database is used by one thread at a time (see database.h), so SQLite's
      // per-call connection mutex is pure overhead (measurable in a million-row import).
      db_(checked(path).string(),
          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX, 5000) {
    try {
        register_char_tokenizer(db_.getHandle());
        // Re-check through SQLite: the header check cannot see a WAL file's newer state.
        const int app_id = db_.execAndGet("PRAGMA application_id").getInt();
        const int version = db_.execAndGet("PRAGMA user_version").getInt();
        const int objects = db_.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        if (app_id != kApplicationId && (app_id != 0 || objects != 0)) {
            throw WorkspaceRejected(where(path) +
                                    " is an SQLite database of another program, not a "
                                    "PensionDesk workspace; it was left untouched");
        }
        if (version > kSchemaVersion) {
            throw WorkspaceRejected(where(path) + " was written by a newer PensionDesk (schema " +
                                    std::to_string(version) + "; this version knows up to " +
                                    std::to_string(kSchemaVersion) + ")");
        }
        db_.exec("PRAGMA journal_mode = WAL");
        db_.exec("PRAGMA synchronous = FULL");
        db_.exec("PRAGMA foreign_keys = ON");
        if (version < kSchemaVersion) {
            SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
            // Another connection may have migrated while we waited for the write lock.
            const int now = db_.execAndGet("PRAGMA user_version").getInt();
            if (now < kSchemaVersion) migrate(db_, now, kSchemaVersion);
            tx.commit();
        }
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError("opening " + where(path) + ": " + e.what());
    }
} catch (const StoreError&) {
    throw;
} catch (const std::exception& e) {
    throw StoreError("opening " + where(path) + ": " + e.what());
}

int Database::schema_version() {
    return db_.execAndGet("PRAGMA user_version").getInt();
}

}  // namespace pd::store
