#include "domain/certification_service.h"

#include <algorithm>

#include "domain/receipt_code.h"

namespace pd {

namespace {

Error refuse(std::string code, std::string text, std::vector<std::string> args = {}) {
    return Error{std::move(code), "", std::move(text), std::move(args)};
}

std::vector<Certification> newest_first(std::vector<Certification> h) {
    std::sort(h.begin(), h.end(), [](const auto& a, const auto& b) { return a.at > b.at; });
    return h;
}

}  // namespace

std::string_view to_string(EnrollmentState s) {
    switch (s) {
        case EnrollmentState::Pending:
            return "pending";
        case EnrollmentState::Active:
            return "active";
        case EnrollmentState::Superseded:
            return "superseded";
    }
    return "pending";
}

std::string_view to_string(HomeVisitState s) {
    switch (s) {
        case HomeVisitState::Draft:
            return "draft";
        case HomeVisitState::Queued:
            return "queued";
        case HomeVisitState::Assigned:
            return "assigned";
        case HomeVisitState::Done:
            return "done";
        case HomeVisitState::Cancelled:
            return "cancelled";
    }
    return "draft";
}

CertificationService::CertificationService(RetireeRepository& retirees,
                                           CertificationRepository& certs,
                                           const ScriptChecker& script, const Clock& clock,
                                           UuidGenerator& ids, const ScopeResolver& scopes,
                                           CertificationSettings settings)
    : retirees_(retirees),
      certs_(certs),
      script_(script),
      clock_(clock),
      ids_(ids),
      scopes_(scopes),
      settings_(std::move(settings)) {}

void CertificationService::audit(const Actor& actor, AuditAction action, const Uuid& subject,
                                 std::string outcome, std::string detail) const {
    if (!audit_) return;
    audit_->append(make_audit(actor, clock_.now(), action, "retiree",
                              subject.is_nil() ? "" : subject.str(), std::move(outcome),
                              std::move(detail)));
}

Expected<Retiree> CertificationService::load_for(const Uuid& retiree, Permission p,
                                                 const Actor& actor) const {
    const auto denied = [&] {
        audit(actor, AuditAction::PermissionDenied, retiree, "denied", std::string(to_string(p)));
        return permission_denied(actor, p);
    };
    if (!role_allows(actor.role, p)) return denied();
    auto r = retirees_.by_id(retiree);
    if (!r) return refuse("retiree.not_found", PD_N("the record no longer exists"));
    if (!allows(actor, p, scopes_.scope_of(*r, actor))) return denied();
    return *r;
}

int CertificationService::consecutive_failures(const std::vector<Certification>& history) const {
    int n = 0;
    for (const auto& c : newest_first(history)) {
        if (c.outcome != CertificationOutcome::Failed) break;
        ++n;
    }
    return n;
}

Expected<Eligibility> CertificationService::eligibility(
    const Uuid& retiree, const std::optional<PresentedIdentity>& presented,
    const Actor& actor) const {
    auto r = load_for(retiree, Permission::RetireeCertify, actor);
    if (!r) return r.error();
    audit(actor, AuditAction::RetireeViewed, retiree, "ok", "eligibility");
    const auto history = certs_.history(retiree);
    return check_eligibility(
        EligibilityInput{*r, presented, history, certs_.active_enrollment(retiree).has_value(),
                         settings_.served_scheme, clock_.today(), settings_.cycle},
        script_);
}

Expected<Enrollment> CertificationService::begin_enrollment(
    const Uuid& retiree, const ConsentRecord& consent, std::string template_blob,
    std::string photo_blob, std::string model_version, const Actor& actor) {
    auto r = load_for(retiree, Permission::RetireeCertify, actor);
    if (!r) return r.error();
    if (r->status != RetireeStatus::Active) {
        return refuse("enrollment.status", PD_N("only an active record can be enrolled"));
    }
    if (consent.text.empty() || consent.text_version.empty() || consent.given_by.empty()) {
        return refuse("enrollment.consent",
                      PD_N("record the retiree's consent to face processing before capturing"));
    }
    if (template_blob.empty()) {
        return refuse("enrollment.template", PD_N("no face template was captured"));
    }
    Enrollment e;
    e.id = ids_.next(clock_.now());
    e.retiree_id = retiree;
    e.state = EnrollmentState::Pending;
    e.consent = consent;
    e.consent.recorded_by = actor.staff_id;
    e.template_blob = std::move(template_blob);
    e.photo_blob = std::move(photo_blob);
    e.model_version = std::move(model_version);
    e.captured_by = actor.staff_id;
    e.captured_at = clock_.now();
    certs_.add(e, ChangeNote{actor, "enroll", "consent " + consent.text_version});
    audit(actor, AuditAction::Certification, retiree, "ok",
          "enrolment captured; consent " + consent.text_version + " given by " + consent.given_by);
    return e;
}

Expected<Enrollment> CertificationService::confirm_enrollment(const Uuid& enrollment,
                                                              const Actor& actor) {
    auto e = certs_.enrollment(enrollment);
    if (!e) return refuse("enrollment.not_found", PD_N("the enrolment no longer exists"));
    auto r = load_for(e->retiree_id, Permission::RetireeCertify, actor);
    if (!r) return r.error();
    if (e->state != EnrollmentState::Pending) {
        return refuse("enrollment.state", PD_N("this enrolment was already decided"));
    }
    e->state = EnrollmentState::Active;
    e->confirmed_by = actor.staff_id;
    e->confirmed_at = clock_.now();
    certs_.activate(*e, ChangeNote{actor, "confirm_enrollment", ""});
    audit(actor, AuditAction::Certification, e->retiree_id, "ok", "enrolment confirmed");
    return *e;
}

Expected<AttemptResult> CertificationService::record_attempt(const Uuid& retiree,
                                                             const FaceAttempt& attempt,
                                                             const std::optional<ProxyAgent>& proxy,
                                                             const Actor& actor) {
    auto r = load_for(retiree, Permission::RetireeCertify, actor);
    if (!r) return r.error();
    const auto elig = check_eligibility(
        EligibilityInput{*r, std::nullopt, certs_.history(retiree),
                         certs_.active_enrollment(retiree).has_value(), settings_.served_scheme,
                         clock_.today(), settings_.cycle},
        script_);
    if (!elig.can_certify()) {
        for (const auto& reason : elig.reasons) {
            if (reason.blocking) {
                audit(actor, AuditAction::Certification, retiree, "refused", reason.code);
                return Error{"certification." + reason.code, "", reason.text, reason.args};
            }
        }
    }

    Certification c;
    c.id = ids_.next(clock_.now());
    c.retiree_id = retiree;
    c.method = CertificationMethod::CounterFace;
    c.at = clock_.now();
    c.staff_id = actor.staff_id;
    c.staff_name = actor.staff_name;
    c.workstation = actor.workstation;
    c.place = settings_.place;
    c.similarity = attempt.similarity;
    c.liveness = attempt.liveness;
    c.actions = attempt.actions;
    c.proxy = proxy;
    c.model_version = attempt.model_version;
    c.evidence_blobs = attempt.evidence_blobs;

    // A live face that is the relative's or a clerk's is never a pass, whatever the scores.
    if (!attempt.matched_other.empty()) {
        c.outcome = CertificationOutcome::Failed;
        c.failure_reason = "face_matches_" + attempt.matched_other;
    } else if (attempt.passed) {
        c.outcome = CertificationOutcome::Passed;
        c.valid_until = valid_until_for(clock_.today(), settings_.cycle);
        c.receipt_number = make_receipt_number(c.id, static_cast<int>(clock_.today().year()));
    } else {
        c.outcome = CertificationOutcome::Failed;
        c.failure_reason = attempt.failure_reason.empty() ? "failed" : attempt.failure_reason;
    }
    certs_.add(
        c,
        ChangeNote{actor, c.outcome == CertificationOutcome::Passed ? "certify" : "certify_failed",
                   c.failure_reason});

    audit(actor, AuditAction::Certification, retiree, std::string(to_string(c.outcome)),
          c.outcome == CertificationOutcome::Passed
              ? "receipt " + c.receipt_number + ", valid until " + to_iso(c.valid_until) +
                    (c.proxy ? ", proxy " + c.proxy->relationship : "")
              : c.failure_reason);

    AttemptResult result{c, 0, {}};
    if (c.outcome != CertificationOutcome::Passed) {
        result.consecutive_failures = consecutive_failures(certs_.history(retiree));
        result.next_steps.push_back(NextStep::Retry);
        if (result.consecutive_failures >= settings_.failures_before_escalation) {
            result.next_steps.push_back(NextStep::ManualReview);
            result.next_steps.push_back(NextStep::HomeVisit);
        }
    }
    return result;
}

Expected<Certification> CertificationService::request_review(const Uuid& retiree,
                                                             const Actor& actor) {
    auto r = load_for(retiree, Permission::RetireeCertify, actor);
    if (!r) return r.error();
    const auto history = newest_first(certs_.history(retiree));
    const int failures = consecutive_failures(history);
    if (failures < settings_.failures_before_escalation) {
        return refuse(
            "review.too_early",
            PD_N("a manual review is offered after {1} failed attempts; there have "
                 "been {2}"),
            {std::to_string(settings_.failures_before_escalation), std::to_string(failures)});
    }
    Certification c;
    c.id = ids_.next(clock_.now());
    c.retiree_id = retiree;
    c.method = CertificationMethod::ManualReview;
    c.outcome = CertificationOutcome::PendingReview;
    c.at = clock_.now();
    c.staff_id = actor.staff_id;
    c.staff_name = actor.staff_name;
    c.workstation = actor.workstation;
    c.place = settings_.place;
    // The reviewer sees the evidence of every failed attempt in the run.
    for (int i = 0; i < failures; ++i) {
        const auto& f = history[static_cast<std::size_t>(i)];
        c.evidence_blobs.insert(c.evidence_blobs.end(), f.evidence_blobs.begin(),
                                f.evidence_blobs.end());
        c.similarity = std::max(c.similarity, f.similarity);
        c.liveness = std::max(c.liveness, f.liveness);
    }
    certs_.add(c, ChangeNote{actor, "request_review", ""});
    audit(actor, AuditAction::Certification, retiree, "pending_review", "manual review requested");
    return c;
}

Expected<Certification> CertificationService::decide_review(const Uuid& review, bool approve,
                                                            const std::string& reason,
                                                            const Actor& supervisor) {
    if (supervisor.role != Role::Supervisor) {
        return permission_denied(supervisor, Permission::RetireeCertify);
    }
    auto c = certs_.certification(review);
    if (!c || c->outcome != CertificationOutcome::PendingReview) {
        return refuse("review.not_pending", PD_N("there is no pending review with this number"));
    }
    auto r = load_for(c->retiree_id, Permission::RetireeCertify, supervisor);
    if (!r) return r.error();
    if (c->staff_id == supervisor.staff_id) {
        return refuse("review.four_eyes",
                      PD_N("the review must be decided by another supervisor than the one who "
                           "asked for it"));
    }
    if (auto e = check_free_text(reason, "reason", 200, true)) return *e;
    c->reviewed_by = supervisor.staff_id;
    c->review_reason = reason;
    if (approve) {
        c->outcome = CertificationOutcome::Passed;
        c->valid_until = valid_until_for(clock_.today(), settings_.cycle);
        c->receipt_number = make_receipt_number(c->id, static_cast<int>(clock_.today().year()));
    } else {
        c->outcome = CertificationOutcome::Rejected;
        c->failure_reason = "review_rejected";
    }
    certs_.update(*c, ChangeNote{supervisor, approve ? "review_approve" : "review_reject", reason});
    audit(supervisor, AuditAction::Certification, c->retiree_id,
          approve ? "review_approved" : "review_rejected", reason);
    return *c;
}

Expected<HomeVisitCase> CertificationService::request_home_visit(const Uuid& retiree,
                                                                 const std::string& reason,
                                                                 const Actor& actor) {
    auto r = load_for(retiree, Permission::RetireeCertify, actor);
    if (!r) return r.error();
    if (auto e = check_free_text(reason, "reason", 200, true)) return *e;
    for (const auto& existing : certs_.home_visits(retiree)) {
        if (existing.state != HomeVisitState::Done && existing.state != HomeVisitState::Cancelled) {
            return refuse("home_visit.open",
                          PD_N("a home visit for this retiree is already open ({1})"),
                          {std::string(to_string(existing.state))});
        }
    }
    HomeVisitCase c;
    c.id = ids_.next(clock_.now());
    c.retiree_id = retiree;
    c.state = HomeVisitState::Draft;
    c.reason = reason;
    c.requested_by = actor.staff_id;
    c.requested_at = clock_.now();
    certs_.add(c, ChangeNote{actor, "request_home_visit", reason});
    audit(actor, AuditAction::Certification, retiree, "home_visit_requested", reason);
    return c;
}

Expected<std::vector<Certification>> CertificationService::history(const Uuid& retiree,
                                                                   const Actor& actor) const {
    auto r = load_for(retiree, Permission::RetireeView, actor);
    if (!r) return r.error();
    audit(actor, AuditAction::RetireeViewed, retiree, "ok", "certification history");
    return newest_first(certs_.history(retiree));
}

Expected<std::vector<ProxyAgent>> CertificationService::known_proxies(const Uuid& retiree,
                                                                      const Actor& actor) const {
    // Offered while certifying: the relatives' ID numbers and phones are personal data too.
    auto r = load_for(retiree, Permission::RetireeCertify, actor);
    if (!r) return r.error();
    return certs_.known_proxies(retiree);
}

Expected<DueLists> CertificationService::due_lists(std::string_view unit,
                                                   const Actor& actor) const {
    if (!allows(actor, Permission::RetireeView)) {
        return permission_denied(actor, Permission::RetireeView);
    }
    if (actor.role == Role::UnitClerk && !unit.empty() && unit != actor.unit) {
        return permission_denied(actor, Permission::RetireeView);
    }
    const std::string_view scope_unit = actor.role == Role::UnitClerk ? actor.unit : unit;
    const Date today = clock_.today();
    const auto month_end = Date{today.year() / today.month() / std::chrono::last};
    DueLists lists;
    // Rows valid beyond this month are in no list: the store leaves them out.
    for (auto& row : certs_.validity_by_unit(scope_unit, month_end)) {
        const RetireeScope scope{row.employer_unit, row.id_number.substr(0, 6), false};
        if (!allows(actor, Permission::RetireeView, scope)) continue;
        const auto due = due_status_for(row.valid_until, today, settings_.cycle);
        if (due.state == DueState::NeverCertified) {
            lists.never_certified.push_back(std::move(row));
        } else if (due.state == DueState::Overdue) {
            lists.overdue.push_back(std::move(row));
        } else if (row.valid_until && *row.valid_until <= month_end) {
            lists.due_this_month.push_back(std::move(row));
        }
    }
    return lists;
}

}  // namespace pd
