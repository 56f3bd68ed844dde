#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "domain/audit.h"
#include "domain/clock.h"
#include "domain/enrollment.h"
#include "domain/expected.h"
#include "domain/retiree_repository.h"

namespace pd {

// A staff member's own reference face. It is never certified: it exists so that a live face at
// the counter that is a clerk's, not the retiree's, is refused (a clerk "certifying" an absent
// or dead retiree with their own face is the fraud this prevents).
struct StaffFace {
    Uuid staff_id;  // the staff account
    ConsentRecord consent;
    std::string template_blob;  // store blob id of the sealed face template
    std::string photo_blob;     // store blob id of the sealed photo
    std::string model_version;
    std::string enrolled_by;  // staff id of who ran the capture (self, or an administrator)
    std::chrono::system_clock::time_point enrolled_at;
};

class StaffFaceRepository {
  public:
    virtual ~StaffFaceRepository() = default;
    [[nodiscard]] virtual std::optional<StaffFace> face(const Uuid& staff) const = 0;
    [[nodiscard]] virtual std::vector<StaffFace> all() const = 0;
    // Replaces the staff member's face, if any, in one transaction.
    virtual void put(const StaffFace& f, const ChangeNote& note) = 0;
    // False when there was none.
    virtual bool remove(const Uuid& staff, const ChangeNote& note) = 0;
};

// Who may enrol or withdraw a staff face, and whether a clerk may certify before theirs is
// enrolled. A staff member enrols their own face while signed in; an administrator may run the
// capture for a colleague standing at the camera. Nobody else: a clerk must not replace a
// colleague's face with a stranger's.
class StaffFaceService {
  public:
    StaffFaceService(StaffFaceRepository& faces, const Clock& clock, bool required)
        : faces_(faces), clock_(clock), required_(required) {}

    Expected<StaffFace> enrol(const Uuid& staff, const ConsentRecord& consent,
                              std::string template_blob, std::string photo_blob,
                              std::string model_version, const Actor& actor);
    Expected<bool> withdraw(const Uuid& staff, const std::string& reason, const Actor& actor);

    // Every staff face: the live face must not match any of them.
    [[nodiscard]] std::vector<StaffFace> all() const { return faces_.all(); }
    [[nodiscard]] std::optional<StaffFace> face(const Uuid& staff) const {
        return faces_.face(staff);
    }

    // Refused (with what to do) when the workstation requires the certifying staff member's own
    // face to be enrolled and it is not: without it their face cannot be told from a retiree's.
    [[nodiscard]] std::optional<Error> certify_readiness(const Actor& actor) const;
    [[nodiscard]] bool required() const { return required_; }

    void set_audit(AuditSink& sink) { audit_ = &sink; }

  private:
    [[nodiscard]] bool may_manage(const Uuid& staff, const Actor& actor) const;
    void audit(const Actor& actor, AuditAction action, const Uuid& staff, std::string outcome,
               std::string detail) const;

    StaffFaceRepository& faces_;
    const Clock& clock_;
    bool required_;
    AuditSink* audit_ = nullptr;
};

}  // namespace pd
