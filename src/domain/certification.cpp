#include "domain/certification.h"

namespace pd {

std::string_view to_string(CertificationMethod m) {
    switch (m) {
        case CertificationMethod::CounterFace:
            return "counter_face";
        case CertificationMethod::HomeVisit:
            return "home_visit";
        case CertificationMethod::ManualReview:
            return "manual_review";
        case CertificationMethod::Overseas:
            return "overseas";
    }
    return "counter_face";
}

std::string_view to_string(CertificationOutcome o) {
    switch (o) {
        case CertificationOutcome::Passed:
            return "passed";
        case CertificationOutcome::Failed:
            return "failed";
        case CertificationOutcome::PendingReview:
            return "pending_review";
        case CertificationOutcome::Rejected:
            return "rejected";
    }
    return "failed";
}

}  // namespace pd
