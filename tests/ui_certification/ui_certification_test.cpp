// The certification wizard end to end under Xvfb: the real panel, wizard, worker, face engine,
// services and store, on the shared test video instead of a webcam. Screenshots of each step
// go to <build>/ui_certification_screenshots.
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <wx/app.h>
#include <wx/arrstr.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dcmemory.h>
#include <wx/dialog.h>
#include <wx/display.h>
#include <wx/fileconf.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include <chrono>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <opencv2/imgcodecs.hpp>
#include <random>

#include "../support/idsim_process.h"
#include "../support/ui_steps.h"
#include "devices/card.h"
#include "domain/audit.h"
#include "domain/id_number.h"
#include "domain/receipt_code.h"
#include "store/audit_log.h"
#include "store/auth_context.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/sqlite_certification_repository.h"
#include "ui/camera_preview.h"
#include "ui/card_reader_button.h"
#include "ui/certification_panel.h"
#include "ui/certification_services.h"
#include "ui/certification_text.h"
#include "ui/certification_wizard.h"
#include "ui/chip_photo.h"
#include "ui/demo_certification.h"
#include "ui/enrollment_dialog.h"
#include "ui/i18n.h"
#include "ui/proxy_panel.h"
#include "ui/receipt.h"
#include "ui/review_dialog.h"
#include "ui/screen_fit.h"
#include "ui/screenshot.h"
#include "ui/session.h"
#include "ui/settings_panel.h"
#include "ui/staff_admin_panel.h"
#include "ui/staff_area.h"
#include "ui/text.h"
#include "vision/face_engine.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using pd::test::press;
using pd::test::pump_for;
using pd::test::pump_until;

