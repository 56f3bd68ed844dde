// pensiondesk-admin: the headless tool for agency IT and automation (docs/store.md).
#include <iostream>
#include <string>
#include <vector>

#include "admin/admin_commands.h"
#include "store/audit_command.h"
#include "store/certification_command.h"
#ifdef PD_HAVE_DEVICES
#include "devices/read_card_command.h"
#endif

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::vector<pd::admin::Subcommand> extra;
    extra.push_back({"audit", "verify or export the hash-chained audit log",
                     [](const auto& a, std::istream&, std::ostream& out, std::ostream& err) {
                         return pd::store::run_audit_command(a, out, err);
                     }});
    extra.push_back({"staff", "create the first administrator, list or unlock staff accounts",
                     [](const auto& a, std::istream& in, std::ostream& out, std::ostream& err) {
                         return pd::store::run_staff_command(a, in, out, err);
                     }});
    extra.push_back({"receipt", "verify a certification receipt number (paper receipts)",
                     [](const auto& a, std::istream&, std::ostream& out, std::ostream& err) {
                         return pd::store::run_receipt_command(a, out, err);
                     }});
    extra.push_back({"due", "list retirees due this month, overdue or never certified",
                     [](const auto& a, std::istream&, std::ostream& out, std::ostream& err) {
                         return pd::store::run_due_command(a, out, err);
                     }});
    extra.push_back({"keys", "show or rotate the keyring that encrypts biometrics",
                     [](const auto& a, std::istream&, std::ostream& out, std::ostream& err) {
                         return pd::store::run_keys_command(a, out, err);
                     }});
#ifdef PD_HAVE_DEVICES
    extra.push_back({"read-card", "read a second-generation ID card from the reader",
                     [](const auto& a, std::istream&, std::ostream& out, std::ostream& err) {
                         return pd::devices::run_read_card_command(a, out, err);
                     }});
#endif
    return pd::admin::run_admin(args, std::cin, std::cout, std::cerr, extra);
}
