#include "ui/staff_area.h"

#include <wx/log.h>

#include <memory>

#include "store/auth_context.h"
#include "ui/certification_services.h"
#include "ui/enrollment_dialog.h"
#include "ui/session.h"
#include "ui/staff_admin_panel.h"
#include "ui/text.h"

namespace pd::ui {

wxWindow* make_staff_area(wxWindow* parent, Session& session) {
    StaffFaceHooks hooks;
    try {
        // Shared by the hooks, so it lives exactly as long as the panel that holds them.
        auto services = std::make_shared<CertificationServices>(session, false);
        hooks.enrolled_at = [services](const Uuid& staff) {
            const auto face = services->staff_faces().face(staff);
            return face ? std::optional(face->enrolled_at) : std::nullopt;
        };
        hooks.enrol = [services](wxWindow* owner, const StaffAccount& account) {
            EnrollmentDialog dlg(
                owner, *services,
                EnrolmentSubject{
                    EnrolmentSubject::Kind::Staff, account.id, account.display_name(), {}},
                services->sources());
            dlg.ShowModal();
        };
        hooks.withdraw = [services](const StaffAccount& account,
                                    const std::string& reason) -> std::optional<Error> {
            auto r = services->withdraw_staff_face(account.id, reason);
            if (!r) return r.error();
            return std::nullopt;
        };
    } catch (const std::exception& e) {
        wxLogWarning("%s", from_utf8(e.what()));
        hooks = {};
    }
    return new StaffAdminPanel(parent, session.auth->service(), session.clock, session.actor,
                               std::move(hooks));
}

}  // namespace pd::ui
