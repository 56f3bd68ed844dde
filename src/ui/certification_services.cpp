#include "ui/certification_services.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <wx/config.h>
#include <wx/intl.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "store/audit_log.h"
#include "store/blob_cipher.h"
#include "store/certification_settings_store.h"
#include "store/database.h"
#include "store/sealed_blob_store.h"
#include "store/sqlite_certification_repository.h"
#include "store/sqlite_retiree_repository.h"
#include "store/sqlite_staff_face_repository.h"
#include "store/workspace_keys.h"
#include "ui/demo_certification.h"
#include "ui/session.h"
#include "ui/text.h"
#include "vision/model_store.h"

namespace pd::ui {

namespace {

constexpr const char* source_config_key = "/certification/source";

std::vector<std::uint8_t> template_bytes(const vision::FaceTemplate& t) {
    std::vector<std::uint8_t> out(t.size() * sizeof(float));
    std::memcpy(out.data(), t.data(), out.size());
    return out;
}

vision::FaceTemplate template_from_bytes(const std::vector<std::uint8_t>& b) {
    vision::FaceTemplate t(b.size() / sizeof(float));
    std::memcpy(t.data(), b.data(), t.size() * sizeof(float));
    return t;
}

}  // namespace

std::string CaptureSource::key() const {
    if (kind == Kind::Camera) return "camera:" + std::to_string(camera_index);
    return "video:" + video.string();
}

wxString source_label(const CaptureSource& s) {
    if (s.kind == CaptureSource::Kind::Camera)
        return wxString::Format(_("Camera %d"), s.camera_index + 1);
    return wxString::Format(_("Demo video %s (no webcam needed)"), from_path(s.video.filename()));
}

std::optional<std::filesystem::path> face_testdata_dir() {
    const char* env = std::getenv("PENSIONDESK_TESTDATA");
    if (env == nullptr || *env == '\0') return std::nullopt;
    std::filesystem::path dir(env);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir / "faces" / "video", ec)) return std::nullopt;
    return dir;
}

std::string face_model_version() {
    // Templates are comparable only within one embedding network: name it by its pinned hash.
    const std::string sha = vision::pinned_sha256("fr_feature.onnx");
    return "faceplugin-face-recognition-js@0.0.1/fr_feature:" + sha.substr(0, 12);
}

CertificationServices::CertificationServices(Session& session, bool prepare_demo)
    : session_(session) {
    db_ = std::make_unique<store::Database>(session.workspace.path);
    retirees_ = std::make_unique<store::SqliteRetireeRepository>(*db_, session.clock);
    certs_ = std::make_unique<store::SqliteCertificationRepository>(*db_, session.clock);
    keyring_ = std::make_unique<store::Keyring>(
        store::Keyring::open_or_create(store::keyring_path_for(*db_)));
    cipher_ = std::make_unique<store::BlobCipher>(*keyring_);
    blobs_ = std::make_unique<store::SealedBlobStore>(*db_, *cipher_, session.clock);
    // The agency's policy lives in the workspace, so every workstation applies the same cycle.
    CertificationSettings settings =
        store::load_certification_settings(*db_, to_utf8(_("Agency service counter")));
    service_ =
        std::make_unique<CertificationService>(*retirees_, *certs_, *session.script, session.clock,
                                               session.ids, scopes_, std::move(settings));
    audit_ = std::make_unique<store::SqliteAuditLog>(db_->sql());
    service_->set_audit(*audit_);
    bool require_staff_face = true;
    if (auto* config = wxConfigBase::Get(); config != nullptr)
        config->Read(require_staff_face_key, &require_staff_face, true);
    staff_face_repo_ = std::make_unique<store::SqliteStaffFaceRepository>(*db_, session.clock);
    staff_faces_ =
        std::make_unique<StaffFaceService>(*staff_face_repo_, session.clock, require_staff_face);
    staff_faces_->set_audit(*audit_);
    if (session.workspace.demo && prepare_demo) prepare_demo_certification(*this);
}

CertificationServices::~CertificationServices() = default;

RetireeRepository& CertificationServices::retirees() {
    return *retirees_;
}

std::optional<vision::FaceTemplate> CertificationServices::enrolled_template(const Uuid& retiree) {
    const auto e = certs_->active_enrollment(retiree);
    if (!e) return std::nullopt;
    return template_from_bytes(blobs_->get(e->template_blob));
}

