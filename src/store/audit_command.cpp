#include "store/audit_command.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include "domain/auth_service.h"
#include "domain/clock.h"
#include "domain/date.h"
#include "store/audit_log.h"
#include "store/auth_schema.h"
#include "store/database.h"
#include "store/scrypt_password_hasher.h"
#include "store/staff_repository.h"

namespace pd::store {

namespace {

constexpr int kUsage = 2;

// --name value pairs, flags and positionals, in any order: the admin CLI forwards its global
// options (--db PATH, --json) ahead of the subcommand word.
struct Parsed {
    std::string command;  // "verify", "export", "create-admin", ...
    std::map<std::string, std::string, std::less<>> options;
    std::vector<std::string> positional;
    bool json = false;  // accepted for symmetry with the other commands; output is text
    std::string problem;
};

Parsed parse(const std::vector<std::string>& args, std::string_view group) {
    Parsed p;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            p.json = true;
        } else if (a.starts_with("--")) {
            if (const auto eq = a.find('='); eq != std::string::npos) {
                p.options[a.substr(2, eq - 2)] = a.substr(eq + 1);
            } else if (i + 1 >= args.size()) {
                p.problem = a + " needs a value";
                return p;
            } else {
                p.options[a.substr(2)] = args[++i];
            }
        } else {
            words.push_back(a);
        }
    }
    std::size_t first = !words.empty() && words[0] == group ? 1 : 0;
    if (first < words.size()) p.command = words[first++];
    p.positional.assign(words.begin() + static_cast<std::ptrdiff_t>(first), words.end());
    return p;
}

Actor cli_actor() {
    return system_actor("pensiondesk-admin", "pensiondesk-admin");
}

int verify(const Parsed& p, std::ostream& out, std::ostream& err) {
    const auto db = p.options.find("db");
    if (db == p.options.end()) {
        err << "usage: audit verify --db WORKSPACE\n";
        return kUsage;
    }
    Database ws(db->second);
    migrate_auth(ws.sql());
    SqliteAuditLog log(ws.sql());
    const auto n = log.count();
    if (const auto broken = log.verify()) {
        out << "audit chain BROKEN at entry " << broken->seq << ": " << broken->reason << "\n";
        return 1;
    }
    out << "audit chain intact: " << n << " entries\n";
    return 0;
}

int export_csv(const Parsed& p, std::ostream& out, std::ostream& err) {
    const auto db = p.options.find("db");
    const auto from = p.options.find("from");
    const auto to = p.options.find("to");
    if (db == p.options.end() || from == p.options.end() || to == p.options.end() ||
        p.positional.size() > 1) {
        err << "usage: audit export --db WORKSPACE --from YYYY-MM-DD --to YYYY-MM-DD [FILE]\n";
        return kUsage;
    }
    const auto first = parse_date(from->second);
    const auto last = parse_date(to->second);
    if (!first || !last || *last < *first) {
        err << "audit export: --from and --to must be dates (YYYY-MM-DD), --from not after --to\n";
        return kUsage;
    }
    Database ws(db->second);
    migrate_auth(ws.sql());
    SqliteAuditLog log(ws.sql());
    const auto begin = std::chrono::sys_days{*first};
    const auto end = std::chrono::sys_days{*last} + std::chrono::days{1};
    std::size_t n = 0;
    std::string target = "standard output";
    if (p.positional.empty()) {
        n = log.export_csv(out, begin, end);
    } else {
        target = p.positional[0];
        std::ofstream file(target, std::ios::binary | std::ios::trunc);
        if (!file) {
            err << "audit export: cannot write " << target << "\n";
            return 1;
        }
        n = log.export_csv(file, begin, end);
        file.close();
        if (!file) {
            err << "audit export: writing " << target << " failed\n";
            return 1;
        }
    }
    // The export itself is audited: audit data left the workstation.
    const SystemClock clock;
    log.append(
        make_audit(cli_actor(), clock.now(), AuditAction::AuditExported, "export", target, "ok",
                   std::to_string(n) + " entries from " + from->second + " to " + to->second));
    if (!p.positional.empty()) out << "exported " << n << " entries to " << target << "\n";
    return 0;
}

std::string read_line(std::istream& in) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

