// Reading a whole input file with a size cap: a device such as /dev/zero, or a file far larger
// than any useful input, is refused with one line instead of growing until memory runs out.
#pragma once
#include <cstdint>
#include <string>

#include "json_text.h"

namespace tsunagari {

// The most a scenario file may hold: what the JSON reader accepts (json_text.h).
inline constexpr uint64_t kMaxScenarioFileBytes = kMaxJsonBytes;

// Reads `path` into `content`. Returns what went wrong ("cannot open: No such file or
// directory", "cannot read: more than 64 MB, the most this input may be"), or "" on success.
[[nodiscard]] std::string readFileCapped(const std::string& path, uint64_t maxBytes, std::string& content);

}  // namespace tsunagari
