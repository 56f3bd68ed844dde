#include "store/certification_command.h"

#include <boost/json.hpp>
#include <filesystem>
#include <iomanip>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>

#include "domain/certification_service.h"
#include "domain/receipt_code.h"
#include "store/blob_cipher.h"
#include "store/certification_settings_store.h"
#include "store/sealed_blob_store.h"
#include "store/sqlite_certification_repository.h"
#include "store/sqlite_retiree_repository.h"
#include "store/store_error.h"
#include "store/workspace.h"
#include "store/workspace_keys.h"

namespace pd::store {

namespace {

namespace json = boost::json;

constexpr int kUsage = 2;
constexpr int kWorkspace = 3;

// --db PATH, --unit U, --json; the rest are positional. nullopt on a dangling option.
struct Args {
    std::map<std::string, std::string> options;
    std::vector<std::string> positional;
    bool json = false;
};

std::optional<Args> parse_args(const std::vector<std::string>& args, std::size_t first,
                               std::ostream& err) {
    Args a;
    for (std::size_t i = first; i < args.size(); ++i) {
        const auto& s = args[i];
        if (s == "--json") {
            a.json = true;
        } else if (s == "--db" || s == "--unit") {
            if (i + 1 >= args.size()) {
                err << "error: " << s << " needs a value\n";
                return std::nullopt;
            }
            a.options[s] = args[++i];
        } else if (s.starts_with("--")) {
            err << "error: unknown option " << s << "\n";
            return std::nullopt;
        } else {
            a.positional.push_back(s);
        }
    }
    if (!a.options.contains("--db")) {
        // Like the other admin commands: the user's own workspace unless told otherwise.
        try {
            const auto path = default_workspace_path();
            if (!std::filesystem::exists(path)) {
                err << "error: no workspace at " << path.string()
                    << " (start PensionDesk once, or give --db PATH)\n";
                return std::nullopt;
            }
            a.options["--db"] = path.string();
        } catch (const std::exception& e) {
            err << "error: no --db given and " << e.what() << "\n";
            return std::nullopt;
        }
    }
    return a;
}

std::string mask(const std::string& id_number) {
    return id_number.size() == 18
               ? id_number.substr(0, 4) + std::string(10, '*') + id_number.substr(14)
               : id_number;
}

json::object row_json(const ValidityRow& r) {
    json::object o{{"retiree_id", r.retiree_id.str()},
                   {"name", r.name},
                   {"id_number", mask(r.id_number)},
                   {"unit", r.employer_unit},
                   {"phone", r.phone}};
    o["valid_until"] = r.valid_until ? json::value(to_iso(*r.valid_until)) : json::value(nullptr);
    return o;
}

}  // namespace

int run_receipt_command(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
    const std::size_t first = !args.empty() && args[0] == "receipt" ? 1 : 0;
    auto a = parse_args(args, first, err);
    if (!a) return kUsage;
    if (a->positional.size() != 2 || a->positional[0] != "verify") {
        err << "usage: receipt verify NUMBER --db WORKSPACE [--json]\n";
        return kUsage;
    }
    const std::string& number = a->positional[1];
    const bool digits_ok = receipt_number_valid(number);
    std::optional<Certification> found;
    if (digits_ok) {
        try {
            Database db(a->options["--db"]);
            SystemClock clock;
            SqliteCertificationRepository certs(db, clock);
            found = certs.by_receipt(number);
        } catch (const std::exception& e) {
            err << "error: " << e.what() << "\n";
            return kWorkspace;
        }
    }
    const bool genuine = found && found->outcome == CertificationOutcome::Passed;
    if (a->json) {
        json::object o{{"number", number}, {"check_digits_valid", digits_ok}, {"genuine", genuine}};
        if (found) {
            o["certified_at"] = to_utc_iso(found->at);
            o["valid_until"] = to_iso(found->valid_until);
            o["place"] = found->place;
            o["method"] = std::string(to_string(found->method));
        }
        out << json::serialize(o) << "\n";
    } else if (!digits_ok) {
        out << number
            << ": not a receipt number (the check digits do not match; mistyped or "
               "altered)\n";
    } else if (!genuine) {
        out << number << ": well-formed, but this workspace has no such certification\n";
    } else {
        out << number << ": genuine; certified " << to_utc_iso(found->at) << " at " << found->place
            << ", valid until " << to_iso(found->valid_until) << "\n";
    }
    return genuine ? 0 : 1;
}

int run_due_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const std::size_t first = !args.empty() && args[0] == "due" ? 1 : 0;
    auto a = parse_args(args, first, err);
    if (!a) return kUsage;
    if (!a->positional.empty()) {
        err << "usage: due --db WORKSPACE [--unit UNIT] [--json]\n";
        return kUsage;
    }
    try {
        Database db(a->options["--db"]);
        SystemClock clock;
        SqliteRetireeRepository retirees(db, clock);
        SqliteCertificationRepository certs(db, clock);
        UuidGenerator ids;
        DefaultScopeResolver scopes;
        // The admin tool reads the lists; it certifies nothing, so no script checker is needed
        // beyond the service's construction.
        struct NoScript final : ScriptChecker {
            std::optional<char32_t> simplified_of(char32_t) const override { return std::nullopt; }
        } script;
        // The workspace's cycle, as the workstations apply it.
        CertificationService service(retirees, certs, script, clock, ids, scopes,
                                     load_certification_settings(db, "pensiondesk-admin"));
        auto lists = service.due_lists(a->options["--unit"],
                                       system_actor("pensiondesk-admin", "pensiondesk-admin"));
        if (!lists) {
            err << "error: " << lists.error().message() << "\n";
            return kWorkspace;
        }
        if (a->json) {
            const auto arr = [](const std::vector<ValidityRow>& rows) {
                json::array out_rows;
                for (const auto& r : rows) out_rows.push_back(row_json(r));
                return out_rows;
            };
            out << json::serialize(json::object{{"due_this_month", arr(lists->due_this_month)},
                                                {"overdue", arr(lists->overdue)},
                                                {"never_certified", arr(lists->never_certified)}})
                << "\n";
        } else {
            const auto section = [&](const char* title, const std::vector<ValidityRow>& rows) {
                out << title << " (" << rows.size() << ")\n";
                for (const auto& r : rows) {
                    out << "  " << mask(r.id_number) << "  " << r.name << "  " << r.employer_unit
                        << "  " << r.phone << "  " << (r.valid_until ? to_iso(*r.valid_until) : "-")
                        << "\n";
                }
            };
            section("due this month", lists->due_this_month);
            section("overdue", lists->overdue);
            section("never certified", lists->never_certified);
        }
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << e.what() << "\n";
        return kWorkspace;
    }
}