namespace {

fs::path testdata() {
    if (const char* env = std::getenv("PENSIONDESK_TESTDATA"); env != nullptr && *env != '\0')
        return env;
    return PD_TESTDATA_DEFAULT;
}

fs::path shots_dir() {
    fs::path dir = fs::path(PD_BUILD_DIR) / "ui_certification_screenshots";
    fs::create_directories(dir);
    return dir;
}

void shot(wxWindow* w, const std::string& name) {
    pump_for(400ms);  // let it map and paint
    const fs::path file = shots_dir() / (name + ".png");
    // ImageMagick reads the X server's composed screen, dialogs included (wxScreenDC under
    // GTK3 misses a dialog above its parent); the wx capture is the fallback without it.
    const wxRect r = w->GetScreenRect();
    const std::string cmd = "import -window root -crop " + std::to_string(r.width) + "x" +
                            std::to_string(r.height) + "+" + std::to_string(r.x) + "+" +
                            std::to_string(r.y) + " '" + file.string() + "' 2>/dev/null";
    if (std::system(cmd.c_str()) == 0) return;
    EXPECT_TRUE(pd::ui::save_screenshot(w, pd::ui::from_path(file))) << name;
}

class WizardTest : public ::testing::Test {
  protected:
    void SetUp() override {
        if (std::getenv("DISPLAY") == nullptr) {
            FAIL() << "no DISPLAY: run under Xvfb (xvfb-run -a, as scripts/test does)";
        }
        const fs::path video = testdata() / "faces" / "video" / "liveportrait_d12.mp4";
        if (!fs::exists(video)) {
            FAIL() << "test data missing: " << video << " (set PENSIONDESK_TESTDATA)";
        }
        dir_ = fs::temp_directory_path() / ("pd-uicert-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_ / "config");
        // The keyring goes to the temporary config folder, never the user's.
        setenv("XDG_CONFIG_HOME", (dir_ / "config").c_str(), 1);
        setenv("PENSIONDESK_TESTDATA", testdata().c_str(), 1);
        session_ = pd::ui::Session::open(
            dir_ / "w.sqlite",
            pd::Actor{kStaffId, "测试主管", "test-ws", pd::Role::Supervisor, {}, {}});
        frame_ = new wxFrame(nullptr, wxID_ANY, "certification", wxPoint(0, 0), wxSize(1200, 860));
        panel_ = new pd::ui::CertificationPanel(frame_, *session_);
        auto* s = new wxBoxSizer(wxVERTICAL);
        s->Add(panel_, 1, wxEXPAND);
        frame_->SetSizer(s);
        frame_->Show();
        // The demo video, every frame (as fast as the engine goes), with the actions it shows.
        auto source = pd::ui::demo_video_source();
        ASSERT_TRUE(source);
        source->pacing = pd::vision::Pacing::as_fast_as_possible;
        panel_->services().forced_source = *source;
        // The workstation requires the clerk's own face before they certify: someone else's
        // than the video's, as at a real counter.
        const auto photo = pd::ui::demo_staff_photo();
        ASSERT_TRUE(photo);
        const auto err =
            pd::ui::enrol_staff_face_from_photo(panel_->services(), staff_id(), *photo);
        ASSERT_FALSE(err) << *err;
    }
    static constexpr const char* kStaffId = "01890a5d-ac96-774b-bcce-b302099a8057";
    static pd::Uuid staff_id() { return *pd::Uuid::parse(kStaffId); }
    void TearDown() override {
        if (frame_ != nullptr) frame_->Destroy();
        pump_for(100ms);
        session_.reset();
        if (!dir_.empty()) fs::remove_all(dir_);
    }

    pd::Uuid demo_retiree() {
        const std::string first17 = pd::ui::demo_retiree_id_number_first17;
        auto id = pd::IdNumber::parse(first17 + pd::IdNumber::check_character(first17),
                                      session_->clock.today());
        EXPECT_TRUE(id);
        auto r = panel_->services().retirees().by_id_number(*id);
        EXPECT_TRUE(r);
        return r ? r->id : pd::Uuid{};
    }

    std::int64_t outbox() { return pd::store::count_outbox(panel_->services().database().sql()); }

    // A retiree of a test unit, registered through the registry service.
    pd::Uuid register_retiree(const std::string& first17, const char* name) {
        pd::RetireeDraft d;
        d.id_number = first17 + pd::IdNumber::check_character(first17);
        d.name = name;
        d.employer_unit = "陕西省测试单位";
        auto reg = session_->registry->register_retiree(d, session_->actor);
        EXPECT_TRUE(reg);
        return reg ? reg->id : pd::Uuid{};
    }

    // Enrols `retiree` from a photo of somebody else than the video's man (verification/img1,
    // id01), so the video's face must not pass as theirs. False (with a failure) when it could
    // not be done.
    bool enrol_from_other_photo(const pd::Uuid& retiree) {
        auto& services = panel_->services();
        pd::vision::FaceEngine engine;
        if (!engine.available()) {
            ADD_FAILURE() << engine.unavailable_reason();
            return false;
        }
        const cv::Mat photo =
            cv::imread((testdata() / "faces" / "verification" / "images" / "img1.jpg").string(),
                       cv::IMREAD_COLOR);
        if (photo.empty()) {
            ADD_FAILURE() << "verification/images/img1.jpg missing";
            return false;
        }
        const auto t = services.seal_template(retiree, engine.template_from_photo(photo));
        const pd::ConsentRecord consent{"2026-1", "test consent", "retiree",
                                        session_->actor.staff_id, session_->clock.now()};
        auto e = services.service().begin_enrollment(retiree, consent, t, t,
                                                     pd::ui::face_model_version(), session_->actor);
        if (!e) {
            ADD_FAILURE() << e.error().message();
            return false;
        }
        return services.service().confirm_enrollment(e->id, session_->actor).has_value();
    }

    fs::path dir_;
    std::unique_ptr<pd::ui::Session> session_;
    wxFrame* frame_ = nullptr;
    pd::ui::CertificationPanel* panel_ = nullptr;
};

}  // namespace

TEST_F(WizardTest, WholeCertificationOnTheVideoIsRecordedWithReceipt) {
    const auto started = std::chrono::steady_clock::now();
    pd::ui::prepare_demo_certification(panel_->services());  // registers and enrols from the video
    const pd::Uuid retiree = demo_retiree();
    ASSERT_TRUE(panel_->services().certifications().active_enrollment(retiree));

    panel_->search(pd::ui::from_utf8("李秀英"));
    ASSERT_GE(panel_->result_count(), 1U);
    shot(frame_, "1-panel-found");

    const auto outbox_before = outbox();
    auto* wizard = new pd::ui::CertificationWizard(frame_, panel_->services(), retiree);
    wizard->Show();
    wizard->Raise();
    shot(wizard, "2-wizard-eligibility");
    ASSERT_EQ(wizard->step(), pd::ui::CertificationWizard::Step::Check);

    ASSERT_TRUE(wizard->start());
    ASSERT_TRUE(pump_until([&] { return wizard->preview()->frames_shown() >= 5; }, 60s))
        << "no frames reached the preview";
    shot(wizard, "3-wizard-live");
    ASSERT_TRUE(pump_until(
        [&] { return wizard->step() == pd::ui::CertificationWizard::Step::Result; }, 120s))
        << "the challenge did not finish";
    shot(wizard, "4-wizard-result");

    EXPECT_EQ(wizard->result_headline(), _("Certification passed"));
    ASSERT_TRUE(wizard->last_attempt());
    const auto& rec = wizard->last_attempt()->record;
    EXPECT_EQ(rec.outcome, pd::CertificationOutcome::Passed);
    EXPECT_GE(rec.similarity, panel_->services().verify.threshold);
    EXPECT_GT(rec.liveness, 0.5);
    EXPECT_EQ(rec.actions, (std::vector<std::string>{"shake", "open_mouth"}));
    EXPECT_FALSE(rec.evidence_blobs.empty());
    EXPECT_TRUE(pd::receipt_number_valid(rec.receipt_number)) << rec.receipt_number;

    // What the store holds: the certification row with its scores, and its outbox event.
    const auto stored = panel_->services().certifications().certification(rec.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->outcome, pd::CertificationOutcome::Passed);
    EXPECT_DOUBLE_EQ(stored->similarity, rec.similarity);
    EXPECT_EQ(stored->receipt_number, rec.receipt_number);
    EXPECT_FALSE(stored->model_version.empty());
    EXPECT_GT(outbox(), outbox_before);
    // Evidence frames are sealed and open again.
    EXPECT_FALSE(panel_->services().open_image(stored->evidence_blobs.front()).empty());

    // The receipt as PDF.
    const fs::path pdf = shots_dir() / "receipt.pdf";
    wizard->save_pdf(pdf);
    std::ifstream in(pdf, std::ios::binary);
    std::string magic(4, '\0');
    in.read(magic.data(), 4);
    EXPECT_EQ(magic, "%PDF");
    // The same drawing on a bitmap, to look at (no PDF viewer on the build machine).
    {
        auto r = panel_->services().retirees().by_id(retiree);
        ASSERT_TRUE(r);
        wxBitmap page(595, 842, 24);
        wxMemoryDC dc(page);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        pd::ui::draw_receipt(dc, wxSize(595, 842), pd::ui::make_receipt(*r, rec));
        dc.SelectObject(wxNullBitmap);
        wxInitAllImageHandlers();
        EXPECT_TRUE(page.ConvertToImage().SaveFile(pd::ui::from_path(shots_dir() / "receipt.png"),
                                                   wxBITMAP_TYPE_PNG));
    }

    wizard->Close();
    wizard->Destroy();
    panel_->search(pd::ui::from_utf8("李秀英"));
    EXPECT_EQ(panel_->history().size(), 1U);
    shot(frame_, "5-panel-history");
    panel_->export_history(shots_dir() / "history.csv");
    EXPECT_TRUE(fs::file_size(shots_dir() / "history.csv") > 50);
    const auto took = std::chrono::steady_clock::now() - started;
    std::printf("whole certification: %lld ms\n",
                static_cast<long long>(
                    std::chrono::duration_cast<std::chrono::milliseconds>(took).count()));
}

TEST_F(WizardTest, NotEnrolledIsExplainedThenEnrolmentThenClosingMidChallengeWritesNothing) {
    auto& services = panel_->services();
    pd::RetireeDraft d;
    const std::string first17 = "61010319510202002";
    d.id_number = first17 + pd::IdNumber::check_character(first17);
    d.name = "王淑珍";
    d.employer_unit = "陕西省测试单位";
    auto reg = session_->registry->register_retiree(d, session_->actor);
    ASSERT_TRUE(reg);
    const pd::Uuid retiree = reg->id;

    auto* wizard = new pd::ui::CertificationWizard(frame_, services, retiree);
    wizard->Show();
    wizard->Raise();
    EXPECT_FALSE(wizard->start());  // not enrolled: the reason and its next step are on screen
    shot(wizard, "6-wizard-not-enrolled");

    // Enrolment: consent, a live capture with one action, the clerk's confirmation.
    {
        auto sources = services.sources();
        auto* enrol = new pd::ui::EnrollmentDialog(
            wizard, services,
            pd::ui::EnrolmentSubject{pd::ui::EnrolmentSubject::Kind::Retiree, retiree, d.name,
                                     d.id_number},
            sources);
        enrol->Show();
        EXPECT_FALSE(enrol->start_capture());  // no consent yet
        enrol->give_consent(true);
        ASSERT_TRUE(enrol->start_capture());
        ASSERT_TRUE(pump_until([&] { return !enrol->capturing(); }, 120s));
        ASSERT_TRUE(enrol->captured());
        EXPECT_FALSE(enrol->confirm());  // the clerk has not checked the ID card yet
        enrol->confirm_identity(true);
        shot(enrol, "7-enrolment-captured");
        ASSERT_TRUE(enrol->confirm());
        enrol->Destroy();
    }
    const auto active = services.certifications().active_enrollment(retiree);
    ASSERT_TRUE(active);
    EXPECT_EQ(active->consent.text_version, "2026-1");
    EXPECT_FALSE(active->consent.text.empty());

    // A proxy with a bad ID number is marked inline and blocks the start.
    wizard->proxy_panel()->set(pd::ProxyDraft{"李明", "6101031980", "13912345678", "子女"});
    EXPECT_FALSE(wizard->proxy_panel()->valid());
    shot(wizard, "8-wizard-proxy-invalid");
    EXPECT_FALSE(wizard->start());
    wizard->proxy_panel()->set(pd::ProxyDraft{});

    const auto outbox_before = outbox();
    const auto history_before = services.certifications().history(retiree).size();
    // Realtime pacing: the challenge is still running when the wizard closes.
    services.forced_source->pacing = pd::vision::Pacing::realtime;
    wizard->Destroy();
    wizard = new pd::ui::CertificationWizard(frame_, services, retiree);
    wizard->Show();
    ASSERT_TRUE(wizard->start());
    ASSERT_TRUE(pump_until([&] { return wizard->preview()->frames_shown() >= 2; }, 60s));
    ASSERT_TRUE(wizard->capturing());
    wizard->Close();  // mid-challenge
    wizard->Destroy();
    pump_for(300ms);
    EXPECT_EQ(outbox(), outbox_before);
    EXPECT_EQ(services.certifications().history(retiree).size(), history_before);
}

TEST_F(WizardTest, AnotherPersonFailsThreeTimesThenReviewAndHomeVisitAreOffered) {
    // A retiree enrolled from someone else's photo: the video's face must not pass as theirs.
    auto& services = panel_->services();
    const pd::Uuid retiree = register_retiree("61010319500101001", "张桂兰");
    ASSERT_TRUE(enrol_from_other_photo(retiree));

    auto* wizard = new pd::ui::CertificationWizard(frame_, services, retiree);
    wizard->Show();
    wizard->Raise();
    for (int attempt = 1; attempt <= 3; ++attempt) {
        ASSERT_TRUE(wizard->start()) << "attempt " << attempt;
        ASSERT_TRUE(pump_until(
            [&] { return wizard->step() == pd::ui::CertificationWizard::Step::Result; }, 120s));
        ASSERT_TRUE(wizard->last_attempt());
        const auto& rec = wizard->last_attempt()->record;
        EXPECT_EQ(rec.outcome, pd::CertificationOutcome::Failed);
        EXPECT_EQ(rec.failure_reason, "below_threshold");
        EXPECT_LT(rec.similarity, services.verify.threshold);
        EXPECT_FALSE(rec.evidence_blobs.empty());
        EXPECT_EQ(wizard->last_attempt()->consecutive_failures, attempt);
    }
    EXPECT_EQ(wizard->result_headline(), _("Not certified"));
    const auto& steps = wizard->last_attempt()->next_steps;
    EXPECT_NE(std::find(steps.begin(), steps.end(), pd::NextStep::ManualReview), steps.end());
    EXPECT_NE(std::find(steps.begin(), steps.end(), pd::NextStep::HomeVisit), steps.end());
    shot(wizard, "9-wizard-three-failures");

    wizard->request_review();
    wizard->request_home_visit();
    EXPECT_EQ(services.certifications().home_visits(retiree).size(), 1U);
    shot(wizard, "10-wizard-review-and-home-visit-requested");
    wizard->Close();
    wizard->Destroy();

    // The supervisor (not the clerk who asked: four eyes) sees the evidence and approves.
    pd::Certification pending;
    for (const auto& c : services.certifications().history(retiree))
        if (c.outcome == pd::CertificationOutcome::PendingReview) pending = c;
    ASSERT_FALSE(pending.id.is_nil());
    const pd::Actor clerk = session_->actor;
    session_->actor = pd::Actor{"supervisor-2", "王芳", "ws-2", pd::Role::Supervisor, {}, {}};
    auto* review = new pd::ui::ReviewDialog(frame_, services, pending);
    review->Show();
    review->set_reason(pd::ui::from_utf8("家属提供医院证明，本人卧床，视频中确为本人"));
    shot(review, "11-review-dialog");
    EXPECT_TRUE(review->decide(true));
    review->Destroy();
    session_->actor = clerk;
    const auto decided = services.certifications().certification(pending.id);
    ASSERT_TRUE(decided);
    EXPECT_NE(decided->outcome, pd::CertificationOutcome::PendingReview);
}

TEST_F(WizardTest, AMissingCameraIsSaidAndNotRecordedAsAnAttempt) {
    auto& services = panel_->services();
    pd::ui::prepare_demo_certification(services);
    const pd::Uuid retiree = demo_retiree();
    pd::ui::CaptureSource missing;
    missing.kind = pd::ui::CaptureSource::Kind::Camera;
    missing.camera_index = 63;  // no such device
    services.forced_source = missing;
    const auto outbox_before = outbox();
    auto* wizard = new pd::ui::CertificationWizard(frame_, services, retiree);
    wizard->Show();
    wizard->Raise();
    ASSERT_TRUE(wizard->start());
    ASSERT_TRUE(pump_until(
        [&] { return wizard->step() == pd::ui::CertificationWizard::Step::Result; }, 60s));
    EXPECT_EQ(wizard->result_headline(), _("The face check could not run"));
    EXPECT_FALSE(wizard->last_attempt());
    shot(wizard, "12-wizard-no-camera");
    wizard->Destroy();
    EXPECT_EQ(outbox(), outbox_before);
    EXPECT_TRUE(services.certifications().history(retiree).empty());
}

TEST_F(WizardTest, TheProxysOwnFaceIsRefusedWithThatReason) {
    // The demo retiree (enrolled from the video's face) comes as the relative of another
    // retiree; the face in front of the camera is the relative's, and is refused as such.
    auto& services = panel_->services();
    pd::ui::prepare_demo_certification(services);
    const pd::Uuid retiree = register_retiree("61010319490303003", "赵玉梅");
    ASSERT_TRUE(enrol_from_other_photo(retiree));
    auto* wizard = new pd::ui::CertificationWizard(frame_, services, retiree);
    wizard->Show();
    wizard->proxy_panel()->set(
        pd::ProxyDraft{"李秀英", pd::ui::demo_retiree_id_number(), "13800000000", "子女"});
    ASSERT_TRUE(wizard->proxy_panel()->valid());
    ASSERT_TRUE(wizard->start());
    ASSERT_TRUE(pump_until(
        [&] { return wizard->step() == pd::ui::CertificationWizard::Step::Result; }, 120s));
    ASSERT_TRUE(wizard->last_attempt());
    const auto& rec = wizard->last_attempt()->record;
    EXPECT_EQ(rec.outcome, pd::CertificationOutcome::Failed);
    EXPECT_EQ(rec.failure_reason, "face_matches_proxy");  // the service names who
    ASSERT_TRUE(rec.proxy);
    EXPECT_EQ(rec.proxy->name.str(), "李秀英");
    shot(wizard, "13-wizard-proxy-face-refused");
    wizard->Destroy();

    // The relative is kept on the retiree's record: the next wizard offers them.
    wizard = new pd::ui::CertificationWizard(frame_, services, retiree);
    wizard->Show();
    ASSERT_EQ(wizard->proxy_panel()->known().size(), 1U);
    EXPECT_EQ(wizard->proxy_panel()->known()[0].name.str(), "李秀英");
    EXPECT_FALSE(wizard->proxy_panel()->assisted());
    wizard->proxy_panel()->choose_known(0);
    EXPECT_TRUE(wizard->proxy_panel()->assisted());
    ASSERT_TRUE(wizard->proxy_panel()->proxy());
    EXPECT_EQ(wizard->proxy_panel()->proxy()->id_number.str(), pd::ui::demo_retiree_id_number());
    shot(wizard, "13b-wizard-known-relative");
    wizard->Destroy();
}

// The clerk's own face: required before they certify, enrolled through the staff enrolment
// dialog, and then refused when it is the face presented for a retiree (a clerk "certifying"
// an absent retiree with their own face).
TEST_F(WizardTest, ClerksOwnFaceIsRequiredThenRefusedInPlaceOfTheRetiree) {
    auto& services = panel_->services();
    ASSERT_TRUE(services.staff_faces().required());
    ASSERT_TRUE(services.withdraw_staff_face(staff_id(), "test: start without a face"));
    EXPECT_FALSE(services.staff_faces().face(staff_id()));

    const pd::Uuid retiree = register_retiree("61010319470707004", "孙桂兰");
    ASSERT_TRUE(enrol_from_other_photo(retiree));

    auto* wizard = new pd::ui::CertificationWizard(frame_, services, retiree);
    wizard->Show();
    wizard->Raise();
    // The retiree could be certified; the clerk cannot yet, and the screen says why.
    ASSERT_TRUE(wizard->eligibility());
    EXPECT_TRUE(wizard->eligibility()->can_certify());
    EXPECT_FALSE(wizard->start());
    bool explained = false;
    for (const auto& line : wizard->reason_lines())
        explained = explained || line.Contains(pd::ui::from_utf8("您本人的人脸"));
    EXPECT_TRUE(explained);
    shot(wizard, "15-wizard-clerk-face-missing");
    // The window never opens larger than the screen's work area.
    const wxRect work = wxDisplay(0U).GetClientArea();
    EXPECT_TRUE(work.Contains(wizard->GetScreenRect())) << wizard->GetScreenRect().height;
    {
        wxDialog probe(nullptr, wxID_ANY, "probe");
        pd::ui::fit_to_screen(&probe, wxSize(work.width * 3, work.height * 3));
        EXPECT_LE(probe.GetSize().x, work.width);
        EXPECT_LE(probe.GetSize().y, work.height);
    }
    // On a small laptop screen the reasons scroll; the start and enrol buttons stay in view.
    const wxSize before = wizard->GetSize();
    wizard->SetSize(wizard->FromDIP(wxSize(1000, 520)));
    pump_for(200ms);
    const wxRect shown = wizard->GetScreenRect();
    EXPECT_TRUE(shown.Contains(wizard->start_button()->GetScreenRect()));
    shot(wizard, "15b-wizard-small-screen");
    wizard->SetSize(before);
    pump_for(100ms);

    // The clerk enrols their own face at the camera (the video plays the clerk here).
    {
        auto sources = services.sources();
        auto* enrol = new pd::ui::EnrollmentDialog(
            wizard, services,
            pd::ui::EnrolmentSubject{
                pd::ui::EnrolmentSubject::Kind::Staff, staff_id(), session_->actor.staff_name, {}},
            sources);
        enrol->Show();
        enrol->give_consent(true);
        ASSERT_TRUE(enrol->start_capture());
        ASSERT_TRUE(pump_until([&] { return !enrol->capturing(); }, 120s));
        ASSERT_TRUE(enrol->captured()) << enrol->status().utf8_string();
        enrol->confirm_identity(true);
        shot(enrol, "16-staff-face-enrolment");
        ASSERT_TRUE(enrol->confirm()) << enrol->status().utf8_string();
        enrol->Destroy();
    }
    const auto face = services.staff_faces().face(staff_id());
    ASSERT_TRUE(face);
    EXPECT_EQ(face->consent.text_version, "staff-2026-1");
    EXPECT_EQ(face->consent.given_by, "staff");

    // Now the clerk may certify; their own face in front of the camera is refused by name.
    ASSERT_TRUE(wizard->start()) << wizard->start_note().utf8_string();
    ASSERT_TRUE(pump_until(
        [&] { return wizard->step() == pd::ui::CertificationWizard::Step::Result; }, 120s));
    ASSERT_TRUE(wizard->last_attempt());
    const auto& rec = wizard->last_attempt()->record;
    EXPECT_EQ(rec.outcome, pd::CertificationOutcome::Failed);
    EXPECT_EQ(rec.failure_reason, "face_matches_staff");
    wxString details = wizard->result_details();
    details.Replace("\n", wxEmptyString);
    EXPECT_TRUE(details.Contains(pd::ui::from_utf8("工作人员的人脸"))) << details.utf8_string();
    shot(wizard, "17-wizard-clerk-face-refused");
    wizard->Destroy();
}

// Chinese wrapping: the line breaks fall between characters, but never before a closing
// punctuation mark or after an opening one, whatever the width.
TEST(CertificationText, WrapsChineseWithoutStrandedPunctuation) {
    if (std::getenv("DISPLAY") == nullptr) {
        FAIL() << "no DISPLAY: run under Xvfb (xvfb-run -a, as scripts/test does)";
    }
    auto* frame = new wxFrame(nullptr, wxID_ANY, "wrap");
    auto* text = new wxStaticText(frame, wxID_ANY, wxString());
    const wxString label = pd::ui::from_utf8(
        "本人同意本工作站加密保存本人的照片和人脸模板，仅用于在有人以本人人脸冒充退休人员时予以"
        "拒绝。本人撤回或离职时即予删除。请先点击下方“采集本人人脸...”。");
    const wxString closing = pd::ui::from_utf8("，。”");
    const wxString opening = pd::ui::from_utf8("“");
    int breaks_seen = 0;
    for (int width = 60; width <= 700; width += 7) {
        pd::ui::set_wrapped(text, label, width);
        const wxString wrapped = text->GetLabel();
        wxString joined = wrapped;
        joined.Replace("\n", wxEmptyString);
        ASSERT_EQ(joined, label) << "width " << width;  // nothing lost or added
        wxArrayString lines = wxSplit(wrapped, '\n', '\0');
        breaks_seen += static_cast<int>(lines.size()) - 1;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ASSERT_FALSE(lines[i].empty()) << "width " << width;
            if (i > 0) {
                EXPECT_EQ(closing.Find(lines[i][0]), wxNOT_FOUND)
                    << "width " << width << ": line starts with " << lines[i].utf8_string();
            }
            if (i + 1 < lines.size()) {
                EXPECT_EQ(opening.Find(lines[i].Last()), wxNOT_FOUND)
                    << "width " << width << ": line ends with " << lines[i].utf8_string();
            }
        }
    }
    EXPECT_GT(breaks_seen, 100);  // the widths really made it wrap, often
    frame->Destroy();
}

