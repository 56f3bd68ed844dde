#pragma once

#include <optional>

#include "ui/certification_services.h"

namespace pd::ui {

// The demo video offered as a camera when the shared face test data is present
// (PENSIONDESK_TESTDATA): liveportrait_d12.mp4, with the actions it really shows.
[[nodiscard]] std::optional<CaptureSource> demo_video_source();

// The demo retiree's ID number (registered and enrolled from the demo video's face).
inline constexpr const char* demo_retiree_id_number_first17 = "61010319520315002";

// When the demo workspace opens with the test data present: registers the demo retiree (once)
// and enrols them from a frame of the demo video, and enrols the signed-in demo staff member's
// own face from a photo of somebody else (the workstation requires it before certifying), so
// a newcomer can run a whole certification without a webcam. Does nothing without the test
// data; never throws (the demo just offers no video then, and says why on stderr).
void prepare_demo_certification(CertificationServices& services);

// A staff member's face from a photo file, as the demo's stand-in for a capture at the camera:
// sealed and recorded with a simulated consent. The error in words when it cannot be done.
[[nodiscard]] std::optional<std::string> enrol_staff_face_from_photo(
    CertificationServices& services, const Uuid& staff, const std::filesystem::path& photo);

// The photo the demo uses for its staff members' faces (a person not in the demo video).
[[nodiscard]] std::optional<std::filesystem::path> demo_staff_photo();

// The demo retiree's ID number, for the search box of a demo workspace.
[[nodiscard]] std::string demo_retiree_id_number();

}  // namespace pd::ui
