#pragma once

#include <optional>
#include <string>

#include "devices/frame.h"
#include "devices/text_block.h"

namespace pd::devices {

// Everything one read of a card gives.
struct Card {
    CardText text;
    Bytes photo_wlt;                   // the 1024 WLT bytes, kept raw; see PhotoDecoder
    Bytes fingerprint;                 // empty unless asked for and the module and card have it
    bool fingerprint_refused = false;  // the module answered the fingerprint read with 21
    // The newest address record (最新住址), when the card holds one.
    std::optional<std::string> newest_address;
    [[nodiscard]] bool unsupported_layout() const { return text.type == CardType::Unsupported; }
};

}  // namespace pd::devices
