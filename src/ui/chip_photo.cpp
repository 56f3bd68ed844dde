#include "ui/chip_photo.h"

#include <wx/config.h>
#include <wx/intl.h>

#include "devices/photo_decoder.h"
#include "ui/text.h"

namespace pd::ui {

ChipPhoto chip_photo(const devices::Card& card) {
    ChipPhoto out;
    wxString library;
    if (auto* config = wxConfigBase::Get(); config != nullptr)
        config->Read(photo_decoder_key, &library);
    library.Trim().Trim(false);
    if (library.empty()) {
        out.unavailable = _("Chip photo not shown: no photo decoder is configured (Settings).");
        return out;
    }
    if (card.photo_wlt.empty()) {
        out.unavailable = _("This card carries no photo.");
        return out;
    }
    const auto decoder = devices::PhotoDecoder::load(std::filesystem::path(to_utf8(library)));
    if (!decoder) {
        out.unavailable = wxString::Format(_("Chip photo not shown: %s"),
                                           from_utf8(decoder.error().message_zh()));
        return out;
    }
    const auto photo = decoder->decode(card.photo_wlt);
    if (!photo) {
        out.unavailable =
            wxString::Format(_("Chip photo not shown: %s"), from_utf8(photo.error().message_zh()));
        return out;
    }
    // BGR rows top to bottom -> wx's RGB.
    wxImage image(devices::Photo::kWidth, devices::Photo::kHeight, false);
    unsigned char* rgb = image.GetData();
    for (std::size_t i = 0; i + 2 < photo->bgr.size(); i += 3) {
        rgb[i] = photo->bgr[i + 2];
        rgb[i + 1] = photo->bgr[i + 1];
        rgb[i + 2] = photo->bgr[i];
    }
    out.image = std::move(image);
    return out;
}

}  // namespace pd::ui
