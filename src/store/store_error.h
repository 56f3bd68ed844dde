#pragma once

#include <stdexcept>
#include <string>

namespace pd::store {

// Everything the store cannot do is thrown as a StoreError whose message says what was being
// done and why it failed ("opening workspace /x/y.sqlite: ..."). SQLite's own exceptions are
// wrapped on the way out so callers catch one type.
class StoreError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The file is not a workspace this build can open: truncated, not SQLite, another program's
// SQLite database, or written by a newer PensionDesk. Nothing in the file was changed.
class WorkspaceRejected : public StoreError {
  public:
    using StoreError::StoreError;
};

}  // namespace pd::store
