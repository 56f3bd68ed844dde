#pragma once

#include <wx/gdicmn.h>
#include <wx/string.h>
#include <wx/window.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/certification.h"
#include "domain/retiree.h"

class wxDC;

namespace pd::ui {

// What a certification receipt shows. The QR code holds receipt_qr_payload(number, validity),
// so the agency can check a paper receipt (the number carries its own check digits).
struct ReceiptData {
    wxString retiree_name;
    wxString id_number_masked;  // 6101**********0018: a receipt is handed over the counter
    std::string receipt_number;
    std::string valid_until;  // ISO
    wxString certified_at;    // local time
    wxString place;
    wxString staff;
    wxString method;
    wxString proxy;  // empty when nobody assisted
};

[[nodiscard]] ReceiptData make_receipt(const Retiree& retiree, const Certification& c);

// The QR code's modules, row by row (true = dark); empty when encoding failed.
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
};
[[nodiscard]] QrMatrix encode_qr(const std::string& payload);

// Draws the receipt on any DC (screen preview, printer, PDF) into `page` (device units).
void draw_receipt(wxDC& dc, const wxSize& page, const ReceiptData& data);

// The receipt as it will print, scaled into the control (the wizard's result page).
class ReceiptPreview final : public wxWindow {
  public:
    explicit ReceiptPreview(wxWindow* parent);
    void show(const ReceiptData& data);

  private:
    std::optional<ReceiptData> data_;
};

// Prints through the system's print dialog. Returns false when cancelled or failed.
bool print_receipt(wxWindow* parent, const ReceiptData& data);
// Writes an A4 PDF (cairo). Throws std::runtime_error naming the file on failure.
void save_receipt_pdf(const ReceiptData& data, const std::filesystem::path& file);

}  // namespace pd::ui
