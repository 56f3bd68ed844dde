#pragma once

#include <wx/image.h>
#include <wx/string.h>

#include "devices/card.h"
#include "devices/photo_decoder.h"

namespace pd::ui {

// The vendor WLT decoder library the site installed, from wxConfig. Loading it runs its code,
// so only an administrator sets it (Settings); empty: no chip photos.
inline constexpr const char* photo_decoder_key = "/devices/photo_decoder";

// The card's chip photo, or why there is none (no decoder configured, the decoder failed), in
// words for the label where the photo would be.
struct ChipPhoto {
    wxImage image;  // 102 x 126 when decoded
    wxString unavailable;
};

[[nodiscard]] ChipPhoto chip_photo(const devices::Card& card);

}  // namespace pd::ui
