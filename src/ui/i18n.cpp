#include "ui/i18n.h"

#include <wx/config.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/utils.h>

namespace pd::ui {

namespace {
constexpr const char* catalog_name = "pensiondesk";
constexpr const char* language_key = "/ui/language";

// Installed layout (bin/../share/locale), then the build tree, then an override for packagers.
void add_lookup_paths() {
    wxString env;
    if (wxGetEnv("PENSIONDESK_LOCALE_DIR", &env) && !env.empty())
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(env);
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    exe.RemoveLastDir();
    exe.AppendDir("share");
    exe.AppendDir("locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath());
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(PD_BUILD_LOCALE_DIR));
}
}  // namespace

std::optional<Language> parse_language(std::string_view code) {
    if (code == "zh_CN" || code == "zh" || code == "zh_CN.UTF-8") return Language::Chinese;
    if (code == "en" || code == "en_US" || code == "C") return Language::English;
    return std::nullopt;
}

const char* language_code(Language lang) {
    return lang == Language::Chinese ? "zh_CN" : "en";
}

Language saved_language() {
    wxString code;
    if (wxConfigBase::Get()->Read(language_key, &code)) {
        if (auto lang = parse_language(code.utf8_string())) return *lang;
    }
    return Language::Chinese;
}

void save_language(Language lang) {
    wxConfigBase::Get()->Write(language_key, wxString(language_code(lang)));
    wxConfigBase::Get()->Flush();
}

bool setup_translations(Language lang) {
    static bool paths_added = false;  // lookup prefixes are process-wide in wx
    if (!paths_added) {
        add_lookup_paths();
        paths_added = true;
    }
    // wx's ownership model: Set() takes the object and deletes the previous one.
    auto* translations = new wxTranslations();
    wxTranslations::Set(translations);
    if (lang == Language::English) {
        translations->SetLanguage(wxLANGUAGE_ENGLISH_US);
        return true;
    }
    translations->SetLanguage(wxLANGUAGE_CHINESE_SIMPLIFIED);
    translations->AddStdCatalog();  // wx's own strings (OK, Cancel) when the system has them
    return translations->AddCatalog(catalog_name, wxLANGUAGE_ENGLISH_US);
}

}  // namespace pd::ui
