// The whole command-line program as one function over argument strings and streams, so tests
// and a future fuzzer can drive it without starting a process.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace tsunagari::cli {

// `args` excludes the program name. Returns the exit status (see args.h). A progress bar is
// drawn on `err` only when `progress` is set (main sets it when stderr is a terminal).
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool progress = false);

}  // namespace tsunagari::cli
