#include "admin/admin_commands.h"

#include <SQLiteCpp/Statement.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "domain/audit.h"
#include "domain/clock.h"
#include "domain/id_number.h"
#include "store/audit_log.h"
#include "store/auth_schema.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/roster_export.h"
#include "store/roster_import.h"
#include "store/store_error.h"
#include "store/workspace.h"
#include "text/opencc_script_checker.h"

namespace pd::admin {

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

struct Globals {
    std::optional<fs::path> db;
    bool json = false;
};

struct Usage : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr const char* kUsageText =
    "usage: pensiondesk-admin [--db PATH] [--json] COMMAND ...\n"
    "  import FILE.csv [--skip-invalid] [--reject FILE]   import a roster (docs/roster-csv.md)\n"
    "  export [FILE|-]                                    write the registry as a roster CSV\n"
    "  validate-id NUMBER...                              check citizen ID numbers\n"
    "  db check                                           integrity, schema version, counts\n";

fs::path workspace_path(const Globals& g) {
    return g.db ? *g.db : store::default_workspace_path();
}

void print_json(std::ostream& out, const json::value& v) {
    out << json::serialize(v) << "\n";
}

// Splits a command's own arguments into positionals and the global options found among them.
std::vector<std::string> take_globals(const std::vector<std::string>& args, Globals& g,
                                      std::vector<std::string>* flags = nullptr) {
    std::vector<std::string> pos;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            g.json = true;
        } else if (a == "--db") {
            if (i + 1 >= args.size()) throw Usage("--db needs a path");
            g.db = fs::path(args[++i]);
        } else if (a.rfind("--db=", 0) == 0) {
            g.db = fs::path(a.substr(5));
        } else if (flags && a.rfind("--", 0) == 0) {
            flags->push_back(a);
            if (a == "--reject") {
                if (i + 1 >= args.size()) throw Usage("--reject needs a file name");
                flags->push_back(args[++i]);
            }
        } else {
            pos.push_back(a);
        }
    }
    return pos;
}

int cmd_validate_id(const std::vector<std::string>& numbers, const Globals& g, std::ostream& out) {
    if (numbers.empty()) throw Usage("validate-id needs at least one ID number");
    const SystemClock clock;
    bool all_valid = true;
    json::array results;
    for (const auto& n : numbers) {
        const auto id = IdNumber::parse(n, clock.today());
        json::object o{{"input", n}, {"valid", id.has_value()}};
        if (id) {
            o["id_number"] = id->str();
            o["gender"] = std::string(to_string(id->gender()));
            o["birth_date"] = to_iso(id->birth_date());
            o["province"] = std::string(province_name(id->province_code()));
            if (!g.json) {
                out << "VALID   " << n;
                if (id->str() != n) out << " -> " << id->str();
                out << " (" << to_string(id->gender()) << ", born " << to_iso(id->birth_date())
                    << ", " << province_name(id->province_code()) << ")\n";
            }
        } else {
            all_valid = false;
            o["code"] = id.error().code;
            o["reason"] = id.error().message();
            if (!g.json) out << "INVALID " << n << ": " << id.error().message() << "\n";
        }
        results.push_back(std::move(o));
    }
    if (g.json) {
        print_json(out, json::object{{"command", "validate-id"},
                                     {"ok", all_valid},
                                     {"results", std::move(results)}});
    }
    return all_valid ? exit_code::kOk : exit_code::kInvalidData;
}

