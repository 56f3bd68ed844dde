#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/registry_service.h"
#include "domain/script_checker.h"
#include "domain/session.h"
#include "domain/uuid.h"
#include "ui/workspace.h"

namespace pd::store {
class AuthContext;
}

namespace pd::ui {

// Everything the window's areas share: the open workspace, the domain services over it and who
// is at the keyboard. Not movable (the services hold references into it): made by open().
struct Session {
    Workspace workspace;
    std::unique_ptr<ScriptChecker> script;
    SystemClock clock;
    UuidGenerator ids;
    std::unique_ptr<store::AuthContext> auth;  // staff sign-in and the audit log
    std::unique_ptr<RegistryService> registry;
    Actor actor;                           // who is at the keyboard; set by sign_in()
    std::optional<pd::Session> signed_in;  // the staff session behind `actor`

    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Opens the workspace (see open_workspace) with the services over it, the registry audited
    // into the workspace's audit log. `actor` acts until someone signs in (the app passes nobody:
    // a default Actor is refused everything). Throws std::exception with a message naming the
    // file or the missing OpenCC data.
    [[nodiscard]] static std::unique_ptr<Session> open(
        const std::optional<std::filesystem::path>& db, Actor actor);

    // A staff member signed in (or took over at the lock screen): their role and scope now
    // decide what the window lists and allows. The registry list is narrowed to their scope.
    void sign_in(const pd::Session& staff);

  private:
    std::shared_ptr<RetireeDirectory> all_rows_;  // unscoped; only ever seen through a scope
    std::function<std::shared_ptr<RetireeDirectory>()> open_all_rows_;
};

}  // namespace pd::ui
