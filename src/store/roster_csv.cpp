#include "store/roster_csv.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>

namespace pd::store {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one (strict: no overlongs,
// surrogates or values above U+10FFFF).
std::size_t utf8_seq(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    const std::size_t n = s.size() - i;
    const auto cont = [&](std::size_t k) { return (b(i + k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return n >= 2 && cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || !cont(1) || !cont(2)) return 0;
        if (c == 0xE0 && b(i + 1) < 0xA0) return 0;
        if (c == 0xED && b(i + 1) > 0x9F) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
        if (c == 0xF0 && b(i + 1) < 0x90) return 0;
        if (c == 0xF4 && b(i + 1) > 0x8F) return 0;
        return 4;
    }
    return 0;
}

std::size_t line_at(std::string_view s, std::size_t offset) {
    return 1 + static_cast<std::size_t>(
                   std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

}  // namespace

DecodedRoster decode_roster(std::string bytes) {
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        bytes.erase(0, 3);
        return {std::move(bytes), "UTF-8 (BOM)"};
    }
    // Count lines with non-ASCII bytes and how many of them are valid UTF-8.
    std::size_t lines_non_ascii = 0;
    std::size_t lines_bad = 0;
    bool line_non_ascii = false;
    bool line_bad = false;
    const std::string_view s = bytes;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n') {
            lines_non_ascii += line_non_ascii;
            lines_bad += line_bad;
            line_non_ascii = line_bad = false;
            ++i;
            continue;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        line_non_ascii = true;
        const std::size_t n = utf8_seq(s, i);
        if (n == 0) {
            line_bad = true;
            ++i;
        } else {
            i += n;
        }
    }
    lines_non_ascii += line_non_ascii;
    lines_bad += line_bad;
    if (lines_bad == 0 || lines_bad * 2 < lines_non_ascii) {
        // UTF-8 (a few bad lines are the rows' problem, reported with their line numbers).
        return {std::move(bytes), "UTF-8"};
    }

    std::unique_ptr<void, IconvCloser> cd(iconv_open("UTF-8", "GB18030"));
    if (cd.get() == reinterpret_cast<void*>(-1)) {
        cd.release();
        throw RosterFileError(0, "the file is not UTF-8 and this system cannot read GB18030");
    }
    std::string out(bytes.size() * 3 / 2 + 16, '\0');
    char* in_ptr = bytes.data();
    std::size_t in_left = bytes.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    while (in_left > 0) {
        const std::size_t rc =
            iconv(static_cast<iconv_t>(cd.get()), &in_ptr, &in_left, &out_ptr, &out_left);
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            const std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
            out.resize(out.size() * 2);
            out_ptr = out.data() + used;
            out_left = out.size() - used;
            continue;
        }
        const std::size_t offset = static_cast<std::size_t>(in_ptr - bytes.data());
        throw RosterFileError(
            line_at(bytes, offset),
            "byte " + hex_byte(static_cast<unsigned char>(bytes[offset])) +
                " is not valid UTF-8 or GB18030 text; save the file as UTF-8 and try again");
    }
    out.resize(static_cast<std::size_t>(out_ptr - out.data()));
    return {std::move(out), "GB18030"};
}

bool CsvReader::next(CsvRecord& out) {
    out.fields.clear();
    out.problem.clear();
    if (pos_ >= text_.size()) return false;
    out.line = line_;
    const std::string_view s = text_;
    std::string field;
    bool in_quotes = false;
    bool quoted_field = false;
    std::size_t quote_line = 0;
    std::size_t i = pos_;
    const auto note = [&](std::string what) {
        if (out.problem.empty()) out.problem = std::move(what);
    };
    const auto column = [&] { return std::to_string(out.fields.size() + 1); };
    for (;;) {
        if (i >= s.size()) {
            if (in_quotes) {
                throw RosterFileError(quote_line,
                                      "a quoted field is never closed (missing \"); every field "
                                      "that starts with \" must end with \"");
            }
            out.fields.push_back(std::move(field));
            pos_ = i;
            return true;
        }
        const char c = s[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field.push_back('"');
                    i += 2;
                } else {
                    in_quotes = false;
                    ++i;
                }
                continue;
            }
            if (c == '\n') ++line_;
        } else {
            if (c == ',') {
                out.fields.push_back(std::move(field));
                field.clear();
                quoted_field = false;
                ++i;
                continue;
            }
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
                ++i;
                continue;
            }
            if (c == '\n') {
                out.fields.push_back(std::move(field));
                ++line_;
                pos_ = i + 1;
                return true;
            }
            if (c == '"' && field.empty() && !quoted_field) {
                in_quotes = true;
                quoted_field = true;
                quote_line = line_;
                ++i;
                continue;
            }
        }
        const auto uc = static_cast<unsigned char>(c);
        if (uc < 0x80) {
            const bool allowed_break = in_quotes && (c == '\n' || c == '\r');
            if ((uc < 0x20 || uc == 0x7F) && !allowed_break) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "U+%04X", uc);
                note("column " + column() + ": contains the control character " + buf +
                     "; remove it");
            }
            field.push_back(c);
            ++i;
            continue;
        }
        const std::size_t n = utf8_seq(s, i);
        if (n == 0) {
            note("column " + column() + ": byte " + hex_byte(uc) +
                 " is not valid UTF-8 text; retype the field or save the file as UTF-8");
            field.push_back(c);
            ++i;
            continue;
        }
        // C1 controls (U+0080..U+009F) are control characters too.
        if (n == 2 && uc == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned char>(s[i + 1]));
            note("column " + column() + ": contains the control character " + buf + "; remove it");
        }
        field.append(s.substr(i, n));
        i += n;
    }
}

