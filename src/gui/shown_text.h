// Long texts cut for the window: ImGui emits four vertices per glyph, so an error line of
// 17,000 characters wrapped into a panel could pass 65,536 vertices by itself. The full text
// still goes to standard error where the window prints it.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace tsunagari {

inline constexpr size_t kMaxShownBytes = 1000;

// `text` if it fits in `maxBytes`, else its start cut at a UTF-8 character boundary followed by
// "… (N more characters)".
[[nodiscard]] std::string shownText(std::string_view text, size_t maxBytes = kMaxShownBytes);

}  // namespace tsunagari
