#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "devices/frame.h"
#include "devices/text_block.h"

namespace pd::idsim {

using devices::Bytes;

// The card a simulated reader holds: the text fields (laid out with build_text_block), the photo
// and fingerprint blocks, the newest address record, and whether it lies on the reader.
struct SimCard {
    devices::CardText text;
    Bytes photo;        // 1024 WLT bytes (a fixed pattern unless the JSON gives photo_hex)
    Bytes fingerprint;  // 0, 512 or 1024 bytes
    std::optional<std::string> newest_address;
    Bytes sam_id;  // 16 bytes
    bool present = true;

    [[nodiscard]] Bytes text_block() const;
};

// Built-in cards for tests and demos: a Shaanxi retiree's resident ID card, a Hong Kong
// resident's permit, a foreigner's permanent residence card, and an unknown-layout card.
[[nodiscard]] SimCard sample_card(devices::CardType type);

// The JSON card format (docs/devices.md). Throws std::runtime_error naming the bad key.
[[nodiscard]] SimCard parse_card_json(std::string_view json);
[[nodiscard]] SimCard load_card_file(const std::filesystem::path& path);

}  // namespace pd::idsim
