// Running sweeps into folders, resuming them and merging shards.
#include "experiments/sweep_folder.h"

#include <filesystem>
#include <map>

#include "experiments/replicates.h"
#include "experiments/sweep_tables.h"
#include "scenario_io.h"

namespace tsunagari::experiments {

namespace fs = std::filesystem;

namespace {

std::string inDir(const std::string& dir, const char* name) { return (fs::path(dir) / name).string(); }

void createDirectory(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) throw std::runtime_error("cannot create directory '" + dir + "': " + ec.message());
}

// The finished cells a resumed run starts from, checked against this sweep and slice.
CellFile resumedCells(const SweepPlan& plan, const std::string& dir, const SweepRunOptions& options) {
    const std::string path = inDir(dir, kPartialFile);
    if (!fs::exists(path))
        throw ScenarioError(path, "", "nothing to resume: no interrupted sweep left its cells here");
    CellFile partial = readCellFile(path);
    if (partial.specHash != plan.specHash || partial.cellsTotal != plan.cells())
        throw ScenarioError(path, "", "expected the cells of this sweep (spec hash " + plan.specHash +
                                          "), found those of another (spec hash " + partial.specHash + ")");
    const bool sameSlice = partial.shard.has_value() == options.shard.has_value() &&
                           (!partial.shard || (partial.shard->index == options.shard->index &&
                                               partial.shard->count == options.shard->count));
    if (!sameSlice) throw ScenarioError(path, "", "expected the same --shard as the interrupted run");
    return partial;
}

}  // namespace

SweepOutcome runSweepFolder(const SweepPlan& plan, const std::string& dir, const SweepRunOptions& options) {
    createDirectory(dir);
    CellFile done;
    if (options.resume) done = resumedCells(plan, dir, options);
    done.specHash = plan.specHash;
    done.cellsTotal = plan.cells();
    done.shard = options.shard;

    std::vector<size_t> toRun;
    size_t inSlice = 0;
    for (size_t c = 0; c < plan.cells(); ++c) {
        if (options.shard && !options.shard->holds(c)) continue;
        ++inSlice;
        if (!done.cells.count(c)) toRun.push_back(c);
    }
    ReplicateOptions replicate;
    replicate.jobs = options.jobs;
    replicate.stop = options.stop;
    replicate.progress = options.progress;
    replicate.only = toRun;
    auto run = runReplicates(plan.cells(), [&](size_t cell) { return runCellOnOwnThread(plan, cell); }, replicate);
    for (size_t c : run.completed) done.cells.emplace(c, std::move(*run.results[c]));

    SweepOutcome outcome;
    outcome.cellsInSlice = inSlice;
    outcome.cellsDone = done.cells.size();
    if (!outcome.complete()) {
        writeFileAtomic(inDir(dir, kPartialFile), cellFileText(done));
        return outcome;
    }
    if (options.shard) {
        writeFileAtomic(inDir(dir, kExperimentFile), plan.specText);
        writeFileAtomic(inDir(dir, kShardFile), cellFileText(done));
    } else {
        for (auto& [index, cell] : done.cells) outcome.cells.push_back(std::move(cell));
        writeSweepFolder(plan, outcome.cells, dir, options.recordText, options.jobs);
    }
    std::error_code ignored;   // an old partial file is stale once the slice is complete
    fs::remove(inDir(dir, kPartialFile), ignored);
    return outcome;
}

void writeSweepFolder(const SweepPlan& plan, const std::vector<CellFigures>& cells, const std::string& dir,
                      const std::string& recordText, unsigned jobs) {
    createDirectory(dir);
    writeFileAtomic(inDir(dir, kExperimentFile), plan.specText);
    writeFileAtomic(inDir(dir, kRecordFile), recordText);
    for (const auto& [name, content] : sweepTables(plan, cells, jobs)) writeFileAtomic((fs::path(dir) / name).string(), content);
}

MergedSweep mergeShardFolders(const std::vector<std::string>& shardDirs, const std::string& outDir,
                              const std::function<std::string(const SweepPlan&)>& recordFor) {
    if (shardDirs.empty()) throw ScenarioError("tsunagari-cli merge", "", "expected at least one shard folder");
    std::optional<SweepPlan> plan;
    std::map<size_t, CellFigures> cells;
    std::map<size_t, std::string> holder;   // which shard gave each cell, for messages
    for (const auto& dir : shardDirs) {
        const std::string shardPath = inDir(dir, kShardFile);
        if (!fs::exists(shardPath))
            throw ScenarioError(shardPath, "", "expected a shard's cells; is '" + dir + "' a finished --shard folder?");
        CellFile shard = readCellFile(shardPath);
        if (!plan) {
            plan = planSweep(loadExperimentSpec(inDir(dir, kExperimentFile)));
            if (plan->specHash != shard.specHash)
                throw ScenarioError(inDir(dir, kExperimentFile), "", "does not match its shard's spec hash " + shard.specHash);
        } else if (shard.specHash != plan->specHash) {
            throw ScenarioError(shardPath, "", "expected a shard of the same sweep as " + shardDirs.front() + " (spec hash " +
                                                   plan->specHash + "), found spec hash " + shard.specHash);
        }
        for (auto& [index, cell] : shard.cells) {
            const auto [it, added] = holder.emplace(index, dir);
            if (!added)
                throw ScenarioError(shardPath, "", "cell " + std::to_string(index) + " (setting " +
                                                       std::to_string(plan->settingOf(index)) + ", replicate " +
                                                       std::to_string(plan->replicateOf(index)) + ") is also in " + it->second);
            cells.emplace(index, std::move(cell));
        }
    }
    if (cells.size() != plan->cells()) {
        size_t missing = 0;
        while (cells.count(missing)) ++missing;
        throw ScenarioError("tsunagari-cli merge", "", "missing " + std::to_string(plan->cells() - cells.size()) + " of " +
                                             std::to_string(plan->cells()) + " cells, the first cell " +
                                             std::to_string(missing) + " (setting " + std::to_string(plan->settingOf(missing)) +
                                             ", replicate " + std::to_string(plan->replicateOf(missing)) +
                                             "); is a shard folder missing or unfinished?");
    }
    MergedSweep merged{std::move(*plan), {}};
    for (auto& [index, cell] : cells) merged.cells.push_back(std::move(cell));
    writeSweepFolder(merged.plan, merged.cells, outDir, recordFor(merged.plan));
    return merged;
}

}  // namespace tsunagari::experiments
