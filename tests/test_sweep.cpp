// Sweeps end to end on a small experiment: the same bytes for any thread count, after an
// interruption and resume, and from shards merged; merge refuses incomplete, repeated and
// foreign shards; the comparison's numbers against a hand computation.
#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "experiments/sweep_folder.h"
#include "experiments/sweep_tables.h"
#include "metric_names.h"
#include "scenario_io.h"

using namespace tsunagari;
using namespace tsunagari::experiments;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("tsunagari-sweep-test-" + std::to_string(getpid())) / name;
    fs::remove_all(dir);
    return dir;
}

// Two settings x `replicates` of lesson 2, `events` events each, with per-event output.
SweepPlan smallPlan(uint64_t seed = 7, int replicates = 4, int events = 12) {
    const nlohmann::json doc = {
        {"scenario", std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/l2_gratitude.json"},
        {"replicates", replicates},
        {"seed", seed},
        {"length", {{"events", events}}},
        {"vary", {{"population[0].traits.gratitude", {0.5, 1.0}}}},
        {"per_event", true}};
    return planSweep(experimentSpecFromJson(doc, "<test>"));
}

// Every file of a folder, by name.
std::map<std::string, std::string> folderFiles(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        files[entry.path().filename().string()] = content.str();
    }
    return files;
}

SweepRunOptions withJobs(unsigned jobs) {
    SweepRunOptions options;
    options.jobs = jobs;
    options.recordText = "{}\n";
    return options;
}

