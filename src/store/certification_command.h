#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace pd::store {

// `pensiondesk-admin` commands of the certification work (args after the command word):
//   receipt verify NUMBER --db W [--json]   is a paper receipt genuine? exit 0 when the check
//                                           digits hold and the workspace has it, 1 otherwise
//   due --db W [--unit UNIT] [--json]       whom to call in: due this month, overdue, never
//                                           certified (rolling 12-month cycle)
//   keys show --db W [--json]               where the workspace's keyring is, its active key
//   keys rotate --db W                      new key, reseal every blob, retire the old key
// --db defaults to the user's workspace (default_workspace_path()).
// Exit 2: usage; 3: the workspace or keyring cannot be opened.
int run_receipt_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_due_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_keys_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace pd::store
