#include "devices/reader_error.h"

#include <array>

namespace pd::devices {

namespace {

struct StatusText {
    std::uint8_t code;
    ErrorKind kind;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array<StatusText, 18> kStatuses{{
    {sw3::kSuccess, ErrorKind::ModuleFailed, "操作成功", "success"},
    {sw3::kCardFound, ErrorKind::ModuleFailed, "已找到身份证", "card found"},
    {sw3::kItemEmpty, ErrorKind::ModuleFailed, "卡内无此信息", "no such item on the card"},
    {sw3::kCommandChecksum, ErrorKind::ModuleFailed, "读卡器通信校验错误，请重试",
     "the module saw a command checksum error"},
    {sw3::kCommandLength, ErrorKind::ModuleFailed, "读卡器通信长度错误，请重试",
     "the module saw a command length error"},
    {sw3::kCommandError, ErrorKind::ModuleFailed, "读卡器不支持此命令",
     "the module does not support this command"},
    {sw3::kNotPermitted, ErrorKind::ModuleFailed, "读卡器不允许此操作",
     "the module does not permit this operation"},
    {sw3::kUnrecognised, ErrorKind::ModuleFailed, "读卡器无法识别此命令",
     "the module did not recognise the command"},
    {sw3::kCardAuthSam, ErrorKind::CardFailed, "身份证认证读卡器失败，请重新放置",
     "the card failed to authenticate the security module"},
    {sw3::kSamAuthCard, ErrorKind::CardFailed, "读卡器认证身份证失败，请确认是有效身份证",
     "the security module failed to authenticate the card"},
    {sw3::kVerification, ErrorKind::CardFailed, "身份证信息校验错误，请重新放置",
     "the card's information failed verification"},
    {sw3::kUnknownCardType, ErrorKind::CardFailed, "无法识别的卡片类型，请放置居民身份证",
     "unknown card type"},
    {sw3::kReadFailed, ErrorKind::CardFailed, "读卡失败，请重新放置", "reading the card failed"},
    {sw3::kRandomFailed, ErrorKind::CardFailed, "读卡失败，请重新放置",
     "the card's random number request failed"},
    {sw3::kSamSelfTest, ErrorKind::ModuleFailed, "读卡器安全模块自检失败，请联系技术支持",
     "the security module failed its self-test"},
    {sw3::kSamNotAuthorised, ErrorKind::ModuleFailed, "读卡器安全模块未授权，请联系技术支持",
     "the security module is not authorised"},
    {sw3::kNoCard, ErrorKind::NoCard, "请将身份证放在阅读器上", "no card on the reader"},
    {sw3::kSelectFailed, ErrorKind::CardFailed, "选卡失败，请重新放置身份证",
     "selecting the card failed"},
}};

const StatusText* find_status(std::uint8_t code) {
    for (const auto& s : kStatuses) {
        if (s.code == code) return &s;
    }
    return nullptr;
}

}  // namespace

std::string hex_byte(std::uint8_t b) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[b >> 4] + digits[b & 0xF];
}

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::NoCard:
            return "no_card";
        case ErrorKind::CardFailed:
            return "card_failed";
        case ErrorKind::ModuleFailed:
            return "module_failed";
        case ErrorKind::Timeout:
            return "timeout";
        case ErrorKind::Disconnected:
            return "disconnected";
        case ErrorKind::NoReader:
            return "no_reader";
        case ErrorKind::Protocol:
            return "protocol";
        case ErrorKind::PhotoUnavailable:
            return "photo_unavailable";
        case ErrorKind::InvalidArgument:
            return "invalid_argument";
    }
    return "unknown";
}

ErrorKind kind_of_status(std::uint8_t status) {
    const auto* s = find_status(status);
    return s ? s->kind : ErrorKind::ModuleFailed;
}

std::string status_message_zh(std::uint8_t status) {
    if (const auto* s = find_status(status)) return std::string(s->zh);
    return "读卡器返回未知状态 " + hex_byte(status) + "，请重试";
}

std::string status_message_en(std::uint8_t status) {
    if (const auto* s = find_status(status)) return std::string(s->en);
    return "the module answered with unknown status " + hex_byte(status);
}

ReaderError status_error(std::uint8_t status, std::string detail) {
    return ReaderError{kind_of_status(status), status, std::move(detail)};
}

std::string ReaderError::message_zh() const {
    if (status) return status_message_zh(*status);
    switch (kind) {
        case ErrorKind::NoCard:
            return "请将身份证放在阅读器上";
        case ErrorKind::CardFailed:
            return "读卡失败，请重新放置";
        case ErrorKind::ModuleFailed:
            return "读卡器故障，请重试或联系技术支持";
        case ErrorKind::Timeout:
            return "读卡器无响应，请检查连接后重试";
        case ErrorKind::Disconnected:
            return "读卡器已断开，请检查USB连接";
        case ErrorKind::NoReader:
            return "未找到身份证阅读器，请检查连接";
        case ErrorKind::Protocol:
            return "读卡器通信错误，请重试";
        case ErrorKind::PhotoUnavailable:
            return "无法显示身份证芯片照片";
        case ErrorKind::InvalidArgument:
            return "参数错误";
    }
    return "读卡器错误";
}

std::string ReaderError::message_en() const {
    std::string text;
    if (status) {
        text = status_message_en(*status) + " (SW3 " + hex_byte(*status) + ")";
    } else {
        switch (kind) {
            case ErrorKind::NoCard:
                text = "no card on the reader";
                break;
            case ErrorKind::CardFailed:
                text = "reading the card failed; place it again";
                break;
            case ErrorKind::ModuleFailed:
                text = "the reader module failed";
                break;
            case ErrorKind::Timeout:
                text = "the reader did not answer in time";
                break;
            case ErrorKind::Disconnected:
                text = "the reader is disconnected";
                break;
            case ErrorKind::NoReader:
                text = "no ID card reader found";
                break;
            case ErrorKind::Protocol:
                text = "corrupt data from the reader";
                break;
            case ErrorKind::PhotoUnavailable:
                text = "chip photo not available";
                break;
            case ErrorKind::InvalidArgument:
                text = "invalid argument";
                break;
        }
    }
    if (!detail.empty()) text += ": " + detail;
    return text;
}

}  // namespace pd::devices
