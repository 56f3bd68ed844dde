#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace pd::admin {

// Exit statuses of pensiondesk-admin (docs/store.md, "pensiondesk-admin").
namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kInvalidData = 1;  // bad rows, invalid ID numbers, integrity check failed
inline constexpr int kUsage = 2;        // unknown command or option, missing argument
inline constexpr int kWorkspace = 3;    // the workspace cannot be opened (see the message)
inline constexpr int kFile = 4;         // the roster file cannot be read or is malformed
inline constexpr int kInternal = 70;    // anything else (a bug: please report it)
}  // namespace exit_code

// A subcommand another component supplies (read-card, audit, staff): it gets the arguments
// after its name and parses its own options.
struct Subcommand {
    std::string name;
    std::string summary;  // one line for the usage text
    std::function<int(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                      std::ostream& err)>
        run;
};

// Runs `pensiondesk-admin` with `args` (without the program name): the built-in commands
// (import, export, validate-id, db check) and any `extra` ones. Never throws.
int run_admin(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err, const std::vector<Subcommand>& extra = {});

}  // namespace pd::admin
