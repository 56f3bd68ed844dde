#include "ui/session.h"

#include "domain/permission.h"
#include "store/auth_context.h"
#include "store/database.h"
#include "text/opencc_script_checker.h"

namespace pd::ui {

namespace {

// A directory seen through an actor's scope, owning the connection it reads.
std::shared_ptr<RetireeDirectory> scoped(std::shared_ptr<RetireeDirectory> inner, Actor actor) {
    struct Holder {
        std::shared_ptr<RetireeDirectory> inner;
        ScopedDirectory scope;
    };
    auto holder =
        std::make_shared<Holder>(Holder{inner, ScopedDirectory(*inner, std::move(actor))});
    return std::shared_ptr<RetireeDirectory>(holder, &holder->scope);
}

}  // namespace

Session::Session() = default;
Session::~Session() {
    // The services refer to the auth context and the workspace: drop them first.
    registry.reset();
    auth.reset();
}

std::unique_ptr<Session> Session::open(const std::optional<std::filesystem::path>& db,
                                       Actor actor) {
    auto s = std::make_unique<Session>();
    s->script = std::make_unique<text::OpenccScriptChecker>();
    s->workspace = open_workspace(db, *s->script);
    s->auth = std::make_unique<store::AuthContext>(s->workspace.database->sql(), s->clock, s->ids);
    s->registry =
        std::make_unique<RegistryService>(*s->workspace.repository, *s->script, s->clock, s->ids);
    s->registry->set_audit(s->auth->audit());
    s->all_rows_ = s->workspace.directory;
    s->open_all_rows_ = s->workspace.open_reader;
    s->actor = std::move(actor);
    s->workspace.directory = scoped(s->all_rows_, s->actor);
    s->workspace.open_reader = [open = s->open_all_rows_, who = s->actor] {
        return scoped(open(), who);
    };
    return s;
}

void Session::sign_in(const pd::Session& staff) {
    signed_in = staff;
    actor = staff.actor;
    workspace.directory = scoped(all_rows_, actor);
    workspace.open_reader = [open = open_all_rows_, who = actor] { return scoped(open(), who); };
}

}  // namespace pd::ui
