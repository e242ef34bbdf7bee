// Running a sweep into its output folder: the cells of the whole sweep or of one shard, on
// the replicate engine, resumable after an interruption; and merging shard folders into the
// folder the whole sweep would have written, byte for byte.
//
// A whole sweep's folder: experiment.json, record.json and the tables of sweep_tables.h.
// A shard's folder: experiment.json and shard.jsonl (its cells; cell_file.h).
// An interrupted run leaves partial.jsonl (its finished cells) for `--resume`.
#pragma once
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "experiments/cell_file.h"
#include "experiments/sweep_plan.h"

namespace tsunagari::experiments {

inline constexpr const char* kExperimentFile = "experiment.json";
inline constexpr const char* kRecordFile = "record.json";
inline constexpr const char* kShardFile = "shard.jsonl";
inline constexpr const char* kPartialFile = "partial.jsonl";

struct SweepRunOptions {
    unsigned jobs = 0;                           // 0 = all cores; the output does not depend on it
    std::optional<ShardSlice> shard;             // run only this slice and write a shard folder
    bool resume = false;                         // take the finished cells from partial.jsonl
    std::atomic<bool>* stop = nullptr;           // set it to stop starting cells
    std::function<void(size_t done, size_t total)> progress;   // cells of this call
    std::string recordText;                      // record.json, written with a whole sweep's tables
};

struct SweepOutcome {
    size_t cellsDone = 0;                        // cells of the slice finished, resumed ones included
    size_t cellsInSlice = 0;
    std::vector<CellFigures> cells;              // every cell in order, when a whole sweep completed
    [[nodiscard]] bool complete() const { return cellsDone == cellsInSlice; }
};

// Creates `dir` if needed. Throws ScenarioError for a partial file that does not belong to
// this sweep, std::runtime_error when a file cannot be written.
[[nodiscard]] SweepOutcome runSweepFolder(const SweepPlan& plan, const std::string& dir, const SweepRunOptions& options);

// A whole sweep's files from every cell (cells in cell order).
void writeSweepFolder(const SweepPlan& plan, const std::vector<CellFigures>& cells, const std::string& dir,
                      const std::string& recordText, unsigned jobs = 0);

struct MergedSweep {
    SweepPlan plan;
    std::vector<CellFigures> cells;
};

// Reads shard folders, checks that they belong to one sweep (the same spec hash, each
// experiment.json matching it) and hold every cell exactly once, and writes the whole
// sweep's folder to `outDir`. Throws ScenarioError with one line naming the shard at fault.
// `recordFor` gives record.json's text once the sweep is known.
MergedSweep mergeShardFolders(const std::vector<std::string>& shardDirs, const std::string& outDir,
                              const std::function<std::string(const SweepPlan&)>& recordFor);

}  // namespace tsunagari::experiments
