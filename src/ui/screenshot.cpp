#include "ui/screenshot.h"

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/window.h>

namespace pd::ui {

bool save_screenshot(wxWindow* window, const wxString& png_file) {
    if (!window) return false;
    wxInitAllImageHandlers();
    const wxRect rect = window->GetScreenRect();
    wxBitmap bitmap(rect.GetWidth(), rect.GetHeight(), 24);
    {
        wxScreenDC screen;
        wxMemoryDC memory(bitmap);
        memory.Blit(0, 0, rect.GetWidth(), rect.GetHeight(), &screen, rect.GetX(), rect.GetY());
    }
    return bitmap.ConvertToImage().SaveFile(png_file, wxBITMAP_TYPE_PNG);
}

}  // namespace pd::ui
