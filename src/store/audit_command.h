#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace pd::store {

// `pensiondesk-admin audit ...` (args after "audit"; a leading "audit" is accepted too):
//   verify --db WORKSPACE                          exit 0 when the chain holds, 1 naming the
//                                                  first broken entry, 2 on usage errors
//   export --db WORKSPACE --from YYYY-MM-DD --to YYYY-MM-DD [FILE]
//                                                  CSV of the entries of those UTC days
//                                                  (both inclusive) to FILE or `out`
int run_audit_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `pensiondesk-admin staff ...`:
//   create-admin --db WORKSPACE --number N --name NAME   the first administrator of a new
//                                                        workspace; password read from `in`
//   list --db WORKSPACE                                  accounts, roles, status, locks
//   unlock --db WORKSPACE --number N                     break-glass unlock from the machine
//                                                        itself (audited as the admin CLI)
int run_staff_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                      std::ostream& err);

}  // namespace pd::store
