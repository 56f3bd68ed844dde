#include "ui/session.h"

#include <wx/utils.h>

#include "text/opencc_script_checker.h"
#include "ui/text.h"

namespace pd::ui {

std::unique_ptr<Session> Session::open(const std::optional<std::filesystem::path>& db,
                                       Actor actor) {
    auto s = std::make_unique<Session>();
    s->script = std::make_unique<text::OpenccScriptChecker>();
    s->workspace = open_workspace(db, *s->script);
    s->actor = std::move(actor);
    s->registry =
        std::make_unique<RegistryService>(*s->workspace.repository, *s->script, s->clock, s->ids);
    return s;
}

Actor desktop_actor() {
    // A supervisor sees the whole workspace. Stand-in until the staff login sets the actor.
    return Actor{"local:" + to_utf8(wxGetUserId()),
                 to_utf8(wxGetUserName()),
                 to_utf8(wxGetHostName()),
                 Role::Supervisor,
                 {},
                 {}};
}

}  // namespace pd::ui
