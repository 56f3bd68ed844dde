#include "ui/screenshot.h"

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/window.h>

#ifdef PD_HAVE_X11
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#endif

namespace pd::ui {

namespace {
#ifdef PD_HAVE_X11
// Reads the X server's framebuffer: under GTK3, wxScreenDC can return an outdated picture.
wxImage grab_x11(const wxRect& rect) {
    Display* display = XOpenDisplay(nullptr);
    if (!display) return {};
    wxImage image;
    XImage* x = XGetImage(display, DefaultRootWindow(display), rect.GetX(), rect.GetY(),
                          static_cast<unsigned>(rect.GetWidth()),
                          static_cast<unsigned>(rect.GetHeight()), AllPlanes, ZPixmap);
    if (x) {
        image.Create(rect.GetWidth(), rect.GetHeight(), false);
        unsigned char* rgb = image.GetData();
        for (int y = 0; y < rect.GetHeight(); ++y) {
            for (int col = 0; col < rect.GetWidth(); ++col) {
                const unsigned long p = XGetPixel(x, col, y);
                *rgb++ = static_cast<unsigned char>((p & x->red_mask) >> 16);
                *rgb++ = static_cast<unsigned char>((p & x->green_mask) >> 8);
                *rgb++ = static_cast<unsigned char>(p & x->blue_mask);
            }
        }
        XDestroyImage(x);
    }
    XCloseDisplay(display);
    return image;
}
#endif

wxImage grab_screen_dc(const wxRect& rect) {
    wxBitmap bitmap(rect.GetWidth(), rect.GetHeight(), 24);
    {
        wxScreenDC screen;
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, rect.GetWidth(), rect.GetHeight(), &screen, rect.GetX(), rect.GetY());
    }
    return bitmap.ConvertToImage();
}
}  // namespace

bool save_screenshot(wxWindow* window, const wxString& png_file) {
    if (!window) return false;
    if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
    const wxRect rect = window->GetScreenRect();
    wxImage image;
#ifdef PD_HAVE_X11
    image = grab_x11(rect);
#endif
    if (!image.IsOk()) image = grab_screen_dc(rect);
    return image.IsOk() && image.SaveFile(png_file, wxBITMAP_TYPE_PNG);
}

}  // namespace pd::ui