std::map<std::string, std::string> wholeSweep(const SweepPlan& plan) {
    const fs::path dir = freshDir("whole");
    REQUIRE(runSweepFolder(plan, dir.string(), withJobs(1)).complete());
    return folderFiles(dir);
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("sweep: output files are byte-identical for 1 2 and 4 jobs") {
    const SweepPlan plan = smallPlan();
    const auto expected = wholeSweep(plan);
    CHECK(expected.size() == 8);   // experiment, record, settings, results, summary, events, events_summary, comparison
    for (unsigned jobs : {2u, 4u}) {
        const fs::path dir = freshDir("jobs" + std::to_string(jobs));
        REQUIRE(runSweepFolder(plan, dir.string(), withJobs(jobs)).complete());
        CHECK(folderFiles(dir) == expected);
    }
}

TEST_CASE("sweep: an interrupted sweep resumed writes the bytes of an uninterrupted one") {
    // Cells long enough (100 events) that the one worker cannot finish them all before the
    // calling thread sees the second one done and sets the flag.
    const SweepPlan plan = smallPlan(7, 8, 100);
    const fs::path dir = freshDir("interrupted");
    std::atomic<bool> stop{false};
    SweepRunOptions options = withJobs(1);
    options.stop = &stop;
    options.progress = [&](size_t done, size_t) {
        if (done >= 2) stop = true;   // as Ctrl-C would, after a few cells
    };
    const SweepOutcome first = runSweepFolder(plan, dir.string(), options);
    REQUIRE_FALSE(first.complete());
    CHECK(first.cellsDone >= 2);
    CHECK(first.cellsDone < plan.cells());
    CHECK(folderFiles(dir).count(kPartialFile) == 1);
    CHECK(folderFiles(dir).count("results.csv") == 0);

    SweepRunOptions resume = withJobs(2);
    resume.resume = true;
    size_t ranOnResume = 0;
    resume.progress = [&](size_t, size_t total) { ranOnResume = total; };
    REQUIRE(runSweepFolder(plan, dir.string(), resume).complete());
    CHECK(ranOnResume == plan.cells() - first.cellsDone);   // only the missing cells ran
    CHECK(folderFiles(dir) == wholeSweep(plan));             // and the partial file is gone
}

TEST_CASE("sweep: resume refuses a partial file of another sweep or a missing one") {
    const fs::path dir = freshDir("resume-foreign");
    std::atomic<bool> stop{true};   // stops before any cell: the partial file holds none
    SweepRunOptions options = withJobs(1);
    options.stop = &stop;
    REQUIRE_FALSE(runSweepFolder(smallPlan(7), dir.string(), options).complete());
    SweepRunOptions resume = withJobs(1);
    resume.resume = true;
    CHECK(errorOf([&] { (void)runSweepFolder(smallPlan(8), dir.string(), resume); }).find("found those of another") !=
          std::string::npos);
    CHECK(errorOf([&] { (void)runSweepFolder(smallPlan(7), freshDir("resume-none").string(), resume); })
              .find("nothing to resume") != std::string::npos);
}

TEST_CASE("sweep: shards merged equal the whole sweep and merge refuses missing repeated and foreign shards") {
    const SweepPlan plan = smallPlan();
    std::vector<std::string> shards;
    for (int i = 1; i <= 3; ++i) {
        SweepRunOptions options = withJobs(2);
        options.shard = ShardSlice{i, 3};
        const fs::path dir = freshDir("shard" + std::to_string(i));
        const SweepOutcome outcome = runSweepFolder(plan, dir.string(), options);
        REQUIRE(outcome.complete());
        CHECK(outcome.cellsInSlice == (i == 1 ? 3u : i == 2 ? 3u : 2u));   // cells 0..7 dealt round robin
        shards.push_back(dir.string());
    }
    const auto record = [](const SweepPlan&) { return std::string("{}\n"); };
    const fs::path merged = freshDir("merged");
    (void)mergeShardFolders(shards, merged.string(), record);
    CHECK(folderFiles(merged) == wholeSweep(plan));

    const std::string missing = errorOf([&] { (void)mergeShardFolders({shards[0], shards[2]}, freshDir("m1").string(), record); });
    CHECK(missing == "tsunagari-cli merge: missing 3 of 8 cells, the first cell 1 (setting 0, replicate 1); is a shard "
                     "folder missing or unfinished?");
    const std::string repeated =
        errorOf([&] { (void)mergeShardFolders({shards[0], shards[1], shards[1], shards[2]}, freshDir("m2").string(), record); });
    CHECK(repeated == (fs::path(shards[1]) / kShardFile).string() + ": cell 1 (setting 0, replicate 1) is also in " + shards[1]);

    SweepRunOptions foreignOptions = withJobs(1);
    foreignOptions.shard = ShardSlice{2, 3};
    const fs::path foreign = freshDir("foreign");
    REQUIRE(runSweepFolder(smallPlan(99), foreign.string(), foreignOptions).complete());
    const std::string other =
        errorOf([&] { (void)mergeShardFolders({shards[0], foreign.string(), shards[2]}, freshDir("m3").string(), record); });
    CHECK(other.find("expected a shard of the same sweep as " + shards[0]) != std::string::npos);
    CHECK_FALSE(fs::exists(freshDir("m3") / "results.csv"));
}

TEST_CASE("sweep: experiment.json reruns the same sweep") {
    const SweepPlan plan = smallPlan();
    const fs::path dir = freshDir("rerun");
    REQUIRE(runSweepFolder(plan, dir.string(), withJobs(2)).complete());
    const SweepPlan again = planSweep(loadExperimentSpec((dir / kExperimentFile).string()));
    CHECK(again.specText == plan.specText);
    CHECK(again.specHash == plan.specHash);
    CHECK(again.cells() == plan.cells());
}

TEST_CASE("sweep: comparison numbers equal a paired t-test by hand") {
    // Two settings of 3 replicates, one group, one metric: baseline 1 2 3, setting 1 2 4 5.
    SweepPlan plan;
    plan.spec.replicates = 3;
    plan.spec.metrics = {*metricIndex("referrals_received")};
    plan.settings.resize(2);
    plan.settings[0].label = "a=1";
    plan.settings[1].label = "a=2";
    std::vector<CellFigures> cells;
    for (double v : {1.0, 2.0, 3.0, 2.0, 4.0, 5.0}) {
        CellFigures cell;
        cell.groups = {"g"};
        cell.final.push_back(MetricValues(metricNames().size(), 0.0));
        cell.final[0][size_t(*metricIndex("referrals_received"))] = v;
        cells.push_back(cell);
    }
    const auto rows = compareSettings(plan, cells);
    REQUIRE(rows.size() == 1);
    // Differences 1 2 2: mean 5/3, sd sqrt(1/3), se 1/3, t = 5 on 2 df; t(0.975, 2) = 4.302653;
    // two-sided p on 2 df = 1 - t / sqrt(t^2 + 2) = 1 - 5 / sqrt(27).
    CHECK(rows[0].mean == doctest::Approx(11.0 / 3));
    CHECK(rows[0].baselineMean == doctest::Approx(2.0));
    CHECK(rows[0].difference == doctest::Approx(5.0 / 3));
    CHECK(rows[0].ciLow == doctest::Approx(5.0 / 3 - 4.302653 / 3).epsilon(1e-6));
    CHECK(rows[0].ciHigh == doctest::Approx(5.0 / 3 + 4.302653 / 3).epsilon(1e-6));
    CHECK(rows[0].p == doctest::Approx(1 - 5 / std::sqrt(27.0)).epsilon(1e-9));
    const auto files = sweepTables(plan, cells);
    REQUIRE(files.back().first == "comparison.csv");
    CHECK(files.back().second ==
          "setting,label,baseline_label,group,metric,mean,baseline_mean,difference,ci_low,ci_high,p\n"
          "1,a=2,a=1,g,referrals_received,3.66667,2,1.66667,0.232449,3.10088,0.0377496\n");
}
