#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/registry_service.h"
#include "domain/script_checker.h"
#include "domain/uuid.h"
#include "ui/workspace.h"

namespace pd::ui {

// Everything the window's areas share: the open workspace, the domain services over it and who
// is at the keyboard. Not movable (the services hold references into it): made by make().
struct Session {
    Workspace workspace;
    std::unique_ptr<ScriptChecker> script;
    SystemClock clock;
    UuidGenerator ids;
    std::unique_ptr<RegistryService> registry;
    Actor actor;  // who is at the keyboard; the login sets it

    Session() = default;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Opens the workspace (see open_workspace) with the services over it. Throws
    // std::exception with a message naming the file or the missing OpenCC data.
    [[nodiscard]] static std::unique_ptr<Session> open(
        const std::optional<std::filesystem::path>& db, Actor actor);
};

// The account of the person logged in to the desktop, until staff accounts and login exist.
[[nodiscard]] Actor desktop_actor();

}  // namespace pd::ui
