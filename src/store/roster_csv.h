#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/retiree.h"
#include "store/store_error.h"

namespace pd::store {

// A problem with the roster file as a whole (empty, no usable header, unterminated quote,
// undecodable bytes): nothing can be imported. The message starts with "line N: " when the
// problem has a place.
class RosterFileError : public StoreError {
  public:
    RosterFileError(std::size_t line, const std::string& what)
        : StoreError(line ? "line " + std::to_string(line) + ": " + what : what), line_(line) {}
    [[nodiscard]] std::size_t line() const noexcept { return line_; }

  private:
    std::size_t line_;
};

// The roster's columns, by header name (docs/roster-csv.md). Order in a file is free; the
// export writes them in this order.
struct RosterColumn {
    std::string_view name;
    bool required;
};
inline constexpr RosterColumn kRosterColumns[] = {
    {"id_number", true},
    {"name", true},
    {"gender", false},
    {"birth_date", false},
    {"ethnicity", false},
    {"employer_unit", true},
    {"retirement_date", false},
    {"phone", false},
    {"phone_shared_by_family", false},
    {"address", false},
    {"social_security_card", false},
    {"scheme", false},
    {"overseas", false},
    {"status", false},
    {"status_reason", false},
};
using RosterFields = std::array<std::string, std::size(kRosterColumns)>;
// A draft's values in kRosterColumns order, as export and reject files write them.
[[nodiscard]] RosterFields roster_fields(const RetireeDraft& d, std::string_view status,
                                         std::string_view status_reason);

// The column a reject file adds; ignored on import, so a fixed reject file imports as it is.
inline constexpr std::string_view kReasonColumn = "reason";

// Roster bytes as UTF-8, and what they were.
struct DecodedRoster {
    std::string text;      // UTF-8, BOM removed
    std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "GB18030"
};
// UTF-8 with or without BOM, or GB18030 (detected: a file that is mostly valid UTF-8 is UTF-8,
// and its bad lines are reported by the row checks). Throws RosterFileError with the line of
// the first undecodable byte when neither fits.
[[nodiscard]] DecodedRoster decode_roster(std::string bytes);

// One record of a CSV file (RFC 4180: commas, double quotes, CRLF or LF).
struct CsvRecord {
    std::size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
    std::string problem;  // bytes of the record that are not text (control characters, bad UTF-8)
};

// Reads records one at a time from UTF-8 text. An unterminated quote throws RosterFileError
// (nothing after it can be trusted); control characters and invalid UTF-8 inside a record are
// reported in CsvRecord::problem so the row can be rejected on its own.
class CsvReader {
  public:
    explicit CsvReader(std::string_view text) : text_(text) {}
    bool next(CsvRecord& out);
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] std::size_t position() const noexcept { return pos_; }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

// Where each known column sits in a file's header; checked (required columns present, no
// unknown or repeated names). Throws RosterFileError naming the columns at fault.
struct RosterHeader {
    std::vector<std::string> names;                 // as in the file
    std::vector<std::optional<std::size_t>> index;  // per kRosterColumns entry
    [[nodiscard]] static RosterHeader parse(const CsvRecord& header);
};

// The draft a row describes; `status`/`status_reason` columns go to the out-parameters.
[[nodiscard]] RetireeDraft draft_from_row(const RosterHeader& header, const CsvRecord& row,
                                          std::string* status, std::string* status_reason);
// "1", "true", "yes", "是", "y" -> true; "", "0", "false", "no", "否", "n" -> false.
[[nodiscard]] std::optional<bool> parse_flag(std::string_view text);

// Writes one CSV line (fields quoted when they need it) ending in "\r\n".
void write_csv_line(std::ostream& out, std::span<const std::string> fields);
void write_csv_line(std::ostream& out, std::span<const std::string_view> fields);

}  // namespace pd::store
