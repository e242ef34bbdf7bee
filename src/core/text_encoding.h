// UTF-8 checks and terminal-safe text: hostile bytes are found up front and never printed raw.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace tsunagari {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF count as broken), or nullopt.
[[nodiscard]] std::optional<size_t> firstInvalidUtf8(const std::string& text);

// `text` with control characters (C0, DEL and C1) written as \u001b and broken
// UTF-8 bytes as \xff, so a title cannot move the cursor or recolour a terminal.
[[nodiscard]] std::string printableText(const std::string& text);

// "0xff": how a single offending byte is named in messages.
[[nodiscard]] std::string hexByte(unsigned char byte);

}  // namespace tsunagari
