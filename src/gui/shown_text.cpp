// Cutting at a character boundary: never inside a UTF-8 sequence (continuation bytes are 10xxxxxx).
#include "shown_text.h"

namespace tsunagari {

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::string shownText(std::string_view text, size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    size_t cut = maxBytes;
    while (cut > 0 && continuation(text[cut])) --cut;
    size_t rest = 0;
    for (size_t i = cut; i < text.size(); ++i) rest += !continuation(text[i]);
    return std::string(text.substr(0, cut)) + "\xE2\x80\xA6 (" + std::to_string(rest) + " more characters)";
}

}  // namespace tsunagari