int create_admin(const Parsed& p, std::istream& in, std::ostream& out, std::ostream& err) {
    const auto db = p.options.find("db");
    const auto number = p.options.find("number");
    const auto name = p.options.find("name");
    if (db == p.options.end() || number == p.options.end() || name == p.options.end()) {
        err << "usage: staff create-admin --db WORKSPACE --number STAFF_NUMBER --name NAME "
               "(password on standard input, twice)\n";
        return kUsage;
    }
    const std::string password = read_line(in);
    const std::string again = read_line(in);
    if (password != again) {
        err << "staff create-admin: the two passwords differ\n";
        return 1;
    }
    Database ws(db->second);
    migrate_auth(ws.sql());
    SqliteStaffRepository staff(ws.sql());
    SqliteAuditLog log(ws.sql());
    const ScryptPasswordHasher hasher;
    const SystemClock clock;
    UuidGenerator ids;
    AuthService auth(staff, hasher, log, clock, ids);
    auto made = auth.create_first_administrator(
        NewStaff{number->second, name->second, Role::Administrator, {}, {}}, password,
        "pensiondesk-admin");
    if (!made) {
        err << "staff create-admin: " << made.error().message() << "\n";
        return 1;
    }
    out << "created administrator " << made->display_name() << "\n";
    return 0;
}

int list(const Parsed& p, std::ostream& out, std::ostream& err) {
    const auto db = p.options.find("db");
    if (db == p.options.end()) {
        err << "usage: staff list --db WORKSPACE\n";
        return kUsage;
    }
    Database ws(db->second);
    migrate_auth(ws.sql());
    SqliteStaffRepository staff(ws.sql());
    const SystemClock clock;
    for (const auto& a : staff.all()) {
        out << a.staff_number << '\t' << a.name << '\t' << to_string(a.role) << '\t'
            << to_string(a.status);
        if (a.locked_at(clock.now())) out << "\tlocked until " << to_utc_iso(*a.locked_until);
        if (a.must_change_password) out << "\tmust change password";
        out << '\n';
    }
    return 0;
}

int unlock(const Parsed& p, std::ostream& out, std::ostream& err) {
    const auto db = p.options.find("db");
    const auto number = p.options.find("number");
    if (db == p.options.end() || number == p.options.end()) {
        err << "usage: staff unlock --db WORKSPACE --number STAFF_NUMBER\n";
        return kUsage;
    }
    Database ws(db->second);
    migrate_auth(ws.sql());
    SqliteStaffRepository staff(ws.sql());
    SqliteAuditLog log(ws.sql());
    const SystemClock clock;
    auto a = staff.by_staff_number(number->second);
    if (!a) {
        err << "staff unlock: no account has staff number " << number->second << "\n";
        return 1;
    }
    a->failed_attempts = 0;
    a->locked_until.reset();
    a->revision += 1;
    ws.sql().exec("BEGIN IMMEDIATE");
    try {
        staff.update(*a);
        log.append(make_audit(cli_actor(), clock.now(), AuditAction::AccountUnlocked, "staff",
                              a->id.str(), "ok", "unlocked with pensiondesk-admin"));
        ws.sql().exec("COMMIT");
    } catch (...) {
        ws.sql().exec("ROLLBACK");
        throw;
    }
    out << "unlocked " << a->display_name() << "\n";
    return 0;
}

}  // namespace

int run_audit_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const Parsed p = parse(args, "audit");
    if (!p.problem.empty()) {
        err << "audit: " << p.problem << "\n";
        return kUsage;
    }
    try {
        if (p.command == "verify") return verify(p, out, err);
        if (p.command == "export") return export_csv(p, out, err);
    } catch (const std::exception& e) {
        err << "audit " << p.command << ": " << e.what() << "\n";
        return 1;
    }
    err << "usage: audit verify|export --db WORKSPACE ..."
        << (p.command.empty() ? std::string{} : " (unknown command " + p.command + ")") << "\n";
    return kUsage;
}

int run_staff_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                      std::ostream& err) {
    const Parsed p = parse(args, "staff");
    if (!p.problem.empty()) {
        err << "staff: " << p.problem << "\n";
        return kUsage;
    }
    try {
        if (p.command == "create-admin") return create_admin(p, in, out, err);
        if (p.command == "list") return list(p, out, err);
        if (p.command == "unlock") return unlock(p, out, err);
    } catch (const std::exception& e) {
        err << "staff " << p.command << ": " << e.what() << "\n";
        return 1;
    }
    err << "usage: staff create-admin|list|unlock --db WORKSPACE ..."
        << (p.command.empty() ? std::string{} : " (unknown command " + p.command + ")") << "\n";
    return kUsage;
}

}  // namespace pd::store
