// Every translatable string of the UI and the domain has a Simplified Chinese translation.
// The strings are extracted from the sources at test time (xgettext, as resources/i18n/update-po
// does), so a string added anywhere without a translation fails here.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Entry {
    std::string msgid;
    std::string msgstr;
    bool fuzzy = false;
};

// C-style escapes of a PO string body.
std::string unescape(const std::string& quoted) {
    std::string out;
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
        if (quoted[i] != '\\' || i + 2 >= quoted.size()) {
            out += quoted[i];
            continue;
        }
        switch (quoted[++i]) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            default:
                out += quoted[i];
                break;
        }
    }
    return out;
}

std::vector<Entry> read_po(const fs::path& file) {
    std::ifstream in(file);
    std::vector<Entry> entries;
    std::string line;
    std::string* field = nullptr;
    bool fuzzy = false;
    while (std::getline(in, line)) {
        if (line.rfind("#,", 0) == 0 && line.find("fuzzy") != std::string::npos) fuzzy = true;
        if (line.rfind("msgid ", 0) == 0) {
            entries.push_back(Entry{unescape(line.substr(6)), {}, fuzzy});
            fuzzy = false;
            field = &entries.back().msgid;
        } else if (line.rfind("msgstr ", 0) == 0 && !entries.empty()) {
            field = &entries.back().msgstr;
            *field = unescape(line.substr(7));
        } else if (!line.empty() && line[0] == '"' && field) {
            *field += unescape(line);
        } else if (line.empty() || line[0] == '#') {
            field = nullptr;
        }
    }
    return entries;
}

// The placeholders a translation must keep: {1}.. for domain messages, %s/%d/... for wx.
std::multiset<std::string> placeholders(const std::string& text) {
    static const std::regex re(R"(\{[0-9]\}|%(?:ll|l|z)?[sdu]|%%)");
    std::multiset<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it)
        found.insert(it->str());
    return found;
}

std::vector<Entry> extract_sources(const fs::path& pot) {
    const fs::path root = PD_SOURCE_DIR;
    std::ostringstream cmd;
    cmd << '"' << PD_XGETTEXT << "\" --from-code=UTF-8 --language=C++ --keyword=_ "
        << "--keyword=wxTRANSLATE --keyword=PD_N --keyword=wxPLURAL:1,2 --no-location -o \""
        << pot.string() << '"';
    for (const char* dir : {"src/ui", "src/app", "src/domain"}) {
        if (!fs::exists(root / dir)) continue;
        for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
            const auto ext = e.path().extension();
            if (ext == ".cpp" || ext == ".h") cmd << " \"" << e.path().string() << '"';
        }
    }
    EXPECT_EQ(std::system(cmd.str().c_str()), 0) << cmd.str();
    return read_po(pot);
}

TEST(Catalog, EveryStringHasASimplifiedChineseTranslation) {
    const fs::path pot = fs::temp_directory_path() / "pensiondesk-catalog-test.pot";
    const auto sources = extract_sources(pot);
    fs::remove(pot);
    ASSERT_GT(sources.size(), 50u) << "xgettext found almost nothing; is the source tree there?";

    const auto po = read_po(fs::path(PD_SOURCE_DIR) / "resources/i18n/zh_CN/pensiondesk.po");
    std::map<std::string, Entry> translated;
    for (const auto& e : po) translated[e.msgid] = e;

    std::vector<std::string> missing;
    for (const auto& s : sources) {
        if (s.msgid.empty()) continue;  // the header
        const auto it = translated.find(s.msgid);
        if (it == translated.end() || it->second.msgstr.empty() || it->second.fuzzy)
            missing.push_back(s.msgid);
    }
    std::string list;
    for (const auto& m : missing) list += "\n  " + m;
    EXPECT_TRUE(missing.empty()) << missing.size()
                                 << " string(s) without a zh_CN translation in "
                                    "resources/i18n/zh_CN/pensiondesk.po (run "
                                    "resources/i18n/update-po, then translate):"
                                 << list;
}

TEST(Catalog, TranslationsKeepEveryPlaceholder) {
    const auto po = read_po(fs::path(PD_SOURCE_DIR) / "resources/i18n/zh_CN/pensiondesk.po");
    for (const auto& e : po) {
        if (e.msgid.empty() || e.msgstr.empty()) continue;
        EXPECT_EQ(placeholders(e.msgid), placeholders(e.msgstr))
            << "placeholders differ in the translation of: " << e.msgid;
    }
}

}  // namespace
