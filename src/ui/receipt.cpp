#include "ui/receipt.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>
#include <wx/dcbuffer.h>
#include <wx/dcgraph.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/print.h>

#include <chrono>
#include <memory>
#include <stdexcept>

#include "domain/receipt_code.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace pd::ui {

namespace {

wxString method_label(CertificationMethod m) {
    switch (m) {
        case CertificationMethod::CounterFace:
            return _("Face certification at the counter");
        case CertificationMethod::HomeVisit:
            return _("Home visit");
        case CertificationMethod::ManualReview:
            return _("Manual review by a supervisor");
        case CertificationMethod::Overseas:
            return _("Overseas");
    }
    return {};
}

class ReceiptPrintout final : public wxPrintout {
  public:
    explicit ReceiptPrintout(ReceiptData data)
        : wxPrintout(_("Certification receipt")), data_(std::move(data)) {}
    bool OnPrintPage(int) override {
        wxDC* dc = GetDC();
        if (dc == nullptr) return false;
        // Draw in points on an A4-sized logical page, whatever the printer's resolution.
        FitThisSizeToPageMargins(wxSize(595, 842), wxPageSetupDialogData());
        draw_receipt(*dc, wxSize(595, 842), data_);
        return true;
    }
    bool HasPage(int page) override { return page == 1; }
    void GetPageInfo(int* min, int* max, int* from, int* to) override {
        *min = *max = *from = *to = 1;
    }

  private:
    ReceiptData data_;
};

}  // namespace

ReceiptData make_receipt(const Retiree& retiree, const Certification& c) {
    ReceiptData d;
    d.retiree_name = from_utf8(retiree.name.str());
    const std::string& id = retiree.id_number.str();
    d.id_number_masked = from_utf8(
        id.size() > 8 ? id.substr(0, 4) + std::string(id.size() - 8, '*') + id.substr(id.size() - 4)
                      : id);
    d.receipt_number = c.receipt_number;
    d.valid_until = to_iso(c.valid_until);
    const auto secs = std::chrono::system_clock::to_time_t(c.at);
    d.certified_at = wxDateTime(secs).Format("%Y-%m-%d %H:%M");
    d.place = from_utf8(c.place);
    d.staff = from_utf8(c.staff_name);
    d.method = method_label(c.method);
    if (c.proxy) {
        d.proxy = from_utf8(c.proxy->name.str()) + " (" + from_utf8(c.proxy->relationship) + ")";
    }
    return d;
}

QrMatrix encode_qr(const std::string& payload) {
    QrMatrix m;
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) return m;
    m.size = code->width;
    m.dark.resize(static_cast<std::size_t>(m.size) * static_cast<std::size_t>(m.size));
    for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
    return m;
}

void draw_receipt(wxDC& dc, const wxSize& page, const ReceiptData& data) {
    const int margin = page.x / 12;
    int y = margin;
    dc.SetTextForeground(*wxBLACK);
    wxFont title(wxFontInfo(20).Bold().Family(wxFONTFAMILY_SWISS));
    wxFont body(wxFontInfo(11).Family(wxFONTFAMILY_SWISS));
    wxFont big(wxFontInfo(14).Bold().Family(wxFONTFAMILY_SWISS));

    dc.SetFont(title);
    const wxString heading = _("Pension certification receipt");
    const wxSize hs = dc.GetTextExtent(heading);
    dc.DrawText(heading, (page.x - hs.x) / 2, y);
    y += hs.y + margin / 2;

    dc.SetFont(big);
    dc.DrawText(wxString::Format(_("Receipt number: %s"), from_utf8(data.receipt_number)), margin,
                y);
    y += dc.GetTextExtent("Ag").y * 3 / 2;
    dc.DrawText(wxString::Format(_("Valid until: %s"), from_utf8(data.valid_until)), margin, y);
    y += dc.GetTextExtent("Ag").y * 2;

    dc.SetFont(body);
    const int line = dc.GetTextExtent("Ag").y * 3 / 2;
    const std::pair<wxString, wxString> rows[] = {
        {_("Retiree"), data.retiree_name},
        {_("ID number"), data.id_number_masked},
        {_("Certified at"), data.certified_at},
        {_("Method"), data.method},
        {_("Place"), data.place},
        {_("Staff"), data.staff},
        {_("Assisted by"), data.proxy.empty() ? wxString(_("nobody")) : data.proxy}};
    for (const auto& [label, value] : rows) {
        dc.DrawText(label, margin, y);
        dc.DrawText(value, margin + page.x / 4, y);
        y += line;
    }

    // The QR code, with a quiet zone of four modules as the standard asks.
    const QrMatrix qr = encode_qr(receipt_qr_payload(data.receipt_number, data.valid_until));
    if (qr.size > 0) {
        const int module = std::max(2, (page.x / 3) / (qr.size + 8));
        const int side = module * (qr.size + 8);
        const int qx = (page.x - side) / 2;
        const int qy = y + line;
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(*wxWHITE_BRUSH);
        dc.DrawRectangle(qx, qy, side, side);
        dc.SetBrush(*wxBLACK_BRUSH);
        for (int r = 0; r < qr.size; ++r)
            for (int c = 0; c < qr.size; ++c)
                if (qr.dark[static_cast<std::size_t>(r * qr.size + c)])
                    dc.DrawRectangle(qx + (c + 4) * module, qy + (r + 4) * module, module, module);
        y = qy + side + line / 2;
        const wxString hint = _("Scan to check this receipt with the pension agency.");
        dc.DrawText(hint, (page.x - dc.GetTextExtent(hint).x) / 2, y);
    }
}

ReceiptPreview::ReceiptPreview(wxWindow* parent) : wxWindow(parent, wxID_ANY) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(300, 424)));  // A4 proportions
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(wxBrush(theme::background()));
        dc.Clear();
        if (!data_) return;
        const wxSize size = GetClientSize();
        const double scale = std::min(size.x / 595.0, size.y / 842.0);
        dc.SetPen(wxPen(wxColour(160, 160, 160)));  // the sheet's edge
        dc.SetBrush(*wxWHITE_BRUSH);
        dc.DrawRectangle(0, 0, static_cast<int>(595 * scale), static_cast<int>(842 * scale));
        dc.SetUserScale(scale, scale);
        draw_receipt(dc, wxSize(595, 842), *data_);
    });
}

void ReceiptPreview::show(const ReceiptData& data) {
    data_ = data;
    Refresh();
}

bool print_receipt(wxWindow* parent, const ReceiptData& data) {
    wxPrinter printer;
    ReceiptPrintout printout(data);
    return printer.Print(parent, &printout, true);
}

void save_receipt_pdf(const ReceiptData& data, const std::filesystem::path& file) {
    const double w = 595.0;  // A4 in points
    const double h = 842.0;
    cairo_surface_t* surface = cairo_pdf_surface_create(file.string().c_str(), w, h);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw std::runtime_error("cannot write " + file.string());
    }
    cairo_t* cr = cairo_create(surface);
    {
        // wx draws (with Pango, so Chinese text works) on the cairo context of the PDF page.
        wxGraphicsContext* gc =
            wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cr);
        wxGCDC dc(gc);  // takes ownership of gc
        dc.SetBackground(*wxWHITE_BRUSH);
        draw_receipt(dc, wxSize(static_cast<int>(w), static_cast<int>(h)), data);
    }
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace pd::ui
