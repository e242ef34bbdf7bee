// A sweep's cells (every setting × replicate) and how one cell runs. Cell c is setting
// c / replicates, replicate c % replicates; replicate r runs with seed deriveSeed(base, r) in
// every setting (common random numbers, so settings compare paired by replicate).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "experiments/experiment_spec.h"

namespace tsunagari::experiments {

using MetricValues = std::vector<double>;   // one group's figures, in metricNames() order

struct EventFigures {
    int event = 0;                        // 1-based count of events run
    int day = 0;
    std::vector<MetricValues> groups;     // per group, in CellFigures::groups order
};

// What one cell leaves behind: the final group figures, and per event when the spec asks.
struct CellFigures {
    std::vector<std::string> groups;      // group labels, the scenario's group order
    std::vector<MetricValues> final;      // per group: the last event's figures
    std::vector<EventFigures> events;     // empty unless per_event
};

struct SweepPlan {
    ExperimentSpec spec;
    std::vector<Setting> settings;
    std::string specText;                 // experiment.json: the resolved spec, the folder's rerunnable record
    std::string specHash;                 // 16 hex digits of FNV-1a over specText; names the sweep in shards

    [[nodiscard]] size_t cells() const { return settings.size() * size_t(spec.replicates); }
    [[nodiscard]] size_t settingOf(size_t cell) const { return cell / size_t(spec.replicates); }
    [[nodiscard]] int replicateOf(size_t cell) const { return int(cell % size_t(spec.replicates)); }
    [[nodiscard]] uint64_t seedOf(int replicate) const;
};

// Expands and checks the spec's settings (ScenarioError on a bad setting).
[[nodiscard]] SweepPlan planSweep(ExperimentSpec spec);

// Runs one cell from its prepared scenario: no parsing, only the World's construction and run.
[[nodiscard]] CellFigures runCell(const SweepPlan& plan, size_t cell);

// runCell on a short-lived thread of its own (about 0.1 ms). The thread's exit hands the
// allocator's per-thread cache (glibc's tcache) of the World's small blocks back, so they
// coalesce and the next World reuses the memory. Run back to back on one thread, the cached
// blocks keep the freed World's memory fragmented: each cell faulted in fresh pages and kept
// 1 MiB more resident (lesson 2's scenario: 17 ms instead of 1.2 ms a cell, 200 MB for 200).
[[nodiscard]] CellFigures runCellOnOwnThread(const SweepPlan& plan, size_t cell);

}  // namespace tsunagari::experiments
