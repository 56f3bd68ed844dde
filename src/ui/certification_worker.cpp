#include "ui/certification_worker.h"

#include <wx/intl.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ui/text.h"
#include "vision/face_engine.h"
#include "vision/frame_source.h"

wxDEFINE_EVENT(pd::ui::EVT_CAPTURE_FRAME, wxThreadEvent);
wxDEFINE_EVENT(pd::ui::EVT_CAPTURE_PROGRESS, wxThreadEvent);
wxDEFINE_EVENT(pd::ui::EVT_CAPTURE_DONE, wxThreadEvent);

namespace pd::ui {

namespace {

std::vector<std::uint8_t> jpeg(const cv::Mat& bgr) {
    std::vector<std::uint8_t> out;
    if (!bgr.empty()) cv::imencode(".jpg", bgr, out, {cv::IMWRITE_JPEG_QUALITY, 90});
    return out;
}

std::unique_ptr<vision::FrameSource> open(const CaptureSource& s) {
    if (s.kind == CaptureSource::Kind::Video)
        return vision::start_source(vision::make_video_reader(s.video), s.pacing);
    vision::CameraRequest request;
    request.index = s.camera_index;
    // A camera at the counter gets a few tries before the wizard says it is missing.
    return vision::start_source(vision::make_camera_reader(request), vision::Pacing::realtime,
                                std::chrono::milliseconds(1000), 3);
}

}  // namespace

CertificationWorker::CertificationWorker(CaptureJob job, wxEvtHandler* target)
    : job_(std::move(job)), target_(target), thread_([this](std::stop_token st) { run(st); }) {}

CertificationWorker::~CertificationWorker() {
    thread_.request_stop();
    if (thread_.joinable()) thread_.join();
}

void CertificationWorker::set_preview_size(int width, int height) {
    preview_w_ = std::max(width, 32);
    preview_h_ = std::max(height, 32);
}

std::optional<PreviewFrame> CertificationWorker::take_frame() {
    std::lock_guard lock(mutex_);
    frame_pending_ = false;
    auto f = std::move(latest_);
    latest_.reset();
    return f;
}

void CertificationWorker::post_frame(const cv::Mat& bgr, const vision::FrameAnalysis& analysis,
                                     const vision::FrameMeasurement& m) {
    if (bgr.empty()) return;
    const int pw = preview_w_;
    const int ph = preview_h_;
    const double scale =
        std::min(static_cast<double>(pw) / bgr.cols, static_cast<double>(ph) / bgr.rows);
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::cvtColor(small, small, cv::COLOR_BGR2RGB);
    cv::flip(small, small, 1);  // a mirror: people expect to move the way they see themselves
    PreviewFrame f;
    f.width = small.cols;
    f.height = small.rows;
    f.rgb.assign(small.datastart, small.dataend);
    if (analysis.primary) {
        const auto& b = analysis.primary->face.box;
        const int x = static_cast<int>((bgr.cols - static_cast<double>(b.x) - b.width) * scale);
        f.face = wxRect(x, static_cast<int>(b.y * scale), static_cast<int>(b.width * scale),
                        static_cast<int>(b.height * scale));
    }
    f.quality_ok = m.quality_ok;
    {
        std::lock_guard lock(mutex_);
        latest_ = std::move(f);
    }
    // One notification in flight at most: the UI takes whatever is newest when it gets there.
    if (!frame_pending_.exchange(true)) wxQueueEvent(target_, new wxThreadEvent(EVT_CAPTURE_FRAME));
}

void CertificationWorker::post_progress(const ChallengeProgress& p) {
    auto* e = new wxThreadEvent(EVT_CAPTURE_PROGRESS);
    e->SetPayload(p);
    wxQueueEvent(target_, e);
}

void CertificationWorker::run(std::stop_token stop) {
    auto outcome = std::make_shared<CaptureOutcome>();
    outcome->model_version = face_model_version();
    const auto finish = [&] {
        if (stop.stop_requested()) return;  // the wizard is closing: nobody is listening
        auto* e = new wxThreadEvent(EVT_CAPTURE_DONE);
        e->SetPayload(outcome);
        wxQueueEvent(target_, e);
    };
    try {
        post_progress(ChallengeProgress{
            to_utf8(_("Starting the camera and the face engine...")), {}, 0, 0, 0, true});
        vision::FaceEngine engine;
        if (!engine.available()) {
            outcome->error = engine.unavailable_reason();
            outcome->failure_code = "engine_unavailable";
            finish();
            return;
        }
        auto source = open(job_.source);
        vision::SessionOptions options;
        options.challenge = job_.challenge;
        auto session = job_.sequence.empty()
                           ? vision::ChallengeSession(engine, options, job_.seed)
                           : vision::ChallengeSession(engine, options, job_.sequence);
        const auto& sequence = session.challenge().sequence();
        ChallengeProgress progress{{}, {}, 0, sequence.size(), 0, false};
        if (!sequence.empty()) progress.action = sequence.front();
        progress.prompt = to_utf8(_("Please look at the camera"));
        post_progress(progress);

        while (!stop.stop_requested() && !session.finished()) {
            auto frame = source->wait_next(std::chrono::milliseconds(200));
            if (!frame) {
                const auto st = source->status();
                if (st == vision::SourceStatus::ended || st == vision::SourceStatus::failed) {
                    outcome->error = st == vision::SourceStatus::failed
                                         ? source->last_error()
                                         : std::string("the video ended before the challenge");
                    outcome->failure_code =
                        st == vision::SourceStatus::failed ? "source_unavailable" : "timeout";
                    break;
                }
                continue;
            }
            const auto events = session.process(frame->image, frame->timestamp_s);
            post_frame(frame->image, session.last_analysis(), session.last_measurement());
            bool changed = false;
            for (const auto& ev : events) {
                if (!ev.prompt.empty()) progress.prompt = ev.prompt;
                if (ev.action) progress.action = ev.action;
                progress.step = ev.step;
                if (ev.kind == vision::EventKind::action_completed) progress.done = ev.step + 1;
                changed = true;
            }
            // Quality hints (too dark, too far) replace the prompt while the face is not usable.
            const auto& m = session.last_measurement();
            if (!m.quality_ok && !m.quality_prompt.empty() && progress.prompt != m.quality_prompt) {
                progress.prompt = m.quality_prompt;
                changed = true;
            }
            if (changed) post_progress(progress);
        }
        if (stop.stop_requested()) return;

        outcome->result = session.result();
        outcome->challenge_passed = session.result().success;
        for (const auto& a : session.result().actions)
            if (a.done) outcome->actions.emplace_back(vision::to_string(a.action));
        if (outcome->failure_code.empty() && !outcome->challenge_passed)
            outcome->failure_code = std::string(vision::to_string(session.result().failure));
        outcome->best_template = session.best_template();
        outcome->best_jpeg = jpeg(session.best_frame());
        for (const auto& ev : session.evidence()) outcome->evidence_jpegs.push_back(jpeg(ev.image));

        if (outcome->challenge_passed && !job_.enrolled.empty()) {
            outcome->match = vision::decide_match(outcome->best_template, job_.enrolled,
                                                  job_.forbidden, job_.verify);
            outcome->verified = outcome->match.accepted;
            if (!outcome->verified)
                outcome->failure_code = std::string(vision::to_string(outcome->match.reason));
        }
    } catch (const std::exception& e) {
        outcome->error = e.what();
        if (outcome->failure_code.empty()) outcome->failure_code = "engine_error";
    }
    finish();
}

}  // namespace pd::ui
