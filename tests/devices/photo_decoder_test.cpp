#include "devices/photo_decoder.h"

#include <gtest/gtest.h>

namespace pd::devices {
namespace {

TEST(PhotoDecoder, WithoutADecoderThePhotoIsUnavailable) {
    auto photo = decode_photo(nullptr, Bytes(1024, 0));
    ASSERT_FALSE(photo.has_value());
    EXPECT_EQ(photo.error().kind, ErrorKind::PhotoUnavailable);
    EXPECT_NE(photo.error().message_en().find("chip photo not available"), std::string::npos);
}

TEST(PhotoDecoder, AMissingLibraryIsUnavailableNotACrash) {
    auto decoder = PhotoDecoder::load("/nonexistent/lib100UD.so");
    ASSERT_FALSE(decoder.has_value());
    EXPECT_EQ(decoder.error().kind, ErrorKind::PhotoUnavailable);
    // A library without the entry points (the C library has neither).
    auto wrong = PhotoDecoder::load("libm.so.6");
    ASSERT_FALSE(wrong.has_value());
    EXPECT_NE(wrong.error().detail.find("neither"), std::string::npos);
}

TEST(PhotoDecoder, DecodesThroughAVendorStyleLibrary) {
    auto decoder = PhotoDecoder::load(PD_FAKE_WLT_DECODER);
    ASSERT_TRUE(decoder.has_value()) << decoder.error().message_en();
    Bytes wlt(1024, 0);
    wlt[0] = 0x37;
    auto photo = decode_photo(&*decoder, wlt);
    ASSERT_TRUE(photo.has_value()) << photo.error().message_en();
    ASSERT_EQ(photo->bgr.size(), Photo::kSize);
    // Top-down rows: pixel (x=5, y=0) is B=0x37 G=0 R=5; (x=0, y=125) has G=125.
    EXPECT_EQ(photo->bgr[5 * 3 + 0], 0x37);
    EXPECT_EQ(photo->bgr[5 * 3 + 1], 0);
    EXPECT_EQ(photo->bgr[5 * 3 + 2], 5);
    EXPECT_EQ(photo->bgr[125 * Photo::kWidth * 3 + 1], 125);

    auto wrong_size = decoder->decode(Bytes(10, 0));
    EXPECT_FALSE(wrong_size.has_value());
}

TEST(PhotoDecoder, RejectsMalformedBmps) {
    EXPECT_FALSE(photo_from_bmp(Bytes(10, 0)).has_value());
    Bytes bmp(38862, 0);
    bmp[0] = 'B';
    bmp[1] = 'M';
    EXPECT_FALSE(photo_from_bmp(bmp).has_value());  // width 0
}

}  // namespace
}  // namespace pd::devices
