#pragma once

#include <string>

#include "domain/certification.h"
#include "domain/retiree_validation.h"

namespace pd {

// What the clerk typed (or the card reader filled) for a relative who assists.
struct ProxyDraft {
    std::string name;
    std::string id_number;
    std::string phone;
    std::string relationship;
};

// Checks a proxy like any person (name in simplified characters, valid ID number, mobile
// phone, a relationship) and refuses the retiree as their own proxy.
[[nodiscard]] Expected<ProxyAgent, FieldErrors> validate_proxy(const ProxyDraft& draft,
                                                               const Retiree& retiree,
                                                               const ScriptChecker& script,
                                                               Date today);

}  // namespace pd
