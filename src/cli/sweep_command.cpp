// sweep, compare and merge: load the experiment, run its cells with a progress bar and
// Ctrl-C handling, print the summary.
#include "sweep_command.h"
#include "progress_bar.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "experiments/replicates.h"
#include "experiments/sweep_folder.h"
#include "experiments/sweep_tables.h"
#include "memory_limits.h"
#include "scenario_io.h"

namespace tsunagari::cli {

namespace {

namespace fs = std::filesystem;
using namespace tsunagari::experiments;

std::atomic<bool> g_interrupted{false};
// The first Ctrl-C stops starting cells; a second one, while running cells finish, ends the
// process at once (signal() is async-signal-safe).
extern "C" void onSweepInterrupt(int) {
    g_interrupted = true;
    std::signal(SIGINT, SIG_DFL);
}

std::string shellQuoted(const std::string& arg) {
    if (!arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+") == std::string::npos)
        return arg;
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string commandLine(const std::vector<std::string>& args) {
    std::string line = "tsunagari-cli";
    for (const auto& arg : args) {
        line += ' ';
        line += shellQuoted(arg);
    }
    return line;
}

// record.json: what made the folder. Not the thread count: the output does not depend on it.
std::string recordText(const SweepPlan& plan, const std::vector<std::string>& args) {
    const nlohmann::ordered_json record = {{"program", "tsunagari-cli"},
                                           {"version", TSUNAGARI_VERSION},
                                           {"command", commandLine(args)},
                                           {"spec_hash", plan.specHash},
                                           {"seed", plan.spec.seed},
                                           {"replicates", plan.spec.replicates},
                                           {"settings", plan.settings.size()},
                                           {"cells", plan.cells()}};
    return record.dump(2) + "\n";
}

std::string listedFiles(const SweepPlan& plan) {
    std::string files = "experiment.json, record.json, settings.csv, results.csv, summary.csv";
    if (plan.spec.perEvent) files += ", events.csv, events_summary.csv";
    if (plan.settings.size() >= 2) files += ", comparison.csv";
    return files;
}

// Runs a planned sweep into `dir`; the command name and arguments are for messages.
int runPlanned(const SweepPlan& plan, const std::string& dir, const SweepOptions& o, const std::vector<std::string>& args,
               std::ostream& out, std::ostream& err, bool progress) {
    const std::string name = "tsunagari-cli " + args.front();
    // Refuse a sweep the machine cannot hold, with every worker running its largest setting.
    const unsigned workers = std::min<size_t>(o.jobs > 0 ? unsigned(o.jobs) : defaultJobs(), plan.cells());
    if (const auto available = availableMemoryBytes())
        for (const auto& setting : plan.settings)
            if (const auto shortfall = memoryShortfall(setting.scenario, setting.events, *available / std::max(workers, 1u))) {
                err << name << ": setting " << setting.label << " on each of " << workers << " worker threads (--jobs): " << *shortfall << "\n";
                return kExitBadInput;
            }
    SweepRunOptions run;
    run.jobs = unsigned(o.jobs);
    if (o.shard) run.shard = ShardSlice{o.shard->first, o.shard->second};
    run.resume = o.resume;
    run.stop = &g_interrupted;
    run.recordText = recordText(plan, args);
    CountProgress bar(err, progress && !o.quiet, "cells");
    run.progress = [&](size_t done, size_t total) { bar(done, total); };
    g_interrupted = false;
    const auto previous = std::signal(SIGINT, onSweepInterrupt);
    SweepOutcome outcome;
    try {
        outcome = runSweepFolder(plan, dir, run);
    } catch (...) {
        std::signal(SIGINT, previous);
        bar.clear();
        throw;
    }
    std::signal(SIGINT, previous);
    bar.clear();
    if (!outcome.complete()) {
        std::vector<std::string> resume = args;
        if (!o.resume) resume.push_back("--resume");
        err << name << ": interrupted: " << outcome.cellsDone << " of " << outcome.cellsInSlice << " cells done, kept in "
            << (fs::path(dir) / kPartialFile).string() << "; resume with: " << commandLine(resume) << "\n";
        return kExitInterrupted;
    }
    if (o.quiet) return kExitOk;
    if (o.shard) {
        out << "shard " << o.shard->first << "/" << o.shard->second << ": " << outcome.cellsInSlice << " of " << plan.cells()
            << " cells; wrote " << (fs::path(dir) / "").string() << "{experiment.json, " << kShardFile
            << "}; join the shards with: tsunagari-cli merge OUTDIR SHARD_DIR...\n";
        return kExitOk;
    }
    out << plan.spec.title.en << ": " << plan.settings.size() << (plan.settings.size() == 1 ? " setting" : " settings")
        << " x " << plan.spec.replicates << " replicates, base seed " << plan.spec.seed << "\n\n"
        << sweepSummaryText(plan, outcome.cells) << "\nwrote " << (fs::path(dir) / "").string() << "{" << listedFiles(plan) << "}\n";
    return kExitOk;
}

}  // namespace

int runSweep(const SweepOptions& o, const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
             bool progress) {
    ExperimentSpec spec = loadExperimentSpec(o.spec);
    if (o.replicates) spec.replicates = *o.replicates;
    const SweepPlan plan = planSweep(std::move(spec));
    const std::string dir = o.outDir.empty() ? (fs::path("out") / fs::path(o.spec).stem()).string() : o.outDir;
    return runPlanned(plan, dir, o, args, out, err, progress);
}

int runCompare(const CompareOptions& o, const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               bool progress) {
    // The settings as a spec, so the folder is the same as a sweep's and reruns from experiment.json.
    nlohmann::json doc = {{"scenario", o.scenario}, {"replicates", o.replicates}};
    doc["seed"] = o.seed ? *o.seed : loadScenarioFile(o.scenario).seed;
    if (o.events) doc["length"] = {{"events", *o.events}};
    doc["settings"] = nlohmann::json::array();
    for (const auto& setting : o.settings) {
        nlohmann::json overrides = nlohmann::json::object();
        for (const auto& assignment : setting) {
            const auto equals = assignment.find('=');
            const std::string valueText = assignment.substr(equals + 1);
            nlohmann::json value = nlohmann::json::parse(valueText, nullptr, false);   // as --set reads it
            overrides[assignment.substr(0, equals)] = value.is_discarded() ? nlohmann::json(valueText) : value;
        }
        doc["settings"].push_back(overrides);
    }
    const SweepPlan plan = planSweep(experimentSpecFromJson(doc, "<compare>"));
    SweepOptions sweep;
    sweep.jobs = o.jobs;
    sweep.quiet = o.quiet;
    const std::string dir =
        o.outDir.empty() ? (fs::path("out") / ("compare-" + fs::path(o.scenario).stem().string())).string() : o.outDir;
    return runPlanned(plan, dir, sweep, args, out, err, progress);
}

int runMerge(const MergeOptions& o, const std::vector<std::string>& args, std::ostream& out) {
    // The record names the merge; the data files are those of the whole sweep.
    const MergedSweep merged =
        mergeShardFolders(o.shardDirs, o.outDir, [&](const SweepPlan& plan) { return recordText(plan, args); });
    out << "merged " << o.shardDirs.size() << " shards, " << merged.plan.cells() << " cells\n\n"
        << sweepSummaryText(merged.plan, merged.cells) << "\nwrote " << (fs::path(o.outDir) / "").string() << "{"
        << listedFiles(merged.plan) << "}\n";
    return kExitOk;
}

}  // namespace tsunagari::cli