int run_keys_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const std::size_t first = !args.empty() && args[0] == "keys" ? 1 : 0;
    auto a = parse_args(args, first, err);
    if (!a) return kUsage;
    if (a->positional.size() != 1 || (a->positional[0] != "show" && a->positional[0] != "rotate")) {
        err << "usage: keys show|rotate --db WORKSPACE [--json]\n";
        return kUsage;
    }
    try {
        Database db(a->options["--db"]);
        const auto path = keyring_path_for(db);
        auto ring = Keyring::open_or_create(path);
        std::size_t resealed = 0;
        if (a->positional[0] == "rotate") {
            // Crash-safe order: the new key is saved before any blob uses it, the old one is
            // dropped only after every blob was resealed in one committed transaction.
            ring.rotate();
            ring.save();
            SystemClock clock;
            const BlobCipher cipher(ring);
            SealedBlobStore blobs(db, cipher, clock);
            resealed = blobs.reseal_all();
            ring.retire_unused();
            ring.save();
        }
        std::ostringstream id;
        for (const auto b : ring.active_id()) {
            id << std::hex << std::setw(2) << std::setfill('0') << static_cast<int>(b);
        }
        if (a->json) {
            out << json::serialize(json::object{{"keyring", path.string()},
                                                {"active_key", id.str()},
                                                {"keys", ring.size()},
                                                {"resealed", resealed}})
                << "\n";
        } else {
            out << "keyring: " << path.string() << "\nactive key: " << id.str()
                << "\nkeys: " << ring.size() << "\n";
            if (a->positional[0] == "rotate") out << "resealed blobs: " << resealed << "\n";
        }
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << e.what() << "\n";
        return kWorkspace;
    }
}

}  // namespace pd::store
