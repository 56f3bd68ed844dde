#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>

#include "store/auth_schema.h"
#include "store/database.h"

namespace pd::test {

// A fresh workspace file per test, removed afterwards.
class WorkspaceTest : public ::testing::Test {
  protected:
    WorkspaceTest() {
        std::random_device rd;
        dir_ = std::filesystem::temp_directory_path() /
               ("pd-auth-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(dir_);
        path_ = dir_ / "workspace.sqlite";
        db_ = std::make_unique<store::Database>(path_);
        store::migrate_auth(db_->sql());
    }
    ~WorkspaceTest() override {
        db_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    SQLite::Database& sql() { return db_->sql(); }

    std::filesystem::path dir_;
    std::filesystem::path path_;
    std::unique_ptr<store::Database> db_;
};

}  // namespace pd::test
