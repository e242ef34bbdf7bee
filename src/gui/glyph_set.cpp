// Glyph ranges from the texts the window will show.
#include "glyph_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace tsunagari {

std::vector<uint32_t> decodeUtf8(std::string_view text) {
    std::vector<uint32_t> out;
    size_t i = 0;
    while (i < text.size()) {
        const auto lead = uint8_t(text[i]);
        const int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + size_t(extra) >= text.size()) {
            ++i;
            continue;
        }
        uint32_t cp = extra == 0 ? lead : lead & (0x3Fu >> extra);
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            const auto next = uint8_t(text[i + size_t(k)]);
            ok = ok && (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (!ok) {
            ++i;
            continue;
        }
        out.push_back(cp);
        i += size_t(extra) + 1;
    }
    return out;
}

std::vector<std::string> japaneseTextFiles(const std::string& stringsDir, const std::string& scenariosDir) {
    namespace fs = std::filesystem;
    std::vector<std::string> files{(fs::path(stringsDir) / "ja.json").string()};
    std::vector<std::string> scenarios;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(scenariosDir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->path().extension() == ".json") scenarios.push_back(it->path().string());
    std::sort(scenarios.begin(), scenarios.end());
    files.insert(files.end(), scenarios.begin(), scenarios.end());
    return files;
}

std::set<uint32_t> charactersOfFiles(const std::vector<std::string>& paths) {
    std::set<uint32_t> chars;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) continue;
        std::ostringstream text;
        text << in.rdbuf();
        for (uint32_t cp : decodeUtf8(text.str()))
            if (cp >= 0x80) chars.insert(cp);
    }
    return chars;
}

std::vector<uint16_t> mergeGlyphRanges(const uint16_t* base, const std::set<uint32_t>& extra) {
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    for (const uint16_t* r = base; r && r[0]; r += 2) spans.emplace_back(r[0], r[1]);
    for (uint32_t cp : extra)
        if (cp <= 0xFFFF) spans.emplace_back(cp, cp);
    std::sort(spans.begin(), spans.end());
    std::vector<uint16_t> out;
    for (const auto& [first, last] : spans) {
        if (!out.empty() && first <= uint32_t(out.back()) + 1) out.back() = uint16_t(std::max<uint32_t>(out.back(), last));
        else {
            out.push_back(uint16_t(first));
            out.push_back(uint16_t(last));
        }
    }
    out.push_back(0);
    return out;
}

bool inGlyphRanges(const std::vector<uint16_t>& ranges, uint32_t codepoint) {
    for (size_t i = 0; i + 1 < ranges.size() && ranges[i]; i += 2)
        if (codepoint >= ranges[i] && codepoint <= ranges[i + 1]) return true;
    return false;
}

}  // namespace tsunagari
