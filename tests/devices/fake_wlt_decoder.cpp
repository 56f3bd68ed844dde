// A stand-in for a vendor's lib100UD.so: "decodes" by writing a 102x126 24-bit BMP whose pixels
// derive from the first WLT bytes, so the test can check the loader and the BMP conversion.
#include <cstdint>
#include <cstring>

extern "C" int DecodingPhotos(char* in, int in_len, char* out, int out_len) {
    constexpr int kWidth = 102, kHeight = 126, kRow = 308, kSize = 54 + kRow * kHeight;
    if (in_len != 1024 || out_len < kSize) return -1;
    std::memset(out, 0, kSize);
    auto put32 = [&](int at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    };
    out[0] = 'B';
    out[1] = 'M';
    put32(2, kSize);
    put32(10, 54);
    put32(14, 40);
    put32(18, kWidth);
    put32(22, kHeight);
    out[26] = 1;
    out[28] = 24;
    // Bottom-up rows: the first stored row is the image's last; mark each row with its index.
    for (int stored = 0; stored < kHeight; ++stored) {
        const int y = kHeight - 1 - stored;
        for (int x = 0; x < kWidth; ++x) {
            char* p = out + 54 + stored * kRow + x * 3;
            p[0] = in[0];
            p[1] = static_cast<char>(y);
            p[2] = static_cast<char>(x);
        }
    }
    return kSize;
}
