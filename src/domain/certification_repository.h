#pragma once

#include <optional>
#include <vector>

#include "domain/certification.h"
#include "domain/enrollment.h"
#include "domain/home_visit.h"
#include "domain/retiree_repository.h"

namespace pd {

// One active retiree of a unit with the validity of their newest passed certification.
struct ValidityRow {
    Uuid retiree_id;
    std::string name;
    std::string id_number;
    std::string employer_unit;
    std::string phone;
    std::optional<Date> valid_until;  // none: never certified
};

// Certifications, enrolments and home-visit drafts as the certification service needs them.
// Each write is one transaction with its outbox event.
class CertificationRepository {
  public:
    virtual ~CertificationRepository() = default;
    [[nodiscard]] virtual std::vector<Certification> history(const Uuid& retiree) const = 0;
    [[nodiscard]] virtual std::optional<Certification> certification(const Uuid& id) const = 0;
    virtual void add(const Certification& c, const ChangeNote& note) = 0;
    // Replaces a certification (a review decision); the id stays.
    virtual void update(const Certification& c, const ChangeNote& note) = 0;

    [[nodiscard]] virtual std::optional<Enrollment> active_enrollment(
        const Uuid& retiree) const = 0;
    [[nodiscard]] virtual std::optional<Enrollment> enrollment(const Uuid& id) const = 0;
    virtual void add(const Enrollment& e, const ChangeNote& note) = 0;
    // Makes `confirmed` the active enrolment and the previous active one superseded, atomically.
    virtual void activate(const Enrollment& confirmed, const ChangeNote& note) = 0;

    // Every active retiree of `unit` (all units when empty) with their newest validity. With
    // `valid_until_at_most`, only those never certified or valid no later than that day: what
    // the due lists need, filtered where the rows are read, so a large workspace does not
    // materialise every retiree to keep a few.
    [[nodiscard]] virtual std::vector<ValidityRow> validity_by_unit(
        std::string_view unit, std::optional<Date> valid_until_at_most) const = 0;

    // The relatives who assisted this retiree at a certification, the most recent first. A
    // certification with a proxy adds or refreshes its relative in the same transaction.
    [[nodiscard]] virtual std::vector<ProxyAgent> known_proxies(const Uuid& retiree) const = 0;

    virtual void add(const HomeVisitCase& c, const ChangeNote& note) = 0;
    [[nodiscard]] virtual std::vector<HomeVisitCase> home_visits(const Uuid& retiree) const = 0;
};

}  // namespace pd