RosterHeader RosterHeader::parse(const CsvRecord& header) {
    RosterHeader h;
    h.index.resize(std::size(kRosterColumns));
    if (!header.problem.empty()) throw RosterFileError(header.line, "header: " + header.problem);
    std::vector<std::string> unknown;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name = header.fields[i];
        // Trim blanks; header names are ASCII.
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
        for (auto& ch : name) {
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        }
        h.names.push_back(name);
        if (name == kReasonColumn) continue;
        bool known = false;
        for (std::size_t k = 0; k < std::size(kRosterColumns); ++k) {
            if (kRosterColumns[k].name == name) {
                if (h.index[k]) {
                    throw RosterFileError(header.line,
                                          "header: column '" + name + "' appears twice");
                }
                h.index[k] = i;
                known = true;
            }
        }
        if (!known) unknown.push_back(name.empty() ? "(empty)" : name);
    }
    std::string missing;
    for (std::size_t k = 0; k < std::size(kRosterColumns); ++k) {
        if (kRosterColumns[k].required && !h.index[k]) {
            if (!missing.empty()) missing += ", ";
            missing += kRosterColumns[k].name;
        }
    }
    if (!missing.empty()) {
        throw RosterFileError(header.line, "header: missing required column(s) " + missing +
                                               " (the first line must name the columns; see "
                                               "docs/roster-csv.md)");
    }
    if (!unknown.empty()) {
        std::string list;
        for (const auto& u : unknown) list += (list.empty() ? "" : ", ") + u;
        throw RosterFileError(header.line, "header: unknown column(s) " + list);
    }
    return h;
}

std::optional<bool> parse_flag(std::string_view t) {
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    std::string s(t);
    for (auto& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (s.empty() || s == "0" || s == "false" || s == "no" || s == "n" || s == "否") return false;
    if (s == "1" || s == "true" || s == "yes" || s == "y" || s == "是") return true;
    return std::nullopt;
}

RetireeDraft draft_from_row(const RosterHeader& h, const CsvRecord& row, std::string* status,
                            std::string* status_reason) {
    const auto get = [&](std::size_t k) -> std::string {
        const auto& idx = h.index[k];
        if (!idx || *idx >= row.fields.size()) return {};
        return row.fields[*idx];
    };
    RetireeDraft d;
    d.id_number = get(0);
    d.name = get(1);
    d.gender = get(2);
    d.birth_date = get(3);
    d.ethnicity = get(4);
    d.employer_unit = get(5);
    d.retirement_date = get(6);
    d.phone = get(7);
    d.phone_shared_by_family = parse_flag(get(8)).value_or(false);
    d.address = get(9);
    d.social_security_card = get(10);
    d.scheme = get(11);
    d.overseas = parse_flag(get(12)).value_or(false);
    if (status) *status = get(13);
    if (status_reason) *status_reason = get(14);
    return d;
}

namespace {

template <class S>
void write_line(std::ostream& out, std::span<const S> fields) {
    bool first = true;
    for (const auto& f : fields) {
        if (!first) out.put(',');
        first = false;
        const std::string_view v = f;
        const bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos ||
                           (!v.empty() && (v.front() == ' ' || v.back() == ' '));
        if (!quote) {
            out << v;
            continue;
        }
        out.put('"');
        for (char c : v) {
            if (c == '"') out.put('"');
            out.put(c);
        }
        out.put('"');
    }
    out << "\r\n";
}

}  // namespace

void write_csv_line(std::ostream& out, std::span<const std::string> fields) {
    write_line(out, fields);
}
void write_csv_line(std::ostream& out, std::span<const std::string_view> fields) {
    write_line(out, fields);
}

RosterFields roster_fields(const RetireeDraft& d, std::string_view status,
                           std::string_view status_reason) {
    return {d.id_number,
            d.name,
            d.gender,
            d.birth_date,
            d.ethnicity,
            d.employer_unit,
            d.retirement_date,
            d.phone,
            d.phone_shared_by_family ? "1" : "0",
            d.address,
            d.social_security_card,
            d.scheme,
            d.overseas ? "1" : "0",
            std::string(status),
            std::string(status_reason)};
}

}  // namespace pd::store
