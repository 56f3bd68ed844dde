#pragma once

#include <wx/bitmap.h>
#include <wx/timer.h>
#include <wx/window.h>

#include <optional>

#include "ui/certification_worker.h"

namespace pd::ui {

// The live picture: the newest frame, the face box, a guide oval to put the face in, the
// current prompt in very large Chinese text and an animated arrow for the action asked.
// Paints only what the worker already scaled, so a frame costs the UI thread one blit.
class CameraPreview final : public wxWindow {
  public:
    CameraPreview(wxWindow* parent, wxWindowID id = wxID_ANY);

    void show_frame(PreviewFrame frame);
    void show_progress(const ChallengeProgress& progress);
    void clear();

    [[nodiscard]] int frames_shown() const { return frames_shown_; }
    [[nodiscard]] const ChallengeProgress& progress() const { return progress_; }

  private:
    void on_paint(wxPaintEvent&);
    void draw_arrow(wxDC& dc, const wxRect& area) const;

    wxBitmap bitmap_;
    std::optional<wxRect> face_;
    bool quality_ok_ = false;
    ChallengeProgress progress_;
    wxTimer animation_;
    int phase_ = 0;  // animation step, 0..15
    int frames_shown_ = 0;
};

}  // namespace pd::ui
