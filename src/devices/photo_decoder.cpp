#include "devices/photo_decoder.h"

#include <algorithm>

#if defined(_WIN32)
#include <windows.h>
#else
#include <dlfcn.h>
#endif

namespace pd::devices {

namespace {

using DecodingPhotosFn = int (*)(char*, int, char*, int);
using UnpackFn = int (*)(std::uint8_t*, std::uint8_t*, int);
constexpr int kBmpSize = 38862;

ReaderError unavailable(std::string detail) {
    return ReaderError{ErrorKind::PhotoUnavailable, std::nullopt, std::move(detail)};
}

std::uint32_t le32(ByteView b, std::size_t at) {
    return std::uint32_t{b[at]} | (std::uint32_t{b[at + 1]} << 8) |
           (std::uint32_t{b[at + 2]} << 16) | (std::uint32_t{b[at + 3]} << 24);
}

}  // namespace

struct PhotoDecoder::Impl {
#if defined(_WIN32)
    HMODULE handle = nullptr;
    ~Impl() {
        if (handle) ::FreeLibrary(handle);
    }
    void* symbol(const char* name) const {
        return reinterpret_cast<void*>(::GetProcAddress(handle, name));
    }
#else
    void* handle = nullptr;
    ~Impl() {
        if (handle) ::dlclose(handle);
    }
    void* symbol(const char* name) const {
        return ::dlsym(handle, name);
    }
#endif
    DecodingPhotosFn decoding_photos = nullptr;
    UnpackFn unpack = nullptr;
};

PhotoDecoder::PhotoDecoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PhotoDecoder::PhotoDecoder(PhotoDecoder&&) noexcept = default;
PhotoDecoder& PhotoDecoder::operator=(PhotoDecoder&&) noexcept = default;
PhotoDecoder::~PhotoDecoder() = default;

Result<PhotoDecoder> PhotoDecoder::load(const std::filesystem::path& library) {
    auto impl = std::make_unique<Impl>();
#if defined(_WIN32)
    impl->handle = ::LoadLibraryW(library.wstring().c_str());
    if (!impl->handle) return unavailable("cannot load " + library.string());
#else
    impl->handle = ::dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!impl->handle) {
        const char* why = ::dlerror();
        return unavailable("cannot load " + library.string() + ": " + (why ? why : "unknown"));
    }
#endif
    // dlsym hands back object pointers; converting them to function pointers is the documented
    // way to use them.
    impl->decoding_photos = reinterpret_cast<DecodingPhotosFn>(impl->symbol("DecodingPhotos"));
    impl->unpack = reinterpret_cast<UnpackFn>(impl->symbol("unpack"));
    if (!impl->decoding_photos && !impl->unpack) {
        return unavailable(library.string() + " has neither DecodingPhotos nor unpack");
    }
    return PhotoDecoder(std::move(impl));
}

Result<Photo> PhotoDecoder::decode(ByteView wlt) const {
    if (wlt.size() != 1024) {
        return unavailable("the card's photo has " + std::to_string(wlt.size()) +
                           " bytes, not 1024");
    }
    Bytes in(wlt.begin(), wlt.end());  // the vendors' signatures are not const-correct
    if (impl_->decoding_photos) {
        Bytes bmp(kBmpSize + 1024);
        const int n = impl_->decoding_photos(
            reinterpret_cast<char*>(in.data()), static_cast<int>(in.size()),
            reinterpret_cast<char*>(bmp.data()), static_cast<int>(bmp.size()));
        if (n != kBmpSize) {
            return unavailable("decoder returned " + std::to_string(n));
        }
        bmp.resize(static_cast<std::size_t>(n));
        auto photo = photo_from_bmp(bmp);
        if (!photo) return unavailable(photo.error().detail);
        return photo;
    }
    Photo photo;
    photo.bgr.resize(Photo::kSize);
    if (impl_->unpack(in.data(), photo.bgr.data(), 0) != 1) {
        return unavailable("decoder's unpack failed");
    }
    return photo;
}

Result<Photo> decode_photo(const PhotoDecoder* decoder, ByteView wlt) {
    if (!decoder) return unavailable("no WLT decoder configured");
    return decoder->decode(wlt);
}

Result<Photo> photo_from_bmp(ByteView bmp) {
    auto bad = [](std::string why) {
        return ReaderError{ErrorKind::Protocol, std::nullopt, "photo BMP: " + std::move(why)};
    };
    if (bmp.size() < 54 || bmp[0] != 'B' || bmp[1] != 'M') return bad("not a BMP");
    const std::uint32_t offset = le32(bmp, 10);
    const auto width = static_cast<std::int32_t>(le32(bmp, 18));
    const auto height = static_cast<std::int32_t>(le32(bmp, 22));
    const std::uint32_t bits = std::uint32_t{bmp[28]} | (std::uint32_t{bmp[29]} << 8);
    if (width != Photo::kWidth || (height != Photo::kHeight && height != -Photo::kHeight) ||
        bits != 24) {
        return bad("not 102x126 24-bit");
    }
    const std::size_t row = (std::size_t{Photo::kWidth} * 3 + 3) & ~std::size_t{3};
    if (offset > bmp.size() || bmp.size() - offset < row * Photo::kHeight) {
        return bad("pixel data truncated");
    }
    Photo photo;
    photo.bgr.resize(Photo::kSize);
    for (int y = 0; y < Photo::kHeight; ++y) {
        const int src_row = height > 0 ? Photo::kHeight - 1 - y : y;  // BMPs are bottom-up
        const auto src = bmp.subspan(offset + row * static_cast<std::size_t>(src_row),
                                     std::size_t{Photo::kWidth} * 3);
        std::copy(src.begin(), src.end(),
                  photo.bgr.begin() + static_cast<std::ptrdiff_t>(y) * Photo::kWidth * 3);
    }
    return photo;
}

}  // namespace pd::devices
