#pragma once

#include <wx/string.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/certification_service.h"
#include "domain/permission.h"
#include "domain/staff_face.h"
#include "vision/challenge.h"
#include "vision/frame_source.h"
#include "vision/verifier.h"

namespace pd::store {
class Database;
class SqliteRetireeRepository;
class SqliteCertificationRepository;
class Keyring;
class BlobCipher;
class SealedBlobStore;
class SqliteAuditLog;
class SqliteStaffFaceRepository;
}  // namespace pd::store

namespace pd::ui {

struct Session;

// Where the wizard takes its frames from: a webcam, or a recorded video (demo, tests).
struct CaptureSource {
    enum class Kind { Camera, Video } kind = Kind::Camera;
    int camera_index = 0;
    std::filesystem::path video;
    vision::Pacing pacing = vision::Pacing::realtime;
    // A video only shows the actions it was recorded with: the challenge asks for those.
    std::vector<vision::Action> fixed_actions;

    [[nodiscard]] std::string key() const;  // "camera:0" / "video:<path>", kept in wxConfig
};

// wxConfig: whether a clerk must have their own face enrolled before certifying (default yes;
// an administrator can turn it off in Settings, audited).
inline constexpr const char* require_staff_face_key = "/certification/require_staff_face";

// How long sealed images are kept (templates stay while the enrolment is in force).
inline constexpr std::chrono::days evidence_retention{365};
inline constexpr std::chrono::days reference_photo_retention{3650};

// The certification area's own connection to the workspace and the services over it. The UI
// thread owns it (a store connection belongs to one thread); workers get plain values.
class CertificationServices {
  public:
    // `prepare_demo`: on a demo workspace, enrol the demo retiree and staff face (the
    // certification area); other users of the services (settings) leave the demo alone.
    explicit CertificationServices(Session& session, bool prepare_demo = true);
    ~CertificationServices();
    CertificationServices(const CertificationServices&) = delete;
    CertificationServices& operator=(const CertificationServices&) = delete;

    [[nodiscard]] Session& session() { return session_; }
    [[nodiscard]] CertificationService& service() { return *service_; }
    [[nodiscard]] store::SealedBlobStore& blobs() { return *blobs_; }
    [[nodiscard]] store::SqliteCertificationRepository& certifications() { return *certs_; }
    [[nodiscard]] RetireeRepository& retirees();
    [[nodiscard]] store::Database& database() { return *db_; }

    // The active enrolment's template, opened from the sealed store; nullopt when not enrolled.
    [[nodiscard]] std::optional<vision::FaceTemplate> enrolled_template(const Uuid& retiree);
    // Faces that must not pass as the retiree: the proxy's own enrolment (when the relative is
    // also a retiree here) and every enrolled staff member's (any clerk, not only the one
    // signed in: a colleague could stand in front of the camera too).
    struct ForbiddenFaces {
        std::vector<vision::FaceTemplate> templates;
        std::vector<std::string> kinds;  // "proxy" / "staff", one per template
    };
    [[nodiscard]] ForbiddenFaces forbidden_templates(const std::optional<ProxyAgent>& proxy);

    // Staff members' own faces. Enrolling seals the template and photo under the staff id and
    // deletes the replaced ones; withdrawing deletes them.
    [[nodiscard]] StaffFaceService& staff_faces() { return *staff_faces_; }
    Expected<StaffFace> enrol_staff_face(const Uuid& staff, const ConsentRecord& consent,
                                         const vision::FaceTemplate& t,
                                         const std::vector<std::uint8_t>& jpeg,
                                         std::string model_version);
    Expected<bool> withdraw_staff_face(const Uuid& staff, const std::string& reason);
    // Why the signed-in staff member may not certify yet (their own face is required and not
    // enrolled); nullopt when they may.
    [[nodiscard]] std::optional<Error> staff_readiness() const;

    // Seals a face template / an encoded image for `owner`.
    std::string seal_template(const Uuid& owner, const vision::FaceTemplate& t);
    std::string seal_image(const Uuid& owner, std::string_view purpose,
                           const std::vector<std::uint8_t>& jpeg, std::chrono::days retention);
    [[nodiscard]] std::vector<std::uint8_t> open_image(const std::string& blob_id);

    // Sources the wizard offers: cameras found on this machine, and the demo video when the
    // test data is present. The remembered choice comes first.
    [[nodiscard]] std::vector<CaptureSource> sources() const;
    [[nodiscard]] std::string remembered_source() const;
    void remember_source(const CaptureSource& s) const;

    vision::VerifyConfig verify;                 // threshold from docs/vision.md
    vision::ChallengeConfig challenge;           // 2 random actions at the counter
    std::optional<CaptureSource> forced_source;  // tests: only this source is offered

  private:
    Session& session_;
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<store::SqliteRetireeRepository> retirees_;
    std::unique_ptr<store::SqliteCertificationRepository> certs_;
    std::unique_ptr<store::Keyring> keyring_;
    std::unique_ptr<store::BlobCipher> cipher_;
    std::unique_ptr<store::SealedBlobStore> blobs_;
    std::unique_ptr<store::SqliteAuditLog> audit_;  // on db_: certifications are audited
    std::unique_ptr<store::SqliteStaffFaceRepository> staff_face_repo_;
    std::unique_ptr<StaffFaceService> staff_faces_;
    DefaultScopeResolver scopes_;
    std::unique_ptr<CertificationService> service_;
};

// Display text of a capture source.
[[nodiscard]] wxString source_label(const CaptureSource& s);

// Where the shared face test data is: $PENSIONDESK_TESTDATA, else the build's default.
[[nodiscard]] std::optional<std::filesystem::path> face_testdata_dir();

// The model version recorded with templates and certifications.
[[nodiscard]] std::string face_model_version();

}  // namespace pd::ui