// Settings for the chip photo decoder and the staff-face rule: an administrator changes them,
// each change is audited; a clerk sees them disabled and a forced event changes nothing. A
// staff member withdraws their own face there, and its sealed copies go with it.
TEST(CertificationSettings, DecoderAndStaffFaceRuleAreAdministratorsAndAuditedAndFacesWithdraw) {
    if (std::getenv("DISPLAY") == nullptr) {
        FAIL() << "no DISPLAY: run under Xvfb (xvfb-run -a, as scripts/test does)";
    }
    const fs::path dir = fs::temp_directory_path() /
                         ("pd-uicert-settings-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir / "config");
    setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
    setenv("PENSIONDESK_TESTDATA", testdata().c_str(), 1);
    auto* previous = wxConfigBase::Set(new wxFileConfig("pensiondesk-settings-test", wxEmptyString,
                                                        (dir / "config.ini").string(),
                                                        wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    const std::string admin_id = "01890a5d-ac96-774b-bcce-b302099a80a1";
    const std::string clerk_id = "01890a5d-ac96-774b-bcce-b302099a80c1";
    auto session = pd::ui::Session::open(
        dir / "w.sqlite",
        pd::Actor{admin_id, "管理员", "test-ws", pd::Role::Administrator, {}, {}});
    const auto settings_audit = [&] {
        pd::AuditQuery q;
        q.action = pd::AuditAction::SettingChanged;
        return session->auth->audit().find(q);
    };
    auto* frame = new wxFrame(nullptr, wxID_ANY, "settings", wxPoint(0, 0), wxSize(1100, 700));
    auto* panel = new pd::ui::SettingsPanel(frame, *session);
    frame->Show();
    pump_for(200ms);
    auto* decoder = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("photo_decoder", panel));
    auto* rule = dynamic_cast<wxCheckBox*>(wxWindow::FindWindowByName("require_staff_face", panel));
    ASSERT_NE(decoder, nullptr);
    ASSERT_NE(rule, nullptr);
    EXPECT_TRUE(decoder->IsEnabled());
    EXPECT_TRUE(rule->GetValue());  // on unless an administrator turns it off
    decoder->ChangeValue("/opt/vendor/libwltrs.so");
    wxCommandEvent enter(wxEVT_TEXT_ENTER, decoder->GetId());
    enter.SetEventObject(decoder);
    decoder->ProcessWindowEvent(enter);
    EXPECT_EQ(wxConfigBase::Get()->Read(pd::ui::photo_decoder_key, wxString()),
              "/opt/vendor/libwltrs.so");
    rule->SetValue(false);
    wxCommandEvent toggle(wxEVT_CHECKBOX, rule->GetId());
    toggle.SetEventObject(rule);
    rule->ProcessWindowEvent(toggle);
    EXPECT_FALSE(wxConfigBase::Get()->ReadBool(pd::ui::require_staff_face_key, true));
    auto entries = settings_audit();
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0].subject_id, "require_staff_face");  // newest first
    EXPECT_EQ(entries[0].detail, "off");
    EXPECT_EQ(entries[1].subject_id, "photo_decoder");
    // The workspace's certification policy: calendar year, this office's name on receipts.
    auto* cycle = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("certification_cycle", panel));
    auto* place =
        dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("certification_place", panel));
    auto* save =
        dynamic_cast<wxButton*>(wxWindow::FindWindowByName("save_certification_policy", panel));
    ASSERT_NE(cycle, nullptr);
    ASSERT_NE(place, nullptr);
    ASSERT_NE(save, nullptr);
    EXPECT_EQ(cycle->GetSelection(), 0);  // 12 months until changed
    cycle->SetSelection(1);
    place->ChangeValue(pd::ui::from_utf8("碑林区社会保险经办中心"));
    press(save);
    {
        pd::ui::CertificationServices services(*session, false);
        EXPECT_EQ(services.service().settings().cycle.rule, pd::CycleSettings::Rule::CalendarYear);
        EXPECT_EQ(services.service().settings().place, "碑林区社会保险经办中心");
    }
    entries = settings_audit();
    ASSERT_EQ(entries.size(), 3U);
    EXPECT_EQ(entries[0].subject_id, "certification_policy");
    // An empty office name is refused with a sentence, and the saved one stays.
    place->ChangeValue(wxString());
    press(save);
    EXPECT_EQ(settings_audit().size(), 3U);
    EXPECT_EQ(pd::ui::CertificationServices(*session, false).service().settings().place,
              "碑林区社会保险经办中心");
    shot(frame, "21-settings-administrator");
    frame->Destroy();
    pump_for(100ms);

    // A clerk: the controls are disabled, and a forced event is refused without a trace.
    session->actor = pd::Actor{clerk_id, "窗口经办", "test-ws", pd::Role::CounterClerk, {}, "6101"};
    {
        pd::ui::CertificationServices services(*session, false);
        const auto photo = pd::ui::demo_staff_photo();
        ASSERT_TRUE(photo);
        const auto err =
            pd::ui::enrol_staff_face_from_photo(services, *pd::Uuid::parse(clerk_id), *photo);
        ASSERT_FALSE(err) << *err;
    }
    frame = new wxFrame(nullptr, wxID_ANY, "settings", wxPoint(0, 0), wxSize(1100, 700));
    panel = new pd::ui::SettingsPanel(frame, *session);
    frame->Show();
    pump_for(200ms);
    decoder = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("photo_decoder", panel));
    ASSERT_NE(decoder, nullptr);
    EXPECT_FALSE(decoder->IsEnabled());
    decoder->ChangeValue("/tmp/evil.so");
    wxCommandEvent forced(wxEVT_TEXT_ENTER, decoder->GetId());
    forced.SetEventObject(decoder);
    decoder->ProcessWindowEvent(forced);
    EXPECT_EQ(wxConfigBase::Get()->Read(pd::ui::photo_decoder_key, wxString()),
              "/opt/vendor/libwltrs.so");
    EXPECT_EQ(settings_audit().size(), 3U);
    auto* clerk_save =
        dynamic_cast<wxButton*>(wxWindow::FindWindowByName("save_certification_policy", panel));
    ASSERT_NE(clerk_save, nullptr);
    EXPECT_FALSE(clerk_save->IsEnabled());
    press(clerk_save);  // forced: refused by the handler too
    EXPECT_EQ(settings_audit().size(), 3U);

    // The clerk's own face is on file; withdrawing it deletes it and its sealed copies.
    auto* state = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("own_face_state", panel));
    auto* withdraw =
        dynamic_cast<wxButton*>(wxWindow::FindWindowByName("withdraw_own_face", panel));
    ASSERT_NE(state, nullptr);
    ASSERT_NE(withdraw, nullptr);
    EXPECT_TRUE(withdraw->IsShown());
    EXPECT_TRUE(state->GetLabel().Contains(pd::ui::from_utf8("已于"))) << state->GetLabel();
    shot(frame, "22-settings-clerk");
    std::int64_t sealed_before = 0;
    {
        pd::store::Database db(dir / "w.sqlite");
        SQLite::Statement q(db.sql(), "SELECT count(*) FROM sealed_blob WHERE owner_id = ?");
        q.bind(1, clerk_id);
        ASSERT_TRUE(q.executeStep());
        sealed_before = q.getColumn(0).getInt64();
    }
    EXPECT_EQ(sealed_before, 2);  // template and photo
    press(withdraw);
    EXPECT_FALSE(withdraw->IsShown());
    EXPECT_TRUE(state->GetLabel().Contains(pd::ui::from_utf8("尚未采集"))) << state->GetLabel();
    {
        pd::ui::CertificationServices services(*session, false);
        EXPECT_FALSE(services.staff_faces().face(*pd::Uuid::parse(clerk_id)));
        SQLite::Statement q(services.database().sql(),
                            "SELECT count(*) FROM sealed_blob WHERE owner_id = ?");
        q.bind(1, clerk_id);
        ASSERT_TRUE(q.executeStep());
        EXPECT_EQ(q.getColumn(0).getInt64(), 0);
        pd::AuditQuery aq;
        aq.action = pd::AuditAction::StaffFaceWithdrawn;
        EXPECT_EQ(session->auth->audit().find(aq).size(), 1U);
    }
    frame->Destroy();
    pump_for(100ms);
    session.reset();
    delete wxConfigBase::Set(previous);
    fs::remove_all(dir);
}

