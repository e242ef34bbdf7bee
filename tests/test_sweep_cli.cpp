// The sweep, compare and merge commands of the real tsunagari-cli binary: usage errors as
// one line, compare's folder, and a folder rerun from its experiment.json.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>
#include "test_files.h"

using namespace std::string_literals;
namespace fs = std::filesystem;
using namespace test_files;

namespace {


const std::string kLesson2 = std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/l2_gratitude.json";

}  // namespace

TEST_CASE("sweep cli: usage errors are one line with exit 2") {
    const std::pair<std::vector<std::string>, std::string> cases[] = {
        {{"sweep"}, "tsunagari-cli sweep: missing SPEC (an experiment spec .json file)"},
        {{"sweep", "a.json", "b.json"}, "tsunagari-cli sweep: unexpected argument 'b.json' (only one SPEC is taken)"},
        {{"sweep", "a.json", "--shard", "3/2"}, "tsunagari-cli sweep: --shard expects I/N with 1 <= I <= N <= 100000, e.g. 2/8, got '3/2'"},
        {{"sweep", "a.json", "--shard", "0/2"}, "tsunagari-cli sweep: --shard expects I/N with 1 <= I <= N <= 100000, e.g. 2/8, got '0/2'"},
        {{"sweep", "a.json", "--jobs", "0"}, "tsunagari-cli sweep: --jobs expects a whole number of worker threads from 1 to 1024, got '0'"},
        {{"sweep", "a.json", "--replicates", "1"}, "tsunagari-cli sweep: --replicates expects a whole number of replicates from 2 to 100000, got '1'"},
        {{"sweep", "a.json", "--resume=yes"}, "tsunagari-cli sweep: --resume takes no value, got 'yes'"},
        {{"compare", kLesson2, "--set", "seed=1"}, "tsunagari-cli compare: expected at least one --vs: compare needs two or more settings"},
        {{"compare", kLesson2, "--vs", "--set", "x"}, "tsunagari-cli compare: --set expects path=value, e.g. params.busy_chance=0.5, got 'x'"},
        {{"merge", "out"}, "tsunagari-cli merge: expected OUTDIR and at least one SHARD_DIR"},
        {{"sweep", "/nonexistent/spec.json"}, "/nonexistent/spec.json: cannot open: No such file or directory"},
    };
    for (const auto& [args, line] : cases) {
        INFO(line);
        const CliResult r = cli(args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == line + "\n");
    }
}

TEST_CASE("sweep cli: compare writes a sweep folder that reruns from its experiment.json") {
    const fs::path dir = freshDir("compare");
    const CliResult r = cli({"compare", kLesson2, "--replicates", "3", "--events", "20", "--set",
                          "population[1].traits.gratitude=0.05", "--vs", "--set", "population[1].traits.gratitude=1",
                          "--out", (dir / "a").string(), "--jobs", "2"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("repeat_referrals_received  silent receiver  population[1].traits.gratitude=0.05 → "
                     "population[1].traits.gratitude=1  +") != std::string::npos);
    const std::string comparison = slurp(dir / "a" / "comparison.csv");
    CHECK(comparison.rfind("setting,label,baseline_label,group,metric,mean,baseline_mean,difference,ci_low,ci_high,p\n", 0) == 0);
    CHECK(std::count(comparison.begin(), comparison.end(), '\n') == 1 + 3 * 13);   // 3 groups x 13 metrics
    CHECK(slurp(dir / "a" / "settings.csv") ==
          "setting,label,path,value\n"
          "0,population[1].traits.gratitude=0.05,population[1].traits.gratitude,0.05\n"
          "1,population[1].traits.gratitude=1,population[1].traits.gratitude,1\n");

    const CliResult again = cli({"sweep", (dir / "a" / "experiment.json").string(), "--out", (dir / "b").string(), "--quiet", "--jobs", "1"});
    REQUIRE(again.code == 0);
    CHECK(again.out.empty());
    for (const char* file : {"experiment.json", "settings.csv", "results.csv", "summary.csv", "comparison.csv"}) {
        INFO(file);
        CHECK(slurp(dir / "a" / file) == slurp(dir / "b" / file));
    }
}

TEST_CASE("sweep cli: merge of a folder that is not a shard is one line with exit 2") {
    const fs::path dir = freshDir("merge");
    const CliResult r = cli({"merge", (dir / "out").string(), dir.string()});
    CHECK(r.code == 2);
    CHECK(r.err == (dir / "shard.jsonl").string() + ": expected a shard's cells; is '" + dir.string() +
                       "' a finished --shard folder?\n");
}

TEST_CASE("sweep cli: help for sweep compare and merge") {
    for (const char* command : {"sweep", "compare", "merge"}) {
        INFO(command);
        const CliResult r = cli({command, "--help"});
        CHECK(r.code == 0);
        CHECK(r.out.rfind("Usage: tsunagari-cli "s + command, 0) == 0);
        CHECK(cli({"help", command}).out == r.out);
        CHECK(cli({"--help"}).out.find("\n  "s + command + " ") != std::string::npos);
    }
    for (const char* flag : {"--out DIR", "--jobs N", "--replicates N", "--shard I/N", "--resume", "--quiet"})
        CHECK(cli({"sweep", "--help"}).out.find(flag) != std::string::npos);
}
