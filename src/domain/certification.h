#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/id_number.h"
#include "domain/person_name.h"
#include "domain/phone.h"
#include "domain/uuid.h"

namespace pd {

// How a retiree proved they are alive and entitled this cycle.
enum class CertificationMethod {
    CounterFace,   // face + liveness at an agency or HR office counter
    HomeVisit,     // a team visited (bedridden, deaf, demented: the FAQ's case 5)
    ManualReview,  // a supervisor approved after failed face attempts, on the evidence
    Overseas,      // abroad: through the overseas route (FAQ case 6)
};
enum class CertificationOutcome { Passed, Failed, PendingReview, Rejected };

[[nodiscard]] std::string_view to_string(CertificationMethod m);
[[nodiscard]] std::string_view to_string(CertificationOutcome o);

// A relative who assists (亲友代办). The retiree's own face is still the one certified.
struct ProxyAgent {
    PersonName name;
    IdNumber id_number;
    MobilePhone phone;
    std::string relationship;  // 子女, 配偶, ...
};

struct Certification {
    Uuid id;
    Uuid retiree_id;
    CertificationMethod method = CertificationMethod::CounterFace;
    CertificationOutcome outcome = CertificationOutcome::Passed;
    std::chrono::system_clock::time_point at;
    Date valid_until;  // the last day this certification keeps the pension paid
    std::string staff_id;
    std::string staff_name;
    std::string workstation;
    std::string place;        // the office or unit where it was done
    double similarity = 0.0;  // face match score, 0 when not a face method
    double liveness = 0.0;
    std::vector<std::string> actions;  // "nod", "blink", ...
    std::optional<ProxyAgent> proxy;
    std::string failure_reason;               // code, when not passed
    std::string receipt_number;               // printed on the receipt
    std::string model_version;                // face models that judged it
    std::vector<std::string> evidence_blobs;  // store blob ids of sealed evidence frames
    std::string reviewed_by;                  // supervisor who decided a manual review
    std::string review_reason;
};

}  // namespace pd
