// Command-line parsing for tsunagari-cli: pure functions from argument strings to a Command,
// so every usage error can be tested without starting a process.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

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
    std::optional<uint64_t> seed;           // default: the scenario's "seed"
    std::vector<std::string> settings;      // "path=value", applied in order
    std::string outDir;                     // empty: out/<scenario (or snapshot) file stem>
    bool quiet = false;
    std::optional<int> saveAt;              // save a snapshot after this many events ...
    std::string saveFile;                   // ... to this file
    std::string resume;                     // continue from this snapshot instead of a scenario
};

struct ValidateOptions {
    std::string scenario;
};

struct BenchOptions {
    std::vector<int> attendees = {100, 1'000, 10'000, 100'000};
    std::optional<int> events;              // default: as many as fit in one second
    bool hostile = false;                   // time hostile scenario files instead (bench_hostile.h)
};

struct CalibrateOptions {
    int seeds = 10;                         // replicates per situation
    std::string markdown;                   // also write the table as Markdown here
};

struct LessonsOptions {
    int seeds = 30;                         // per cell, mechanism on and off
    int cells = 60;                         // rows of the covering design
    int jobs = 0;                           // 0 = all cores
    std::vector<int> lessons;               // empty = L1..L10
    std::string markdown;                   // also write the tables as Markdown here
    int alsoSeeds = 0;                      // also judge the first N seeds alone ...
    std::string alsoMarkdown;               // ... and write those tables here
};

enum class CommandKind { Help, Run, Validate, Bench, Calibrate, Lessons };

struct Command {
    CommandKind kind = CommandKind::Help;
    std::string helpTopic;                  // for Help: "" (general) or a command name
    RunOptions run;
    ValidateOptions validate;
    BenchOptions bench;
    CalibrateOptions calibrate;
    LessonsOptions lessons;
};

// `args` excludes the program name. Throws UsageError.
[[nodiscard]] Command parseArgs(const std::vector<std::string>& args);

// Help for "" (general) or a command name.
[[nodiscard]] std::string helpText(const std::string& topic);

}  // namespace tsunagari::cli
