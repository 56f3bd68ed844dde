#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/uuid.h"

namespace pd {

// The number printed on a certification receipt: "RZ" + year + 12 characters from the
// certification's UUID, then two ISO 7064 MOD 97-10 check digits so a mistyped or altered
// number is caught when the agency checks a paper receipt.
[[nodiscard]] std::string make_receipt_number(const Uuid& certification, int year);
// True when the check digits match (case-insensitive, blanks ignored).
[[nodiscard]] bool receipt_number_valid(std::string_view number);
// What the receipt's QR code holds: "PDRZ1|<number>|<valid until ISO>".
[[nodiscard]] std::string receipt_qr_payload(std::string_view number, std::string_view valid_until);

}  // namespace pd
