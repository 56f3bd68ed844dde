#include "ui/camera_preview.h"

#include <wx/dcbuffer.h>
#include <wx/image.h>

#include <cmath>

#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

CameraPreview::CameraPreview(wxWindow* parent, wxWindowID id)
    : wxWindow(parent, id, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE),
      animation_(this) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(640, 480)));
    Bind(wxEVT_PAINT, &CameraPreview::on_paint, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        phase_ = (phase_ + 1) % 16;
        Refresh(false);
    });
    animation_.Start(80);
}

void CameraPreview::show_frame(PreviewFrame frame) {
    if (frame.width <= 0 || frame.height <= 0) return;
    // wxImage takes its own copy: the worker's buffer goes away with `frame`.
    wxImage image(frame.width, frame.height, frame.rgb.data(), true);
    bitmap_ = wxBitmap(image.Copy());
    face_ = frame.face;
    quality_ok_ = frame.quality_ok;
    ++frames_shown_;
    Refresh(false);
}

void CameraPreview::show_progress(const ChallengeProgress& progress) {
    progress_ = progress;
    Refresh(false);
}

void CameraPreview::clear() {
    bitmap_ = wxBitmap();
    face_.reset();
    progress_ = {};
    Refresh(false);
}

void CameraPreview::draw_arrow(wxDC& dc, const wxRect& area) const {
    if (!progress_.action || progress_.loading) return;
    if (progress_.steps > 0 && progress_.done >= progress_.steps) return;  // all done
    const double swing = std::sin(phase_ * 3.14159265 / 8.0);              // -1..1
    const int len = area.width / 6;
    const wxPoint c(area.x + area.width / 2, area.y + area.height / 2);
    dc.SetPen(wxPen(wxColour(255, 200, 0), FromDIP(8)));
    dc.SetBrush(wxBrush(wxColour(255, 200, 0)));
    const int head = FromDIP(18);
    auto arrow = [&](wxPoint from, wxPoint to) {
        dc.DrawLine(from, to);
        const double ang = std::atan2(to.y - from.y, to.x - from.x);
        const wxPoint pts[3] = {to,
                                wxPoint(to.x - static_cast<int>(head * std::cos(ang - 0.5)),
                                        to.y - static_cast<int>(head * std::sin(ang - 0.5))),
                                wxPoint(to.x - static_cast<int>(head * std::cos(ang + 0.5)),
                                        to.y - static_cast<int>(head * std::sin(ang + 0.5)))};
        dc.DrawPolygon(3, pts);
    };
    switch (*progress_.action) {
        case vision::Action::shake: {
            const int dx = static_cast<int>(len * swing);
            const int y = area.y + area.height / 5;
            arrow(wxPoint(c.x, y), wxPoint(c.x + dx + (dx >= 0 ? head : -head), y));
            break;
        }
        case vision::Action::nod: {
            const int dy = static_cast<int>(len * swing);
            const int x = area.x + area.width * 4 / 5;
            arrow(wxPoint(x, c.y), wxPoint(x, c.y + dy + (dy >= 0 ? head : -head)));
            break;
        }
        case vision::Action::blink:
        case vision::Action::open_mouth: {
            // An opening and closing mark beside the face.
            const int open = static_cast<int>(std::abs(swing) * FromDIP(28)) + FromDIP(2);
            const int x = area.x + area.width * 4 / 5;
            const int y = *progress_.action == vision::Action::blink ? area.y + area.height / 3
                                                                     : area.y + area.height * 2 / 3;
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
            dc.DrawEllipse(x - FromDIP(36), y - open / 2, FromDIP(72), open);
            break;
        }
    }
}

void CameraPreview::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxSize size = GetClientSize();
    dc.SetBackground(wxBrush(wxColour(30, 30, 30)));
    dc.Clear();

    wxRect picture(0, 0, size.x, size.y);
    if (bitmap_.IsOk()) {
        picture = wxRect((size.x - bitmap_.GetWidth()) / 2, (size.y - bitmap_.GetHeight()) / 2,
                         bitmap_.GetWidth(), bitmap_.GetHeight());
        dc.DrawBitmap(bitmap_, picture.GetTopLeft());
    }

    // Guide oval: where the face should be.
    const int ow = picture.width * 2 / 5;
    const int oh = picture.height * 3 / 4;
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    dc.SetPen(wxPen(wxColour(255, 255, 255), FromDIP(3), wxPENSTYLE_SHORT_DASH));
    dc.DrawEllipse(picture.x + (picture.width - ow) / 2,
                   picture.y + (picture.height - oh) / 2 - picture.height / 20, ow, oh);

    if (face_) {
        dc.SetPen(wxPen(quality_ok_ ? wxColour(0, 200, 80) : wxColour(255, 140, 0), FromDIP(4)));
        wxRect box = *face_;
        box.Offset(picture.GetTopLeft());
        dc.DrawRectangle(box);
    }
    draw_arrow(dc, picture);

    // Steps: one dot per action, filled when done.
    if (progress_.steps > 0) {
        const int r = FromDIP(12);
        for (std::size_t i = 0; i < progress_.steps; ++i) {
            dc.SetPen(wxPen(*wxWHITE, 2));
            dc.SetBrush(i < progress_.done ? wxBrush(wxColour(0, 200, 80)) : *wxTRANSPARENT_BRUSH);
            dc.DrawCircle(picture.x + r * 2 + static_cast<int>(i) * r * 3, picture.y + r * 2, r);
        }
    }

    // The prompt: very large, on a dark band so it reads on any picture.
    if (!progress_.prompt.empty()) {
        wxFont font = theme::heading_font();
        // Very large, but never hiding much of a small preview.
        const int by_height = size.y / 9 * 72 / std::max(GetDPI().y, 1);
        font.SetPointSize(std::max(14, std::min(theme::base_point_size * 3, by_height)));
        font.MakeBold();
        dc.SetFont(font);
        const wxString text = from_utf8(progress_.prompt);
        wxSize ext = dc.GetTextExtent(text);
        while (ext.x > size.x - FromDIP(20) && font.GetPointSize() > 14) {
            font.SetPointSize(font.GetPointSize() - 4);
            dc.SetFont(font);
            ext = dc.GetTextExtent(text);
        }
        const int band_h = ext.y + FromDIP(24);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(wxColour(0, 0, 0)));
        dc.DrawRectangle(0, size.y - band_h, size.x, band_h);
        dc.SetTextForeground(wxColour(255, 230, 0));
        dc.DrawText(text, (size.x - ext.x) / 2, size.y - band_h + FromDIP(12));
    }
}

}  // namespace pd::ui
