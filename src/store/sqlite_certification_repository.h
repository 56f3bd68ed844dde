#pragma once

#include "domain/certification_repository.h"
#include "domain/clock.h"
#include "store/database.h"

namespace pd::store {

// Certifications, enrolments and home-visit drafts on a workspace database; every write is one
// transaction with its outbox event. Migrates its tables on construction.
class SqliteCertificationRepository final : public CertificationRepository {
  public:
    SqliteCertificationRepository(Database& db, const Clock& clock);

    [[nodiscard]] std::vector<Certification> history(const Uuid& retiree) const override;
    [[nodiscard]] std::optional<Certification> certification(const Uuid& id) const override;
    void add(const Certification& c, const ChangeNote& note) override;
    void update(const Certification& c, const ChangeNote& note) override;

    [[nodiscard]] std::optional<Enrollment> active_enrollment(const Uuid& retiree) const override;
    [[nodiscard]] std::optional<Enrollment> enrollment(const Uuid& id) const override;
    void add(const Enrollment& e, const ChangeNote& note) override;
    void activate(const Enrollment& confirmed, const ChangeNote& note) override;

    [[nodiscard]] std::vector<ValidityRow> validity_by_unit(
        std::string_view unit, std::optional<Date> valid_until_at_most) const override;
    [[nodiscard]] std::vector<ProxyAgent> known_proxies(const Uuid& retiree) const override;

    void add(const HomeVisitCase& c, const ChangeNote& note) override;
    [[nodiscard]] std::vector<HomeVisitCase> home_visits(const Uuid& retiree) const override;

    // The certification a receipt number names (the agency checks a paper receipt).
    [[nodiscard]] std::optional<Certification> by_receipt(std::string_view number) const;

  private:
    void write(const Certification& c, bool insert, const ChangeNote& note);
    Database& db_;
    const Clock& clock_;
    mutable UuidGenerator event_ids_;
};

}  // namespace pd::store
