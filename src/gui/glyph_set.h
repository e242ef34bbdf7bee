// Which characters the font atlas must hold: ImGui's Japanese ranges cover the common
// kanji only, so every character the string table and the shipped scenarios and stories
// use (the Japanese review found 閾 of 忘れる閾値 missing) is added from the files themselves.
// No ImGui here.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tsunagari {

// The code points of UTF-8 text; a malformed byte is skipped.
[[nodiscard]] std::vector<uint32_t> decodeUtf8(std::string_view text);
// ja.json in `stringsDir`, then every .json under `scenariosDir` (stories included), sorted.
[[nodiscard]] std::vector<std::string> japaneseTextFiles(const std::string& stringsDir, const std::string& scenariosDir);
// Every non-ASCII character of the readable files among `paths` (unreadable ones are skipped:
// the window still starts, with fewer glyphs).
[[nodiscard]] std::set<uint32_t> charactersOfFiles(const std::vector<std::string>& paths);
// Glyph ranges as ImGui takes them (pairs of first, last; ends with 0): `base` (same form)
// plus `extra`, sorted and merged. Characters beyond 16 bits are left out (ImWchar is 16 bits).
[[nodiscard]] std::vector<uint16_t> mergeGlyphRanges(const uint16_t* base, const std::set<uint32_t>& extra);
[[nodiscard]] bool inGlyphRanges(const std::vector<uint16_t>& ranges, uint32_t codepoint);

}  // namespace tsunagari
