// Command-line parsing for tsunagari-cli: pure functions from argument strings to a Command,
// so every usage error can be tested without starting a process.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "calendar_length.h"

namespace tsunagari::cli {

// Exit codes, documented in the help text.
inline constexpr int kExitOk = 0;
inline constexpr int kExitOutputFailed = 1;   // outputs could not be written
inline constexpr int kExitBadInput = 2;       // bad command line or scenario

// A bad command line; what() is one line naming the flag and what was expected.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct RunOptions {
    std::string scenario;
    std::optional<int> events;              // default: the scenario's "events"
    std::optional<RunLength> length;        // --days, --weeks, --months or --years instead of --events
    std::optional<uint64_t> seed;           // default: the scenario's "seed"
    std::vector<std::string> settings;      // "path=value", applied in order
    std::string outDir;                     // empty: out/<scenario (or snapshot) file stem>
    bool quiet = false;
    std::optional<int> saveAt;              // save a snapshot after this many events ...
    std::string saveFile;                   // ... to this file
    std::string resume;                     // continue from this snapshot instead of a scenario
    bool charts = false;                    // also draw DIR/charts/ (see chart_command.h)
    std::string from;                       // rerun the run recorded in this folder
};

struct ValidateOptions {
    std::string scenario;
};

struct BenchOptions {
    std::vector<int> attendees = {100, 1'000, 10'000, 100'000};
    std::optional<int> events;              // default: as many as fit in one second
    std::optional<int> soakEvery;           // soak mode: print memory and live ties every N events
    bool hostile = false;                   // time hostile scenario files instead (bench_hostile.h)
    int floorMiB = 256;                     // working set of the memory-floor measurement; 0 skips it
};

struct CalibrateOptions {
    int seeds = 10;                         // replicates per situation
    std::string markdown;                   // also write the table as Markdown here
    bool chapterSizes = false;              // instead: the chain from trust to referrals per chapter size
    std::vector<std::string> settings;      // --set params.KEY=VALUE, in order
};

struct LessonsOptions {
    int seeds = 30;                         // per cell, mechanism on and off
    int cells = 60;                         // rows of the covering design
    int jobs = 0;                           // 0 = all cores
    std::vector<int> lessons;               // empty = L1..L10
    std::string markdown;                   // also write the tables as Markdown here
    int alsoSeeds = 0;                      // also judge the first N seeds alone ...
    std::string alsoMarkdown;               // ... and write those tables here
    std::vector<std::string> settings;      // --set params.KEY=VALUE: other model constants (promises not checked)
};

struct StoryOptions {
    std::string story;                      // a story file (scenarios/stories/*.json)
    bool japanese = false;                  // --lang ja
    std::optional<uint64_t> seed;           // default: each step's scenario seed
    std::vector<int> picks;                 // the room's answers, 0-based, in order
    bool check = false;                     // check each prediction over seeds instead of telling
    int seeds = 30;
    int jobs = 0;                           // 0 = all cores
};

struct PlayOptions {
    std::string scenario;                   // e.g. scenarios/newcomer.json
    std::string always;                     // "TALK,REPLY": a fixed policy ...
    std::string choices;                    // ... or a choices file (exactly one of the two)
    std::vector<std::string> settings;      // "path=value", applied to the scenario in order
    std::optional<uint64_t> seed;           // default: the choices file's, else the scenario's "seed"
    std::optional<uint32_t> seat;           // default: the choices file's, else the newest member
    bool japanese = false;
    std::string out;                        // also write the season as JSON here
};

struct ChartCommandOptions {
    std::string dir;                        // a run, sweep, tournament or evolution folder
    bool japanese = false;
    bool png = true, svg = true;
    std::vector<std::string> metrics;       // empty = the charts' default set
};

// `tournament` and `evolve` take the same options.
struct TournamentOptions {
    std::string spec;
    std::string outDir;                     // empty: out/<spec file stem>
    int jobs = 0;                           // 0 = all cores
    std::optional<int> replicates;          // default: the spec's "replicates"
    bool quiet = false;
};

struct SweepOptions {
    std::string spec;                       // experiment spec file
    std::string outDir;                     // empty: out/<spec file stem>
    int jobs = 0;                           // 0 = all cores
    std::optional<int> replicates;          // default: the spec's
    std::optional<std::pair<int, int>> shard;   // --shard I/N: 1 <= I <= N
    bool resume = false;
    bool quiet = false;
};

struct CompareOptions {
    std::string scenario;
    int replicates = 10;
    std::optional<uint64_t> seed;           // base seed; default: the scenario's "seed"
    std::optional<int> events;              // default: the scenario's "events"
    std::vector<std::vector<std::string>> settings = {{}};   // "path=value" per setting; --vs starts the next
    std::string outDir;                     // empty: out/compare-<scenario file stem>
    int jobs = 0;
    bool quiet = false;
};

struct MergeOptions {
    std::string outDir;
    std::vector<std::string> shardDirs;
};

enum class CommandKind { Help, Run, Validate, Bench, Calibrate, Lessons, Story, Play, Chart, Tournament, Evolve, Sweep, Compare, Merge };

struct Command {
    CommandKind kind = CommandKind::Help;
    std::string helpTopic;                  // for Help: "" (general) or a command name
    RunOptions run;
    ValidateOptions validate;
    BenchOptions bench;
    CalibrateOptions calibrate;
    LessonsOptions lessons;
    StoryOptions story;
    PlayOptions play;
    ChartCommandOptions chart;
    TournamentOptions tournament;           // for Tournament and Evolve
    SweepOptions sweep;
    CompareOptions compare;
    MergeOptions merge;
};

// `args` excludes the program name. Throws UsageError.
[[nodiscard]] Command parseArgs(const std::vector<std::string>& args);

// Help for "" (general) or a command name.
[[nodiscard]] std::string helpText(const std::string& topic);

}  // namespace tsunagari::cli
