#include "commands.h"

#include <chrono>
#include <iostream>
#include <random>
#include <sstream>

#include "json_writer.h"
#include "vision/challenge_session.h"
#include "vision/error.h"
#include "vision/face_embedder.h"
#include "vision/face_engine.h"
#include "vision/frame_source.h"
#include "vision/image_io.h"
#include "vision/landmark_model.h"
#include "vision/verifier.h"

namespace pd::vision::cli {
namespace {

constexpr double kLiveThreshold = 0.5;

int exit_code_for(ErrorCode code) {
    switch (code) {
        case ErrorCode::no_face:
            return kNoFace;
        case ErrorCode::several_faces:
            return kSeveralFaces;
        case ErrorCode::model_missing:
        case ErrorCode::model_corrupt:
        case ErrorCode::engine_unavailable:
            return kEngineUnavailable;
        case ErrorCode::source_unavailable:
            return kSourceUnavailable;
        case ErrorCode::invalid_argument:
            return kUsage;
        default:
            return kBadImage;
    }
}

int report_error(const Options& o, ErrorCode code, const std::string& message) {
    if (o.json) {
        JsonWriter j;
        j.begin_object()
            .field("ok", false)
            .field("error", to_string(code))
            .field("message", message);
        std::cout << j.end_object().str() << "\n";
    } else {
        std::cerr << "error (" << to_string(code) << "): " << message << "\n";
    }
    return exit_code_for(code);
}

void write_box(JsonWriter& j, const FaceBox& f) {
    j.begin_object()
        .field("x", static_cast<double>(f.box.x))
        .field("y", static_cast<double>(f.box.y))
        .field("width", static_cast<double>(f.box.width))
        .field("height", static_cast<double>(f.box.height))
        .field("confidence", static_cast<double>(f.confidence))
        .end_object();
}

// A still photo's one face (largest when others are much smaller), or a VisionError.
FaceBox single_face(FaceEngine& engine, const cv::Mat& img) {
    auto faces = engine.detect(img, true);
    if (faces.empty()) throw VisionError(ErrorCode::no_face, "no face found in the image");
    std::sort(faces.begin(), faces.end(),
              [](const FaceBox& a, const FaceBox& b) { return a.box.height > b.box.height; });
    if (faces.size() > 1 && faces[1].box.height * 3.0F >= faces[0].box.height) {
        throw VisionError(ErrorCode::several_faces,
                          std::to_string(faces.size()) + " faces in the image; need exactly one");
    }
    return faces.front();
}

int cmd_detect(FaceEngine& engine, const Options& o) {
    const cv::Mat img = load_image(o.args.at(0));
    const auto faces = engine.detect(img, true);
    if (o.json) {
        JsonWriter j;
        j.begin_object()
            .field("ok", true)
            .field("image", o.args[0])
            .field("count", static_cast<int>(faces.size()));
        j.begin_array("faces");
        for (const auto& f : faces) write_box(j, f);
        std::cout << j.end_array().end_object().str() << "\n";
    } else {
        std::cout << faces.size() << " face(s) in " << o.args[0] << "\n";
        for (const auto& f : faces) {
            std::cout << "  x=" << f.box.x << " y=" << f.box.y << " w=" << f.box.width
                      << " h=" << f.box.height << " confidence=" << f.confidence << "\n";
        }
    }
    return faces.empty() ? kNoFace : kOk;
}

int cmd_verify(FaceEngine& engine, const Options& o) {
    FaceTemplate a;
    FaceTemplate b;
    for (int i = 0; i < 2; ++i) {
        const auto& path = o.args.at(static_cast<std::size_t>(i));
        try {
            (i == 0 ? a : b) = engine.template_from_photo(load_image(path));
        } catch (const VisionError& e) {
            throw VisionError(e.code(), path + ": " + e.what());
        }
    }
    VerifyConfig cfg;
    if (o.threshold) cfg.threshold = *o.threshold;
    const std::vector<FaceTemplate> retiree{b};
    const auto d = decide_match(a, retiree, {}, cfg);
    if (o.json) {
        JsonWriter j;
        j.begin_object()
            .field("ok", true)
            .field("same_person", d.accepted)
            .field("similarity", d.retiree_score)
            .field("threshold", cfg.threshold)
            .field("reason", to_string(d.reason));
        std::cout << j.end_object().str() << "\n";
    } else {
        std::cout << (d.accepted ? "same person" : "different people") << " (similarity "
                  << d.retiree_score << ", threshold " << cfg.threshold << ")\n";
    }
    return d.accepted ? kOk : kNotSamePerson;
}

int cmd_liveness(FaceEngine& engine, const Options& o) {
    const cv::Mat img = load_image(o.args.at(0));
    const FaceBox face = single_face(engine, img);
    const auto probs = engine.liveness_probabilities(img, face);
    const double score = engine.liveness(img, face);
    const bool live = score >= kLiveThreshold;
    if (o.json) {
        JsonWriter j;
        j.begin_object().field("ok", true).field("live", live).field("score", score);
        j.begin_array("class_probabilities");
        for (float p : probs) j.value(static_cast<double>(p));
        j.end_array();
        j.key("face");
        write_box(j, face);
        std::cout << j.end_object().str() << "\n";
    } else {
        std::cout << (live ? "live" : "spoof suspected") << " (score " << score << ")\n";
    }
    return live ? kOk : kSpoof;
}

int cmd_analyze(FaceEngine& engine, const Options& o) {
    auto source = open_source(o.args.at(0), Pacing::as_fast_as_possible);
    LivenessSmoother smoother;
    JsonWriter j;
    if (o.json) {
        j.begin_object().field("ok", true).field("source", o.args[0]).begin_array("frames");
    } else {
        std::cout << "frame,time_s,faces,yaw_deg,pitch_deg,roll_deg,eye_left_open,"
                     "eye_right_open,eye_aspect_ratio,eyes_closed,mouth_open,liveness,"
                     "liveness_smoothed,quality_ok,quality_issues\n";
    }
    while (true) {
        auto frame = source->wait_next(std::chrono::seconds(10));
        if (!frame) break;
        const auto a = engine.analyze(frame->image, frame->timestamp_s);
        std::string issues;
        for (auto q : a.quality.issues)
            issues += (issues.empty() ? "" : ";") + std::string(to_string(q));
        if (a.primary) smoother.add(a.primary->liveness);
        const auto& p = a.primary;
        if (o.json) {
            j.begin_object()
                .field("frame", static_cast<long long>(frame->index))
                .field("time_s", frame->timestamp_s)
                .field("faces", static_cast<int>(a.faces.size()));
            if (p) {
                j.field("yaw_deg", p->pose.yaw_deg)
                    .field("pitch_deg", p->pose.pitch_deg)
                    .field("roll_deg", p->pose.roll_deg)
                    .field("eye_left_open", static_cast<double>(p->eyes.left_open))
                    .field("eye_right_open", static_cast<double>(p->eyes.right_open))
                    .field("eye_aspect_ratio", p->eyes.aspect_ratio)
                    .field("eyes_closed", p->eyes.closed)
                    .field("mouth_open", p->mouth_open)
                    .field("liveness", static_cast<double>(p->liveness))
                    .field("liveness_smoothed", smoother.value());
            }
            j.field("quality_ok", a.quality.ok()).field("quality_issues", issues).end_object();
        } else {
            std::ostringstream row;
            row << frame->index << ',' << frame->timestamp_s << ',' << a.faces.size() << ',';
            if (p) {
                row << p->pose.yaw_deg << ',' << p->pose.pitch_deg << ',' << p->pose.roll_deg << ','
                    << p->eyes.left_open << ',' << p->eyes.right_open << ',' << p->eyes.aspect_ratio
                    << ',' << (p->eyes.closed ? 1 : 0) << ',' << p->mouth_open << ',' << p->liveness
                    << ',' << smoother.value();
            } else {
                row << ",,,,,,,,,";
            }
            row << ',' << (a.quality.ok() ? 1 : 0) << ',' << issues;
            std::cout << row.str() << "\n";
        }
    }
    if (source->status() == SourceStatus::failed) {
        throw VisionError(ErrorCode::source_unavailable, source->last_error());
    }
    if (o.json) std::cout << j.end_array().end_object().str() << "\n";
    return kOk;
}

int cmd_challenge(FaceEngine& engine, const Options& o) {
    SessionOptions so;
    std::vector<Action> sequence;
    std::stringstream ss(o.actions);
    for (std::string name; std::getline(ss, name, ',');) {
        if (name.empty()) continue;
        const auto a = parse_action(name);
        if (!a) {
            throw VisionError(ErrorCode::invalid_argument,
                              "unknown action '" + name + "' (nod, shake, blink, open_mouth)");
        }
        sequence.push_back(*a);
    }
    const std::uint64_t seed = o.seed_given ? o.seed : std::random_device{}();
    ChallengeSession session = sequence.empty() ? ChallengeSession(engine, so, seed)
                                                : ChallengeSession(engine, so, sequence);
    const bool live_source = !std::filesystem::exists(o.source) || o.source.starts_with("/dev/");
    auto source = open_source(
        o.source, o.realtime || live_source ? Pacing::realtime : Pacing::as_fast_as_possible);
    JsonWriter j;
    if (o.json) j.begin_object().begin_array("events");
    const auto t0 = std::chrono::steady_clock::now();
    bool got_frame = false;
    while (!session.finished()) {
        auto frame = source->wait_next(std::chrono::seconds(1));
        if (!frame) {
            const auto st = source->status();
            if (st == SourceStatus::ended || st == SourceStatus::failed) break;
            // A camera that never delivered: say so instead of waiting for ever.
            if (!got_frame && std::chrono::steady_clock::now() - t0 > std::chrono::seconds(10)) {
                throw VisionError(ErrorCode::source_unavailable,
                                  source->last_error().empty()
                                      ? "no frames from " + source->description()
                                      : source->last_error());
            }
            if (std::chrono::steady_clock::now() - t0 > std::chrono::minutes(2)) break;
            continue;
        }
        got_frame = true;
        for (const auto& e : session.process(frame->image, frame->timestamp_s)) {
            const char* kind = e.kind == EventKind::prompt             ? "prompt"
                               : e.kind == EventKind::action_started   ? "action_started"
                               : e.kind == EventKind::action_completed ? "action_completed"
                               : e.kind == EventKind::succeeded        ? "succeeded"
                                                                       : "failed";
            if (o.json) {
                j.begin_object()
                    .field("kind", kind)
                    .field("time_s", e.time_s)
                    .field("step", static_cast<int>(e.step));
                if (e.action) j.field("action", to_string(*e.action));
                if (!e.prompt.empty()) j.field("prompt", e.prompt);
                if (e.kind == EventKind::failed) j.field("failure", to_string(e.failure));
                j.end_object();
            } else {
                std::cout << std::fixed;
                std::cout.precision(2);
                std::cout << e.time_s << "s " << kind;
                if (e.action) std::cout << " " << to_string(*e.action);
                if (!e.prompt.empty()) std::cout << " " << e.prompt;
                if (e.kind == EventKind::failed) std::cout << " (" << to_string(e.failure) << ")";
                std::cout << "\n";
            }
        }
    }
    if (source->status() == SourceStatus::failed && !session.finished()) {
        throw VisionError(ErrorCode::source_unavailable, source->last_error());
    }
    const auto& r = session.result();
    const std::string failure =
        session.finished() ? std::string(to_string(r.failure)) : std::string("source_ended");
    if (o.json) {
        j.end_array().field("ok", true).field("success", r.success).field("failure", failure);
        j.begin_array("actions");
        for (const auto& a : r.actions) {
            j.begin_object()
                .field("action", to_string(a.action))
                .field("done", a.done)
                .field("started_s", a.started_s)
                .field("finished_s", a.finished_s)
                .field("peak", a.peak)
                .end_object();
        }
        j.end_array()
            .field("min_liveness", r.min_liveness)
            .field("mean_liveness", r.mean_liveness)
            .field("min_identity_similarity", r.min_identity_similarity)
            .field("best_frame", static_cast<long long>(r.best_frame_index))
            .field("duration_s", r.duration_s);
        std::cout << j.end_object().str() << "\n";
    } else {
        std::cout << (r.success ? "challenge passed" : "challenge failed: " + failure)
                  << " (min liveness " << r.min_liveness << ", best frame " << r.best_frame_index
                  << ")\n";
    }
    return r.success ? kOk : kChallengeFailed;
}

}  // namespace

std::string usage() {
    return "usage: pensiondesk-vision COMMAND [options]\n"
           "  detect IMG                      faces in an image\n"
           "  verify IMG_A IMG_B [--threshold T]  same person?\n"
           "  liveness IMG                    passive liveness of the one face\n"
           "  challenge --source CAMERA|VIDEO|DIR [--actions nod,shake] [--seed N] [--realtime]\n"
           "  analyze VIDEO|DIR               per-frame CSV: pose, eyes, mouth, liveness\n"
           "options: --json  machine-readable output;  --models DIR  model folder\n"
           "exit codes: 0 ok, 1 usage, 2 bad image, 3 no face, 4 several faces,\n"
           "  5 engine unavailable (models), 6 source unavailable, 10 not same person,\n"
           "  11 spoof suspected, 12 challenge failed\n";
}

std::optional<Options> parse_options(const std::vector<std::string>& argv, std::string& error) {
    Options o;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        auto next = [&]() -> std::optional<std::string> {
            if (i + 1 >= argv.size()) {
                error = a + " needs a value";
                return std::nullopt;
            }
            return argv[++i];
        };
        if (a == "--json") {
            o.json = true;
        } else if (a == "--realtime") {
            o.realtime = true;
        } else if (a == "--source" || a == "--actions" || a == "--seed" || a == "--threshold" ||
                   a == "--models") {
            const auto v = next();
            if (!v) return std::nullopt;
            try {
                if (a == "--source") o.source = *v;
                if (a == "--actions") o.actions = *v;
                if (a == "--models") o.models = *v;
                if (a == "--seed") {
                    o.seed = std::stoull(*v);
                    o.seed_given = true;
                }
                if (a == "--threshold") o.threshold = std::stod(*v);
            } catch (const std::exception&) {
                error = "bad value for " + a + ": '" + *v + "'";
                return std::nullopt;
            }
        } else if (a.starts_with("--")) {
            error = "unknown option " + a;
            return std::nullopt;
        } else if (o.command.empty()) {
            o.command = a;
        } else {
            o.args.push_back(a);
        }
    }
    const std::size_t need =
        o.command == "verify"                                                        ? 2
        : o.command == "detect" || o.command == "liveness" || o.command == "analyze" ? 1
        : o.command == "challenge"                                                   ? 0
                                                                                     : 99;
    if (need == 99) {
        error = o.command.empty() ? "no command given" : "unknown command '" + o.command + "'";
        return std::nullopt;
    }
    if (o.args.size() != need) {
        error = o.command + " takes " + std::to_string(need) + " argument(s)";
        return std::nullopt;
    }
    if (o.command == "challenge" && o.source.empty()) {
        error = "challenge needs --source CAMERA|VIDEO|DIR";
        return std::nullopt;
    }
    return o;
}

int run(const Options& o) {
    try {
        EngineOptions eo;
        if (!o.models.empty()) eo.model_dir = o.models;
        FaceEngine engine(eo);
        if (!engine.available()) {
            return report_error(o, ErrorCode::engine_unavailable, engine.unavailable_reason());
        }
        if (o.command == "detect") return cmd_detect(engine, o);
        if (o.command == "verify") return cmd_verify(engine, o);
        if (o.command == "liveness") return cmd_liveness(engine, o);
        if (o.command == "analyze") return cmd_analyze(engine, o);
        if (o.command == "challenge") return cmd_challenge(engine, o);
        return kUsage;
    } catch (const VisionError& e) {
        return report_error(o, e.code(), e.what());
    } catch (const std::exception& e) {
        if (o.json) {
            JsonWriter j;
            j.begin_object()
                .field("ok", false)
                .field("error", "internal")
                .field("message", e.what());
            std::cout << j.end_object().str() << "\n";
        } else {
            std::cerr << "internal error: " << e.what() << "\n";
        }
        return kInternal;
    }
}

}  // namespace pd::vision::cli