CertificationServices::ForbiddenFaces CertificationServices::forbidden_templates(
    const std::optional<ProxyAgent>& proxy) {
    ForbiddenFaces out;
    if (proxy) {
        if (const auto r = retirees_->by_id_number(proxy->id_number)) {
            if (auto t = enrolled_template(r->id)) {
                out.templates.push_back(std::move(*t));
                out.kinds.emplace_back("proxy");
            }
        }
    }
    // Templates of another embedding model are not comparable; such a face must be enrolled
    // again (the staff area shows it).
    const std::string model = face_model_version();
    for (const auto& f : staff_faces_->all()) {
        if (f.model_version != model) continue;
        out.templates.push_back(template_from_bytes(blobs_->get(f.template_blob)));
        out.kinds.emplace_back("staff");
    }
    return out;
}

Expected<StaffFace> CertificationServices::enrol_staff_face(const Uuid& staff,
                                                            const ConsentRecord& consent,
                                                            const vision::FaceTemplate& t,
                                                            const std::vector<std::uint8_t>& jpeg,
                                                            std::string model_version) {
    const auto before = staff_faces_->face(staff);
    const std::string tb = blobs_->put(staff, "staff-face-template", template_bytes(t));
    const std::string pb = blobs_->put(staff, "staff-face-photo", jpeg);
    auto f = staff_faces_->enrol(staff, consent, tb, pb, std::move(model_version), session_.actor);
    // Refused: the sealed copies just made go again. Accepted: the replaced face's go.
    if (!f) {
        blobs_->erase(tb);
        blobs_->erase(pb);
    } else if (before) {
        blobs_->erase(before->template_blob);
        blobs_->erase(before->photo_blob);
    }
    return f;
}

Expected<bool> CertificationServices::withdraw_staff_face(const Uuid& staff,
                                                          const std::string& reason) {
    const auto before = staff_faces_->face(staff);
    auto r = staff_faces_->withdraw(staff, reason, session_.actor);
    if (r && *r && before) {
        blobs_->erase(before->template_blob);
        blobs_->erase(before->photo_blob);
    }
    return r;
}

std::optional<Error> CertificationServices::staff_readiness() const {
    return staff_faces_->certify_readiness(session_.actor);
}

std::string CertificationServices::seal_template(const Uuid& owner, const vision::FaceTemplate& t) {
    return blobs_->put(owner, "face-template", template_bytes(t));
}

std::string CertificationServices::seal_image(const Uuid& owner, std::string_view purpose,
                                              const std::vector<std::uint8_t>& jpeg,
                                              std::chrono::days retention) {
    return blobs_->put(owner, purpose, jpeg, retention);
}

std::vector<std::uint8_t> CertificationServices::open_image(const std::string& blob_id) {
    return blobs_->get(blob_id);
}

std::vector<CaptureSource> CertificationServices::sources() const {
    if (forced_source) return {*forced_source};
    std::vector<CaptureSource> out;
    if (auto demo = demo_video_source()) out.push_back(*demo);
        // Cameras: the V4L2 device nodes present now (Windows: the first two indices).
#ifdef __linux__
    for (int i = 0; i < 8; ++i) {
        std::error_code ec;
        if (std::filesystem::exists("/dev/video" + std::to_string(i), ec))
            out.push_back(CaptureSource{CaptureSource::Kind::Camera, i, {}, {}, {}});
    }
#else
    out.push_back(CaptureSource{CaptureSource::Kind::Camera, 0, {}, {}, {}});
    out.push_back(CaptureSource{CaptureSource::Kind::Camera, 1, {}, {}, {}});
#endif
    if (out.empty()) out.push_back(CaptureSource{CaptureSource::Kind::Camera, 0, {}, {}, {}});
    // The remembered one first.
    const std::string remembered = remembered_source();
    std::stable_partition(out.begin(), out.end(),
                          [&](const CaptureSource& s) { return s.key() == remembered; });
    return out;
}

std::string CertificationServices::remembered_source() const {
    wxString v;
    if (auto* config = wxConfigBase::Get(); config != nullptr) config->Read(source_config_key, &v);
    return to_utf8(v);
}

void CertificationServices::remember_source(const CaptureSource& s) const {
    if (auto* config = wxConfigBase::Get(); config != nullptr) {
        config->Write(source_config_key, from_utf8(s.key()));
        config->Flush();
    }
}

}  // namespace pd::ui
