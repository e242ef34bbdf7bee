// tsunagari-cli chart DIR, and the charts of `run ... --charts`.
#pragma once
#include <ostream>
#include <string>

#include "args.h"

namespace tsunagari::cli {

// Draws DIR/charts/ and lists the pictures on `out`; one line on `err` and kExitBadInput for a
// folder or CSV that cannot be charted, kExitOutputFailed when gnuplot or writing fails.
int runChart(const ChartCommandOptions& options, std::ostream& out, std::ostream& err);

// The run folder's charts in English, both formats, listing nothing (run prints where they are).
int drawChartsAfterRun(const std::string& dir, std::ostream& err);

}  // namespace tsunagari::cli
