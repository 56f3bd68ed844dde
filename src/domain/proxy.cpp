#include "domain/proxy.h"

namespace pd {

Expected<ProxyAgent, FieldErrors> validate_proxy(const ProxyDraft& draft, const Retiree& retiree,
                                                 const ScriptChecker& script, Date today) {
    FieldErrors errors;
    const auto name = PersonName::parse(draft.name, script);
    if (!name) errors.push_back(name.error());
    const auto id = IdNumber::parse(draft.id_number, today);
    if (!id) errors.push_back(id.error());
    const auto phone = MobilePhone::parse(draft.phone);
    if (!phone) errors.push_back(phone.error());
    if (auto e = check_free_text(draft.relationship, "relationship", 20, true)) {
        errors.push_back(*e);
    }
    if (id && *id == retiree.id_number) {
        errors.push_back(Error{"proxy.self",
                               "id_number",
                               PD_N("the proxy is the retiree; a proxy is the relative who "
                                    "assists"),
                               {}});
    }
    if (id && age_on(id->birth_date(), today) < 18) {
        errors.push_back(Error{"proxy.minor",
                               "id_number",
                               PD_N("the proxy is {1} years old; a proxy must be an adult"),
                               {std::to_string(age_on(id->birth_date(), today))}});
    }
    for (auto& e : errors) {
        e.field = "proxy_" + e.field;
    }
    if (!errors.empty()) return errors;
    return ProxyAgent{*name, *id, *phone, draft.relationship};
}

}  // namespace pd
