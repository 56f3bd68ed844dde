#pragma once

#include <wx/string.h>

#include <optional>
#include <string_view>

namespace pd::ui {

enum class Language { Chinese, English };

// "zh_CN" / "zh" / "en" (as given to --lang); nullopt for anything else.
[[nodiscard]] std::optional<Language> parse_language(std::string_view code);
[[nodiscard]] const char* language_code(Language lang);

// The language chosen in Settings (Chinese when never chosen).
[[nodiscard]] Language saved_language();
void save_language(Language lang);

// Installs the gettext catalogs for `lang`. Works without the system having a zh_CN locale
// installed (wxTranslations only, no setlocale). Returns false when the catalog was not found,
// in which case the UI shows its English source strings.
bool setup_translations(Language lang);

}  // namespace pd::ui
