// Runs gnuplot on a script as a child process (no shell), with its error output captured.
#pragma once
#include <filesystem>

namespace tsunagari::charts {

// Runs `gnuplot SCRIPT` in `workDir` (gnuplot found on PATH; a relative SCRIPT is inside
// `workDir`). Throws ChartOutputError with one line: "gnuplot not found: install gnuplot-nox"
// or gnuplot's first error line.
void runGnuplot(const std::filesystem::path& workDir, const std::filesystem::path& script);

}  // namespace tsunagari::charts
