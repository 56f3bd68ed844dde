#pragma once

#include <filesystem>
#include <memory>

#include "devices/frame.h"
#include "devices/reader_error.h"

namespace pd::devices {

// The chip photo decoded: 102 x 126 pixels, 24-bit BGR, rows top to bottom (38556 bytes).
struct Photo {
    static constexpr int kWidth = 102;
    static constexpr int kHeight = 126;
    static constexpr std::size_t kSize = std::size_t{kWidth} * kHeight * 3;
    Bytes bgr;
};

// A vendor WLT decoder loaded at run time from the path the site configures. No open decoder
// exists, so none is linked in. Entry points tried (spec "The photo"):
//   int DecodingPhotos(char* in, int inLen, char* out, int outLen)  -> 38862, a 24-bit BMP
//   int unpack(uint8_t* wlt, uint8_t* bgr38556, int saveBmp)         -> 1
class PhotoDecoder {
  public:
    // PhotoUnavailable when the library does not load or has neither entry point.
    [[nodiscard]] static Result<PhotoDecoder> load(const std::filesystem::path& library);

    PhotoDecoder(PhotoDecoder&&) noexcept;
    PhotoDecoder& operator=(PhotoDecoder&&) noexcept;
    ~PhotoDecoder();

    [[nodiscard]] Result<Photo> decode(ByteView wlt) const;

  private:
    struct Impl;
    explicit PhotoDecoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Decodes with `decoder` when there is one; otherwise PhotoUnavailable ("chip photo not
// available"), which callers show and then carry on without the photo.
[[nodiscard]] Result<Photo> decode_photo(const PhotoDecoder* decoder, ByteView wlt);

// A 24-bit bottom-up BMP of the photo's size to top-down BGR; Protocol error for anything else.
[[nodiscard]] Result<Photo> photo_from_bmp(ByteView bmp);

}  // namespace pd::devices
