// The one line a command prints when an allocation fails (std::bad_alloc) part-way through.
#pragma once
#include <string>

#include "args.h"

namespace tsunagari::cli {

// "tsunagari-cli run: big.json: out of memory (the process had 1.9 GB; the address-space
// limit (ulimit -v) leaves 12 MB)": the command, its input, and how much it held.
[[nodiscard]] std::string outOfMemoryLine(const Command& command);

}  // namespace tsunagari::cli