// The staff accounts area for an administrator: each account's own face on file or not, and a
// colleague's face withdrawn there (audited, sealed copies gone).
TEST(StaffArea, ShowsEachAccountsFaceAndWithdrawsAColleagues) {
    if (std::getenv("DISPLAY") == nullptr) {
        FAIL() << "no DISPLAY: run under Xvfb (xvfb-run -a, as scripts/test does)";
    }
    const fs::path dir =
        fs::temp_directory_path() / ("pd-uicert-staff-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir / "config");
    setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
    setenv("PENSIONDESK_TESTDATA", testdata().c_str(), 1);
    const pd::Actor admin{"01890a5d-ac96-774b-bcce-b302099a80a2",
                          "管理员",
                          "test-ws",
                          pd::Role::Administrator,
                          {},
                          {}};
    auto session = pd::ui::Session::open(dir / "w.sqlite", admin);
    auto clerk = session->auth->service().create_account(
        admin, pd::NewStaff{"C0101", "窗口经办甲", pd::Role::CounterClerk, {}, "6101"},
        "temporary-pass-1");
    ASSERT_TRUE(clerk) << clerk.error().message();
    auto other = session->auth->service().create_account(
        admin, pd::NewStaff{"C0102", "窗口经办乙", pd::Role::CounterClerk, {}, "6101"},
        "temporary-pass-2");
    ASSERT_TRUE(other) << other.error().message();
    {
        pd::ui::CertificationServices services(*session, false);
        const auto photo = pd::ui::demo_staff_photo();
        ASSERT_TRUE(photo);
        // The administrator runs the capture for the colleague at the camera.
        const auto err = pd::ui::enrol_staff_face_from_photo(services, clerk->id, *photo);
        ASSERT_FALSE(err) << *err;
    }
    auto* frame = new wxFrame(nullptr, wxID_ANY, "staff", wxPoint(0, 0), wxSize(1200, 700));
    auto* panel = dynamic_cast<pd::ui::StaffAdminPanel*>(pd::ui::make_staff_area(frame, *session));
    ASSERT_NE(panel, nullptr);
    frame->Show();
    pump_for(200ms);
    const auto row_of = [&](const char* number) {
        for (int i = 0; i < panel->list()->GetItemCount(); ++i)
            if (panel->list()->GetItemText(i, 0) == number) return i;
        return -1;
    };
    const int with_face = row_of("C0101");
    const int without = row_of("C0102");
    ASSERT_GE(with_face, 0);
    ASSERT_GE(without, 0);
    EXPECT_TRUE(panel->list()->GetItemText(with_face, 5).Contains(pd::ui::from_utf8("已于")));
    EXPECT_EQ(panel->list()->GetItemText(without, 5), pd::ui::from_utf8("未采集"));
    shot(frame, "23-staff-area-faces");

    panel->select_row(static_cast<std::size_t>(with_face));
    panel->withdraw_face("调离本窗口");
    EXPECT_EQ(panel->list()->GetItemText(row_of("C0101"), 5), pd::ui::from_utf8("未采集"));
    {
        pd::ui::CertificationServices services(*session, false);
        EXPECT_FALSE(services.staff_faces().face(clerk->id));
        SQLite::Statement q(services.database().sql(),
                            "SELECT count(*) FROM sealed_blob WHERE owner_id = ?");
        q.bind(1, clerk->id.str());
        ASSERT_TRUE(q.executeStep());
        EXPECT_EQ(q.getColumn(0).getInt64(), 0);
    }
    pd::AuditQuery aq;
    aq.action = pd::AuditAction::StaffFaceWithdrawn;
    const auto entries = session->auth->audit().find(aq);
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].subject_id, clerk->id.str());
    EXPECT_EQ(entries[0].detail, "调离本窗口");
    frame->Destroy();
    pump_for(100ms);
    session.reset();
    fs::remove_all(dir);
}