int cmd_import(const std::vector<std::string>& args, const Globals& g, std::ostream& out,
               std::ostream& err) {
    Globals local = g;
    std::vector<std::string> flags;
    const auto pos = take_globals(args, local, &flags);
    if (pos.size() != 1) throw Usage("import needs exactly one FILE.csv");
    store::ImportOptions options;
    for (std::size_t i = 0; i < flags.size(); ++i) {
        if (flags[i] == "--skip-invalid") {
            options.skip_invalid = true;
        } else if (flags[i] == "--reject") {
            options.reject_file = flags[++i];
        } else {
            throw Usage("unknown option for import: " + flags[i]);
        }
    }
    const fs::path csv = pos[0];
    if (!options.reject_file.empty() && !options.skip_invalid) {
        throw Usage("--reject goes with --skip-invalid");
    }
    if (options.skip_invalid && options.reject_file.empty()) {
        options.reject_file = csv.parent_path() / (csv.stem().string() + ".rejects.csv");
    }
    options.actor = system_actor("", "pensiondesk-admin import");
    const text::OpenccScriptChecker script;
    const SystemClock clock;
    const fs::path path = workspace_path(local);
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    store::Database db(path);
    store::ImportReport r;
    try {
        r = store::import_roster(db, csv, script, clock, options);
    } catch (const store::RosterFileError& e) {
        if (local.json) {
            print_json(out, json::object{{"command", "import"},
                                         {"ok", false},
                                         {"file", csv.string()},
                                         {"error", e.what()},
                                         {"line", e.line()}});
        } else {
            err << "pensiondesk-admin: " << csv.string() << ": " << e.what()
                << "\nnothing was imported\n";
        }
        return exit_code::kFile;
    }
    if (local.json) {
        json::array problems;
        for (const auto& p : r.problems) {
            problems.push_back(json::object{{"line", p.line},
                                            {"field", p.field},
                                            {"reason", p.reason},
                                            {"message", p.message()}});
        }
        json::object o{{"command", "import"},
                       {"ok", r.rejected == 0},
                       {"file", csv.string()},
                       {"workspace", db.path().string()},
                       {"encoding", r.encoding},
                       {"rows", r.rows},
                       {"imported", r.imported},
                       {"rejected", r.rejected},
                       {"committed", r.committed},
                       {"elapsed_ms", r.elapsed.count()},
                       {"problems", std::move(problems)}};
        if (options.skip_invalid) o["reject_file"] = options.reject_file.string();
        if (r.committed) o["batch"] = r.batch_id;
        print_json(out, o);
    } else {
        for (const auto& p : r.problems) out << p.message() << "\n";
        if (r.problems.size() < r.rejected) {
            out << "... and more bad rows (" << r.rejected << " in all)\n";
        }
        if (r.committed) {
            out << "imported " << r.imported << " of " << r.rows << " rows from " << csv.string()
                << " (" << r.encoding << ") into " << db.path().string() << " in "
                << r.elapsed.count() << " ms\n";
        } else if (r.rejected > 0 && !options.skip_invalid) {
            out << r.rejected << " of " << r.rows
                << " rows are bad; nothing was imported (fix them, or use --skip-invalid)\n";
        } else {
            out << "nothing to import from " << csv.string() << "\n";
        }
        if (options.skip_invalid && r.rejected > 0) {
            out << r.rejected << " bad rows written with their reasons to "
                << options.reject_file.string() << "\n";
        }
    }
    return r.rejected == 0 ? exit_code::kOk : exit_code::kInvalidData;
}

int cmd_export(const std::vector<std::string>& args, const Globals& g, std::ostream& out) {
    Globals local = g;
    const auto pos = take_globals(args, local);
    if (pos.size() > 1) throw Usage("export takes at most one FILE (or - for standard output)");
    const std::string target = pos.empty() ? "-" : pos[0];
    if (local.json && target == "-") {
        throw Usage("export --json needs a FILE (the CSV goes there, the summary to stdout)");
    }
    const fs::path path = workspace_path(local);
    if (!fs::exists(path)) throw store::StoreError("no workspace at " + path.string());
    store::Database db(path);
    std::size_t n = 0;
    // Personal data leaving the workstation is audited, whoever runs the tool.
    const auto audit_export = [&](std::size_t records, const std::string& where) {
        store::migrate_auth(db.sql());
        store::append_audit(
            db.sql(), make_audit(system_actor("pensiondesk-admin", "pensiondesk-admin"),
                                 std::chrono::system_clock::now(), AuditAction::Export, "roster",
                                 "", "ok", std::to_string(records) + " records to " + where));
    };
    if (target == "-") {
        n = store::export_roster(db, out);
        audit_export(n, "standard output");
        out.flush();
        return exit_code::kOk;
    }
    const fs::path tmp = target + ".partial";
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (!file) throw store::StoreError("cannot write " + target);
        n = store::export_roster(db, file);
        file.close();
        if (!file) throw store::StoreError("writing " + target + " failed");
    }
    fs::rename(tmp, target);  // a half-written export never has the real name
    audit_export(n, target);
    if (local.json) {
        print_json(out, json::object{
                            {"command", "export"}, {"ok", true}, {"file", target}, {"records", n}});
    } else {
        out << "exported " << n << " records to " << target << "\n";
    }
    return exit_code::kOk;
}

