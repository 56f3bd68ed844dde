#pragma once

#include "domain/clock.h"
#include "domain/staff_face.h"
#include "store/database.h"

namespace pd::store {

// Staff faces on a workspace database. Each write is one transaction with its outbox event and
// the change note's audit entry, so the face and its trail commit or vanish together.
class SqliteStaffFaceRepository final : public StaffFaceRepository {
  public:
    SqliteStaffFaceRepository(Database& db, const Clock& clock);

    [[nodiscard]] std::optional<StaffFace> face(const Uuid& staff) const override;
    [[nodiscard]] std::vector<StaffFace> all() const override;
    void put(const StaffFace& f, const ChangeNote& note) override;
    bool remove(const Uuid& staff, const ChangeNote& note) override;

  private:
    Database& db_;
    const Clock& clock_;
    mutable UuidGenerator event_ids_;
};

}  // namespace pd::store
