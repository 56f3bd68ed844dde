#include "ui/demo_certification.h"

#include <wx/intl.h>

#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include "domain/id_number.h"
#include "domain/registry_service.h"
#include "store/sqlite_certification_repository.h"
#include "ui/session.h"
#include "ui/text.h"
#include "vision/face_engine.h"

namespace pd::ui {

std::string demo_retiree_id_number() {
    const std::string first17 = demo_retiree_id_number_first17;
    return first17 + IdNumber::check_character(first17);
}

namespace {

// A frontal frame from the video's first second (annotations.csv: frontal until 0.75 s): the
// same person the "camera" will show, but not the frame the challenge picks as its best.
cv::Mat reference_frame(const std::filesystem::path& video) {
    cv::VideoCapture cap(video.string());
    cap.set(cv::CAP_PROP_POS_MSEC, 600.0);
    cv::Mat frame;
    if (!cap.read(frame)) return {};
    return frame;
}
}  // namespace

std::optional<CaptureSource> demo_video_source() {
    const auto dir = face_testdata_dir();
    if (!dir) return std::nullopt;
    CaptureSource s;
    s.kind = CaptureSource::Kind::Video;
    s.video = *dir / "faces" / "video" / "liveportrait_d12.mp4";
    std::error_code ec;
    if (!std::filesystem::exists(s.video, ec)) return std::nullopt;
    // annotations.csv: a head turn at 1.25-3.5 s, mouth open at 4-6 s (docs/certification.md).
    s.fixed_actions = {vision::Action::shake, vision::Action::open_mouth};
    return s;
}

std::optional<std::filesystem::path> demo_staff_photo() {
    const auto dir = face_testdata_dir();
    if (!dir) return std::nullopt;
    // identities.csv: id04, not the person of the demo video.
    auto p = *dir / "faces" / "verification" / "images" / "img13.jpg";
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) return std::nullopt;
    return p;
}

std::optional<std::string> enrol_staff_face_from_photo(CertificationServices& services,
                                                       const Uuid& staff,
                                                       const std::filesystem::path& photo) {
    vision::FaceEngine engine;
    if (!engine.available()) return engine.unavailable_reason();
    const cv::Mat image = cv::imread(photo.string());
    if (image.empty()) return "cannot read " + photo.string();
    const auto tmpl = engine.template_from_photo(image);
    if (tmpl.empty()) return "no usable face in " + photo.string();
    std::vector<std::uint8_t> jpeg;
    cv::imencode(".jpg", image, jpeg);
    Session& session = services.session();
    const ConsentRecord consent{"demo-1",
                                to_utf8(_("Demo: staff face from a sample photo, consent "
                                          "simulated.")),
                                "staff", session.actor.staff_id, session.clock.now()};
    auto f = services.enrol_staff_face(staff, consent, tmpl, jpeg, face_model_version());
    if (!f) return f.error().message();
    return std::nullopt;
}

void prepare_demo_certification(CertificationServices& services) {
    try {
        const auto source = demo_video_source();
        if (!source) return;
        Session& session = services.session();
        if (const auto self = Uuid::parse(session.actor.staff_id);
            self && !services.staff_faces().face(*self)) {
            if (const auto photo = demo_staff_photo()) {
                if (auto err = enrol_staff_face_from_photo(services, *self, *photo))
                    std::fprintf(stderr, "pensiondesk: demo staff face skipped: %s\n",
                                 err->c_str());
            }
        }
        const auto id = IdNumber::parse(demo_retiree_id_number(), session.clock.today());
        if (!id) return;
        auto retiree = services.retirees().by_id_number(*id);
        if (!retiree) {
            RetireeDraft d;
            d.id_number = id->str();
            d.name = "李秀英";
            d.employer_unit = "陕西省演示单位";
            d.phone = "13800000000";
            auto r = session.registry->register_retiree(d, session.actor);
            if (!r) return;
            retiree = services.retirees().by_id(r->id);
            if (!retiree) return;
        }
        if (services.certifications().active_enrollment(retiree->id)) return;

        vision::FaceEngine engine;
        if (!engine.available()) {
            std::fprintf(stderr, "pensiondesk: demo enrolment skipped: %s\n",
                         engine.unavailable_reason().c_str());
            return;
        }
        const cv::Mat photo = reference_frame(source->video);
        if (photo.empty()) return;
        const auto tmpl = engine.template_from_photo(photo);
        std::vector<std::uint8_t> jpeg;
        cv::imencode(".jpg", photo, jpeg);
        const std::string t = services.seal_template(retiree->id, tmpl);
        const std::string p =
            services.seal_image(retiree->id, "reference-photo", jpeg, reference_photo_retention);
        ConsentRecord consent{"demo-1", to_utf8(_("Demo: synthetic person, consent simulated.")),
                              "retiree", session.actor.staff_id, session.clock.now()};
        auto e = services.service().begin_enrollment(retiree->id, consent, t, p,
                                                     face_model_version(), session.actor);
        if (e) (void)services.service().confirm_enrollment(e->id, session.actor);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pensiondesk: demo enrolment skipped: %s\n", e.what());
    }
}

}  // namespace pd::ui