int cmd_db(const std::vector<std::string>& args, const Globals& g, std::ostream& out) {
    Globals local = g;
    const auto pos = take_globals(args, local);
    if (pos.size() != 1 || pos[0] != "check") throw Usage("db needs the subcommand: check");
    const fs::path path = workspace_path(local);
    if (!fs::exists(path)) throw store::StoreError("no workspace at " + path.string());
    store::Database db(path);
    auto& sql = db.sql();
    std::vector<std::string> problems;
    {
        SQLite::Statement st(sql, "PRAGMA integrity_check");
        while (st.executeStep()) {
            const std::string line = st.getColumn(0).getString();
            if (line != "ok") problems.push_back(line);
        }
    }
    {
        SQLite::Statement st(sql, "PRAGMA foreign_key_check");
        while (st.executeStep()) {
            problems.push_back("foreign key: " + st.getColumn(0).getString() + " row " +
                               st.getColumn(1).getString() + " refers to a missing " +
                               st.getColumn(2).getString());
        }
    }
    // The name index must match its content (FTS5's own check).
    try {
        sql.exec("INSERT INTO retiree_name_fts(retiree_name_fts) VALUES ('integrity-check')");
    } catch (const std::exception& e) {
        problems.push_back(std::string("name search index: ") + e.what());
    }
    const auto count = [&](const char* q) { return sql.execAndGet(q).getInt64(); };
    const std::int64_t retirees = count("SELECT count(*) FROM retiree");
    const std::int64_t units = count("SELECT count(*) FROM unit");
    const std::int64_t pending = count("SELECT count(*) FROM outbox WHERE state = 'pending'");
    const std::int64_t outbox = count("SELECT count(*) FROM outbox");
    const std::int64_t batches = count("SELECT count(*) FROM import_batch");
    const auto info = store::read_workspace_info(db);
    const bool ok = problems.empty();
    if (local.json) {
        json::array p;
        for (const auto& s : problems) p.push_back(json::string(s));
        print_json(out, json::object{{"command", "db check"},
                                     {"ok", ok},
                                     {"workspace", path.string()},
                                     {"schema_version", db.schema_version()},
                                     {"newest_schema_version", store::kSchemaVersion},
                                     {"demo", info.demo},
                                     {"retirees", retirees},
                                     {"units", units},
                                     {"outbox_events", outbox},
                                     {"outbox_pending", pending},
                                     {"import_batches", batches},
                                     {"problems", std::move(p)}});
    } else {
        out << "workspace:      " << path.string() << (info.demo ? " (demo)" : "") << "\n"
            << "schema version: " << db.schema_version() << " (newest " << store::kSchemaVersion
            << ")\n"
            << "integrity:      " << (ok ? "ok" : "PROBLEMS") << "\n"
            << "retirees:       " << retirees << "\n"
            << "units:          " << units << "\n"
            << "outbox:         " << outbox << " events, " << pending << " pending\n"
            << "import batches: " << batches << "\n";
        for (const auto& s : problems) out << "problem: " << s << "\n";
    }
    return ok ? exit_code::kOk : exit_code::kInvalidData;
}

}  // namespace

int run_admin(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err, const std::vector<Subcommand>& extra) {
    Globals g;
    std::size_t i = 0;
    try {
        // Global options before the command.
        for (; i < args.size(); ++i) {
            if (args[i] == "--json") {
                g.json = true;
            } else if (args[i] == "--db") {
                if (i + 1 >= args.size()) throw Usage("--db needs a path");
                g.db = fs::path(args[++i]);
            } else if (args[i].rfind("--db=", 0) == 0) {
                g.db = fs::path(args[i].substr(5));
            } else if (args[i] == "--help" || args[i] == "-h" || args[i] == "help") {
                out << kUsageText;
                for (const auto& s : extra) out << "  " << s.name << ": " << s.summary << "\n";
                return exit_code::kOk;
            } else {
                break;
            }
        }
        if (i >= args.size()) throw Usage("no command given");
        const std::string command = args[i];
        const std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                            args.end());
        if (command == "validate-id") {
            Globals local = g;
            return cmd_validate_id(take_globals(rest, local), local, out);
        }
        if (command == "import") return cmd_import(rest, g, out, err);
        if (command == "export") return cmd_export(rest, g, out);
        if (command == "db") return cmd_db(rest, g, out);
        for (const auto& s : extra) {
            if (s.name != command) continue;
            // Hand the globals on in the subcommand's own syntax.
            std::vector<std::string> forwarded = rest;
            if (g.json) forwarded.insert(forwarded.begin(), "--json");
            if (g.db) {
                forwarded.insert(forwarded.begin(), g.db->string());
                forwarded.insert(forwarded.begin(), "--db");
            }
            return s.run(forwarded, in, out, err);
        }
        throw Usage("unknown command '" + command + "'");
    } catch (const Usage& e) {
        err << "pensiondesk-admin: " << e.what() << "\n" << kUsageText;
        for (const auto& s : extra) err << "  " << s.name << ": " << s.summary << "\n";
        return exit_code::kUsage;
    } catch (const store::WorkspaceRejected& e) {
        if (g.json) print_json(out, json::object{{"ok", false}, {"error", e.what()}});
        err << "pensiondesk-admin: " << e.what() << "\n";
        return exit_code::kWorkspace;
    } catch (const store::StoreError& e) {
        if (g.json) print_json(out, json::object{{"ok", false}, {"error", e.what()}});
        err << "pensiondesk-admin: " << e.what() << "\n";
        return exit_code::kWorkspace;
    } catch (const std::exception& e) {
        if (g.json) print_json(out, json::object{{"ok", false}, {"error", e.what()}});
        err << "pensiondesk-admin: internal error: " << e.what() << "\n";
        return exit_code::kInternal;
    }
}

}  // namespace pd::admin
