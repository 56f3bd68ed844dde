// libFuzzer target: roster CSV decoding, record splitting and header/row mapping must end in
// records or a RosterFileError for any bytes; never a crash, hang or other exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include "store/roster_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        auto decoded =
            pd::store::decode_roster(std::string(reinterpret_cast<const char*>(data), size));
        pd::store::CsvReader reader(decoded.text);
        pd::store::CsvRecord rec;
        if (!reader.next(rec)) return 0;
        const auto header = pd::store::RosterHeader::parse(rec);
        std::string status;
        std::string reason;
        while (reader.next(rec)) {
            (void)pd::store::draft_from_row(header, rec, &status, &reason);
        }
    } catch (const pd::store::RosterFileError&) {
        // The expected way out for a malformed file.
    }
    return 0;
}
