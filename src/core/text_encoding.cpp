// UTF-8 validation and escaping of control characters for terminal output.
#include "text_encoding.h"

#include <cstdint>
#include <cstdio>

namespace tsunagari {

namespace {

// Length of the well-formed UTF-8 sequence at text[i] and its code point, or 0 when broken.
size_t sequenceAt(const std::string& text, size_t i, uint32_t& codePoint) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t length = 0;
    uint32_t min = 0;
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, min = 0x80, codePoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, min = 0x800, codePoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, min = 0x10000, codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (size_t k = 1; k < length; ++k) {
        const auto c = static_cast<unsigned char>(text[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        codePoint = (codePoint << 6) | (c & 0x3F);
    }
    const bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
    if (codePoint < min || surrogate || codePoint > 0x10FFFF) return 0;
    return length;
}

}  // namespace

std::optional<size_t> firstInvalidUtf8(const std::string& text) {
    uint32_t codePoint = 0;
    for (size_t i = 0; i < text.size();) {
        const size_t length = sequenceAt(text, i, codePoint);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

std::string printableText(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    uint32_t codePoint = 0;
    for (size_t i = 0; i < text.size();) {
        const size_t length = sequenceAt(text, i, codePoint);
        char escaped[12];
        if (length == 0) {
            out += "\\x" + hexByte(static_cast<unsigned char>(text[i])).substr(2);
            ++i;
            continue;
        }
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0)) {
            std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(codePoint));
            out += escaped;
        } else {
            out.append(text, i, length);
        }
        i += length;
    }
    return out;
}

std::string hexByte(unsigned char byte) {
    char out[8];
    std::snprintf(out, sizeof out, "0x%02x", unsigned(byte));
    return out;
}

}  // namespace tsunagari
