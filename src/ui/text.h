#pragma once

#include <wx/string.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace pd::ui {

// Domain strings are UTF-8; wx's narrow conversions follow the C locale, which would drop
// Chinese (see DESIGN.md "Known pitfalls"), so every crossing is explicit.
[[nodiscard]] inline wxString from_utf8(std::string_view s) {
    return wxString::FromUTF8(s.data(), s.size());
}
[[nodiscard]] inline std::string to_utf8(const wxString& s) {
    const wxScopedCharBuffer buf = s.utf8_str();
    return std::string(buf.data(), buf.length());
}

[[nodiscard]] inline wxString from_path(const std::filesystem::path& p) {
    const auto s = p.u8string();
    return wxString::FromUTF8(reinterpret_cast<const char*>(s.data()), s.size());
}

// The error's English template translated through the catalogs, then its args filled in.
[[nodiscard]] wxString translate(const Error& error);

}  // namespace pd::ui
