#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/certification_repository.h"
#include "domain/clock.h"
#include "domain/eligibility.h"
#include "domain/permission.h"
#include "domain/proxy.h"

namespace pd {

struct CertificationSettings {
    CycleSettings cycle;
    PensionScheme served_scheme = PensionScheme::PublicInstitution;
    int failures_before_escalation = 3;  // then manual review or a home visit is offered
    std::string place;                   // this office, printed on receipts and in history
};

// What the face engine concluded about one attempt at the counter.
struct FaceAttempt {
    bool passed = false;  // liveness challenge done and the face matched the enrolment
    double similarity = 0.0;
    double liveness = 0.0;
    std::vector<std::string> actions;
    std::string failure_reason;  // engine code when not passed: timeout, spoof_suspected, ...
    // Set when the live face matched someone it must not: "staff" or "proxy".
    std::string matched_other;
    std::string model_version;
    std::vector<std::string> evidence_blobs;
};

enum class NextStep { Retry, ManualReview, HomeVisit };

// Whom an HR office should call in: retirees whose certification runs out this month, those
// already overdue (payments at risk), and those never certified.
struct DueLists {
    std::vector<ValidityRow> due_this_month;
    std::vector<ValidityRow> overdue;
    std::vector<ValidityRow> never_certified;
};

struct AttemptResult {
    Certification record;
    int consecutive_failures = 0;
    std::vector<NextStep> next_steps;  // empty after a pass
};

// The certification workflow's rules: who may certify whom, enrolment before the first
// certification, attempts and their escalation, supervisor review with four eyes, home visits.
class CertificationService {
  public:
    CertificationService(RetireeRepository& retirees, CertificationRepository& certs,
                         const ScriptChecker& script, const Clock& clock, UuidGenerator& ids,
                         const ScopeResolver& scopes, CertificationSettings settings);

    [[nodiscard]] Expected<Eligibility> eligibility(
        const Uuid& retiree, const std::optional<PresentedIdentity>& presented,
        const Actor& actor) const;

    // A captured reference waiting for the clerk's confirmation. Consent must come first.
    Expected<Enrollment> begin_enrollment(const Uuid& retiree, const ConsentRecord& consent,
                                          std::string template_blob, std::string photo_blob,
                                          std::string model_version, const Actor& actor);
    // The clerk confirms the live person matches the ID card: the new enrolment becomes active
    // and the old one (if any) is superseded only now, so a failed re-enrolment loses nothing.
    Expected<Enrollment> confirm_enrollment(const Uuid& enrollment, const Actor& actor);

    Expected<AttemptResult> record_attempt(const Uuid& retiree, const FaceAttempt& attempt,
                                           const std::optional<ProxyAgent>& proxy,
                                           const Actor& actor);
    // After enough failed attempts: a supervisor will look at the evidence.
    Expected<Certification> request_review(const Uuid& retiree, const Actor& actor);
    // Four eyes: the supervisor who decides is not the clerk who asked.
    Expected<Certification> decide_review(const Uuid& review, bool approve,
                                          const std::string& reason, const Actor& supervisor);
    Expected<HomeVisitCase> request_home_visit(const Uuid& retiree, const std::string& reason,
                                               const Actor& actor);

    [[nodiscard]] Expected<std::vector<Certification>> history(const Uuid& retiree,
                                                               const Actor& actor) const;
    // The relatives who assisted this retiree before, the most recent first.
    [[nodiscard]] Expected<std::vector<ProxyAgent>> known_proxies(const Uuid& retiree,
                                                                  const Actor& actor) const;

    // For `unit` (empty: every unit the actor may see), filtered to the actor's scope.
    [[nodiscard]] Expected<DueLists> due_lists(std::string_view unit, const Actor& actor) const;

    [[nodiscard]] const CertificationSettings& settings() const { return settings_; }

    // Every certification, enrolment, review, home-visit request, history view and refusal is
    // appended here (never any biometric data: scores and codes only).
    void set_audit(AuditSink& sink) { audit_ = &sink; }

  private:
    void audit(const Actor& actor, AuditAction action, const Uuid& subject, std::string outcome,
               std::string detail) const;
    Expected<Retiree> load_for(const Uuid& retiree, Permission p, const Actor& actor) const;
    [[nodiscard]] int consecutive_failures(const std::vector<Certification>& history) const;

    RetireeRepository& retirees_;
    CertificationRepository& certs_;
    const ScriptChecker& script_;
    const Clock& clock_;
    UuidGenerator& ids_;
    const ScopeResolver& scopes_;
    CertificationSettings settings_;
    AuditSink* audit_ = nullptr;
};

}  // namespace pd
