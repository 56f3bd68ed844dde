#include <wx/intl.h>

#include "store/auth_context.h"
#include "ui/area.h"
#include "ui/audit_viewer_panel.h"
#include "ui/certification_panel.h"
#include "ui/due_list_panel.h"
#include "ui/later_release_panel.h"
#include "ui/registry_panel.h"
#include "ui/session.h"
#include "ui/settings_panel.h"
#include "ui/staff_area.h"

namespace pd::ui {

namespace {
Area later(std::string id, const wxString& label, const wxString& explanation) {
    return Area{
        std::move(id), label, [label, explanation](wxWindow* parent, Session&) {
            return static_cast<wxWindow*>(new LaterReleasePanel(parent, label, explanation));
        }};
}
}  // namespace

std::vector<Area> default_areas() {
    std::vector<Area> areas;
    areas.push_back(Area{"registry", _("Retirees"), [](wxWindow* parent, Session& s) {
                             return static_cast<wxWindow*>(new RegistryPanel(parent, s));
                         }});
    areas.push_back(Area{"certification", _("Certification"), [](wxWindow* parent, Session& s) {
                             return make_certification_panel(parent, s);
                         }});
    areas.push_back(Area{"due", _("Due for certification"), [](wxWindow* parent, Session& s) {
                             return make_due_list_panel(parent, s);
                         }});
    areas.push_back(
        later("payments", _("Pension payments"),
              _("Review of pension payments that failed (payment status and reason, e.g. a closed "
                "bank account), and bank account change requests, with every step in the audit "
                "log.")));
    areas.push_back(
        later("home_visits", _("Home visits"),
              _("The queue of home-visit cases for retirees who cannot pass face certification at "
                "home or at the counter (bedridden, in hospital), assigned to home-visit teams who "
                "certify on a laptop and sync when back online.")));
    areas.push_back(later(
        "sync", _("Sync"),
        _("Uploads what this workstation saved (registrations, certifications) to the agency's "
          "central server and fetches changes made elsewhere; works offline and catches up "
          "later, so nothing a clerk saved is lost.")));
    areas.push_back(Area{"staff", _("Staff accounts"),
                         [](wxWindow* parent, Session& s) { return make_staff_area(parent, s); }});
    areas.push_back(Area{"audit", _("Audit log"), [](wxWindow* parent, Session& s) {
                             return static_cast<wxWindow*>(new AuditViewerPanel(
                                 parent, s.auth->audit(), s.auth->audit(), s.clock, s.actor));
                         }});
    areas.push_back(Area{"settings", _("Settings"), [](wxWindow* parent, Session& s) {
                             return static_cast<wxWindow*>(new SettingsPanel(parent, s));
                         }});
    return areas;
}

}  // namespace pd::ui
