// A finished sweep's CSV files, rendered from its plan and every cell's figures (cells in
// cell order). Pure functions of their arguments, so the bytes never depend on how many
// threads, shards or interruptions produced the cells. Formats: docs/experiments.md.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "experiments/sweep_plan.h"

namespace tsunagari::experiments {

// One output file: its name in the folder and its content.
using OutputFile = std::pair<std::string, std::string>;

// settings.csv, results.csv, summary.csv; events.csv and events_summary.csv with per_event;
// comparison.csv with two or more settings. In that order. The per-event files are rendered
// on `jobs` threads (0 = all cores); the bytes do not depend on it.
[[nodiscard]] std::vector<OutputFile> sweepTables(const SweepPlan& plan, const std::vector<CellFigures>& cells,
                                                  unsigned jobs = 0);

// One comparison row: a metric of a group in a setting against setting 0, paired by replicate.
struct ComparisonRow {
    size_t setting = 0;
    std::string group;
    int metric = 0;
    double mean = 0, baselineMean = 0, difference = 0, ciLow = 0, ciHigh = 0, p = 1;
};
[[nodiscard]] std::vector<ComparisonRow> compareSettings(const SweepPlan& plan, const std::vector<CellFigures>& cells);

// The short table printed after a sweep: per setting and group, up to four of the spec's
// metrics as mean ± 95% half-width; then, with two or more settings, the comparisons.
[[nodiscard]] std::string sweepSummaryText(const SweepPlan& plan, const std::vector<CellFigures>& cells);

}  // namespace tsunagari::experiments
