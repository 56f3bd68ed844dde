#include "store/retiree_json.h"

#include <boost/json.hpp>

namespace pd::store {

std::string retiree_payload(const Retiree& r, std::string_view updated_at) {
    boost::json::object o;
    o["uuid"] = r.id.str();
    o["id_number"] = r.id_number.str();
    o["name"] = r.name.str();
    o["gender"] = std::string(to_string(r.gender));
    o["birth_date"] = to_iso(r.birth_date);
    o["ethnicity"] = r.ethnicity;
    o["employer_unit"] = r.employer_unit;
    if (r.retirement_date) {
        o["retirement_date"] = to_iso(*r.retirement_date);
    } else {
        o["retirement_date"] = nullptr;
    }
    if (r.phone) {
        o["phone"] = r.phone->str();
    } else {
        o["phone"] = nullptr;
    }
    o["phone_shared_by_family"] = r.phone_shared_by_family;
    o["address"] = r.address;
    o["social_security_card"] = r.social_security_card;
    o["scheme"] = std::string(to_string(r.scheme));
    o["overseas"] = r.overseas;
    o["status"] = std::string(to_string(r.status));
    o["status_reason"] = r.status_reason;
    o["revision"] = r.revision;
    o["updated_at"] = std::string(updated_at);
    return boost::json::serialize(o);
}

}  // namespace pd::store