#ifdef PD_IDSIM
namespace {

// The simulated reader, started with this build's pensiondesk-idsim.
class Simulator : public pd::test::IdsimProcess {
  public:
    Simulator(const fs::path& card, const fs::path& fifo) : IdsimProcess(PD_IDSIM, card, fifo) {}
};

}  // namespace

// 读卡 in the certification panel: the card's holder is found by ID number and selected, and the
// name on the card (one character off the record) is a reason with its next step on screen. Needs
// no video, so it does not use the wizard fixture.
TEST(CertificationCardReader, CardHolderIsSelectedAndTheNameOnTheCardIsChecked) {
    if (std::getenv("DISPLAY") == nullptr) {
        FAIL() << "no DISPLAY: run under Xvfb (xvfb-run -a, as scripts/test does)";
    }
    const fs::path dir =
        fs::temp_directory_path() / ("pd-uicert-card-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir / "config");
    setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
    const std::string first17 = "11010119520315002";
    const std::string id_number = first17 + pd::IdNumber::check_character(first17);
    const fs::path card_json = dir / "card.json";
    pd::test::write_card_json(card_json, {"李秀瑛", "2", "19520315", "北京市东城区测试路1号",
                                          id_number, "北京市公安局东城分局"});
    Simulator sim(card_json, dir / "control");
    ASSERT_FALSE(sim.path().empty()) << "pensiondesk-idsim did not start";
    // The reader's port comes from the configuration, as on a counter PC; read on a press only.
    auto* previous = wxConfigBase::Set(new wxFileConfig("pensiondesk-cert-card-test", wxEmptyString,
                                                        (dir / "config.ini").string(),
                                                        wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    wxConfigBase::Get()->Write(pd::ui::CardReaderSettings::port_key, pd::ui::from_utf8(sim.path()));
    wxConfigBase::Get()->Write(pd::ui::CardReaderSettings::watch_key, false);

    auto session = pd::ui::Session::open(
        dir / "w.sqlite",
        pd::Actor{"test-supervisor", "测试主管", "test-ws", pd::Role::Supervisor, {}, {}});
    pd::RetireeDraft d;
    d.id_number = id_number;
    d.name = "李秀英";
    d.employer_unit = "北京市测试单位";
    ASSERT_TRUE(session->registry->register_retiree(d, session->actor));
    pd::RetireeDraft other;
    const std::string other17 = "61010319510202002";
    other.id_number = other17 + pd::IdNumber::check_character(other17);
    other.name = "王淑珍";
    other.employer_unit = "陕西省测试单位";
    ASSERT_TRUE(session->registry->register_retiree(other, session->actor));

    auto* frame =
        new wxFrame(nullptr, wxID_ANY, "certification card", wxPoint(0, 0), wxSize(1200, 860));
    auto* panel = new pd::ui::CertificationPanel(frame, *session);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(panel, 1, wxEXPAND);
    frame->SetSizer(sizer);
    frame->Show();
    pump_for(300ms);

    // Someone else first, so the card has to change the selection.
    panel->search(pd::ui::from_utf8("王淑珍"));
    ASSERT_TRUE(panel->selected());
    ASSERT_NE(panel->card_reader(), nullptr);
    wxButton* button = panel->card_reader()->button();
    wxCommandEvent press(wxEVT_BUTTON, button->GetId());
    press.SetEventObject(button);
    button->ProcessWindowEvent(press);
    EXPECT_TRUE(pump_until(
        [&] { return panel->selected() && panel->selected()->id_number == id_number; }, 15s))
        << "the card holder was not selected; reader says: "
        << panel->card_reader()->status().utf8_string();
    ASSERT_TRUE(panel->presented());
    EXPECT_EQ(panel->presented()->name, "李秀瑛");
    EXPECT_EQ(panel->presented()->id_number, id_number);
    wxString text = panel->eligibility_text();
    text.Replace("\n", wxEmptyString);
    EXPECT_TRUE(text.Contains(pd::ui::from_utf8("李秀瑛"))) << text.utf8_string();
    EXPECT_TRUE(text.Contains(pd::ui::from_utf8("出示的姓名（李秀瑛）与登记的（李秀英）")))
        << text.utf8_string();
    EXPECT_TRUE(text.Contains(wxString(_("What to do: %s")).BeforeFirst('%')))
        << text.utf8_string();
    shot(frame, "14-panel-card-name-differs");

    // Selecting another retiree drops the card's identity.
    panel->search(pd::ui::from_utf8("王淑珍"));
    EXPECT_FALSE(panel->presented());
    EXPECT_FALSE(panel->eligibility_text().Contains(pd::ui::from_utf8("李秀瑛")));

    // A card whose holder is not registered says so, never nothing.
    pd::devices::Card stranger;
    const std::string stranger17 = "11010119480101003";
    stranger.text.name = "陈建国";
    stranger.text.id_number = stranger17 + pd::IdNumber::check_character(stranger17);
    panel->find_card_holder(stranger);
    EXPECT_FALSE(panel->selected());
    EXPECT_FALSE(panel->presented());
    wxString none = panel->eligibility_text();
    none.Replace("\n", wxEmptyString);
    EXPECT_TRUE(none.Contains(pd::ui::from_utf8(stranger.text.id_number))) << none.utf8_string();
    EXPECT_TRUE(none.Contains(pd::ui::from_utf8("退休人员"))) << none.utf8_string();

    frame->Destroy();
    pump_for(100ms);
    session.reset();
    delete wxConfigBase::Set(previous);
    sim.stop();
    fs::remove_all(dir);
}

// The card read in the wizard itself: its name (one character off) is a reason there and
// blocks the start. At enrolment the card's chip photo (decoded by the configured vendor-style
// library) sits beside the live picture; without a decoder the clerk is told why there is no
// photo; somebody else's card is refused before anything is captured.
TEST_F(WizardTest, CardInTheWizardAndTheChipPhotoAtEnrolment) {
    auto& services = panel_->services();
    const std::string first17 = "61010319500505005";
    const std::string id_number = first17 + pd::IdNumber::check_character(first17);
    pd::RetireeDraft d;
    d.id_number = id_number;
    d.name = "周秀英";
    d.employer_unit = "陕西省测试单位";
    auto reg = session_->registry->register_retiree(d, session_->actor);
    ASSERT_TRUE(reg);
    const fs::path card_json = dir_ / "card.json";
    pd::test::write_card_json(
        card_json, {"周秀瑛", "2", "19500505", "陕西省西安市测试路2号", id_number, "西安市公安局"});
    Simulator sim(card_json, dir_ / "control");
    ASSERT_FALSE(sim.path().empty()) << "pensiondesk-idsim did not start";
    auto* previous = wxConfigBase::Set(
        new wxFileConfig("pensiondesk-wizard-card-test", wxEmptyString,
                         (dir_ / "config.ini").string(), wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
    wxConfigBase::Get()->Write(pd::ui::CardReaderSettings::port_key, pd::ui::from_utf8(sim.path()));
    wxConfigBase::Get()->Write(pd::ui::CardReaderSettings::watch_key, false);
    wxConfigBase::Get()->Write(pd::ui::photo_decoder_key, PD_FAKE_WLT_DECODER);

    auto* wizard = new pd::ui::CertificationWizard(frame_, services, reg->id);
    wizard->Show();
    wizard->Raise();
    EXPECT_FALSE(wizard->card());
    press(wizard->card_reader()->button());
    EXPECT_TRUE(pump_until([&] { return wizard->card().has_value(); }, 15s))
        << wizard->card_reader()->status().utf8_string();
    ASSERT_TRUE(wizard->eligibility());
    EXPECT_FALSE(wizard->eligibility()->can_certify());
    bool named = false;
    for (const auto& line : wizard->reason_lines())
        named = named || line.Contains(pd::ui::from_utf8("周秀瑛"));
    EXPECT_TRUE(named);
    EXPECT_FALSE(wizard->start());
    shot(wizard, "18-wizard-card-name-differs");

    // The relative lays their own card down: the proxy fields take its name and number.
    const fs::path relative_json = dir_ / "relative.json";
    pd::test::write_card_json(relative_json,
                              {"李明", "1", "19800101", "陕西省西安市碑林区测试路3号",
                               "610103198001010038", "西安市公安局", "20300101"});
    sim.send("card " + relative_json.string());
    pump_for(200ms);  // the simulator takes the line on its own thread
    wizard->proxy_panel()->set(pd::ProxyDraft{"", "", "13912345678", "子女"});
    press(wizard->proxy_panel()->card_reader()->button());
    EXPECT_TRUE(pump_until([&] { return wizard->proxy_panel()->proxy().has_value(); }, 15s))
        << wizard->proxy_panel()->card_reader()->status().utf8_string();
    ASSERT_TRUE(wizard->proxy_panel()->proxy());
    EXPECT_EQ(wizard->proxy_panel()->proxy()->name.str(), "李明");
    EXPECT_EQ(wizard->proxy_panel()->proxy()->id_number.str(), "610103198001010038");
    EXPECT_EQ(wizard->proxy_panel()->proxy()->phone.str(), "13912345678");  // typed, kept
    wizard->proxy_panel()->set(pd::ProxyDraft{});
    // The retiree's card back on the reader for the enrolment below.
    sim.send("card " + card_json.string());
    pump_for(200ms);

    // Enrolment with the card read there: the chip photo is decoded and shown.
    auto sources = services.sources();
    const pd::ui::EnrolmentSubject subject{pd::ui::EnrolmentSubject::Kind::Retiree, reg->id, d.name,
                                           d.id_number};
    {
        auto* enrol = new pd::ui::EnrollmentDialog(wizard, services, subject, sources);
        enrol->Show();
        EXPECT_FALSE(enrol->chip_photo_shown());
        press(enrol->card_reader()->button());
        EXPECT_TRUE(pump_until([&] { return enrol->chip_photo_shown(); }, 15s))
            << enrol->card_reader()->status().utf8_string() << " / "
            << enrol->chip_note().utf8_string();
        EXPECT_FALSE(enrol->card_mismatch());
        // The number is the retiree's; the differing name is said, not silently accepted.
        wxString status = enrol->status();
        status.Replace("\n", wxEmptyString);
        EXPECT_TRUE(status.Contains(pd::ui::from_utf8("周秀瑛"))) << status.utf8_string();
        shot(enrol, "19-enrolment-chip-photo");
        enrol->Destroy();
    }
    // No decoder configured: no photo, and the reason instead of an empty frame.
    wxConfigBase::Get()->Write(pd::ui::photo_decoder_key, wxString());
    {
        auto* enrol =
            new pd::ui::EnrollmentDialog(wizard, services, subject, sources, wizard->card());
        EXPECT_FALSE(enrol->chip_photo_shown());
        EXPECT_TRUE(enrol->chip_note().Contains(pd::ui::from_utf8("解码"))) << enrol->chip_note();
        enrol->Destroy();
    }
    // Somebody else's card: refused, nothing can be captured or confirmed.
    {
        pd::devices::Card other = *wizard->card();
        const std::string other17 = "61010319480808006";
        other.text.id_number = other17 + pd::IdNumber::check_character(other17);
        auto* enrol = new pd::ui::EnrollmentDialog(wizard, services, subject, sources, other);
        enrol->Show();
        EXPECT_TRUE(enrol->card_mismatch());
        enrol->give_consent(true);
        EXPECT_FALSE(enrol->start_capture());
        EXPECT_TRUE(enrol->status().Contains(pd::ui::from_utf8(other.text.id_number)));
        shot(enrol, "20-enrolment-other-card");
        enrol->Destroy();
    }
    EXPECT_FALSE(services.certifications().active_enrollment(reg->id));
    wizard->Destroy();
    pump_for(100ms);
    delete wxConfigBase::Set(previous);
    sim.stop();
}
#endif

namespace {
class TestApp final : public wxApp {
  public:
    bool OnInit() override { return true; }
};
}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    std::setlocale(LC_CTYPE, "C.UTF-8");
    if (std::getenv("DISPLAY") == nullptr) return RUN_ALL_TESTS();  // the tests say why
    wxConfigBase::DontCreateOnDemand();  // the remembered camera stays out of the user's home
    wxApp::SetInstance(new TestApp);     // wx's ownership model: wxEntryCleanup deletes it
    int wx_argc = 1;
    if (!wxEntryStart(wx_argc, argv) || !wxTheApp->CallOnInit()) return 1;
    pd::ui::setup_translations(pd::ui::Language::Chinese);
    const int rc = RUN_ALL_TESTS();
    wxTheApp->OnExit();
    wxEntryCleanup();
    return rc;
}
