// Command-line parsing for tsunagari-cli and its help text.
#include "args.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "metric_names.h"
#include "length_flags.h"
#include "scenario.h"

namespace tsunagari::cli {

namespace {

constexpr const char* kProgram = "tsunagari-cli";

const char* const kEventsBench = "a whole number of events from 1 to 1000000";
const char* const kSeed = "a whole number from 0 to 18446744073709551615";
const char* const kSetting = "path=value, e.g. params.busy_chance=0.5";
const char* const kOutDir = "a directory";
const char* const kSaveAt = "EVENT FILE: a whole number of events from 0 to 1000000 and a snapshot file";
const char* const kResume = "a snapshot file";
const char* const kFrom = "a run folder holding record.json and scenario.json";
const char* const kAttendees = "a comma-separated list of attendee counts from 1 to 1000000, e.g. 100,1000";

// Whole numbers only: no sign, spaces, fractions or trailing text (std::from_chars is
// locale-independent and rejects all of those).
template <class T>
bool parseWhole(const std::string& text, T min, T max, T& out) {
    if (text.empty() || text.front() < '0' || text.front() > '9') return false;
    T value{};
    const auto res = std::from_chars(text.data(), text.data() + text.size(), value);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || value < min || value > max) return false;
    out = value;
    return true;
}

// Walks the arguments after the command name; knows the command for messages.
class Reader {
public:
    Reader(const std::vector<std::string>& args, std::string command) : m_args(args), m_command(std::move(command)) {}

    bool done() const { return m_next >= m_args.size(); }

    // The next argument; for "--flag=value" the flag part, with the value kept for value().
    std::string take() {
        std::string arg = m_args[m_next++];
        m_inline.reset();
        if (arg.rfind("--", 0) == 0) {
            const auto eq = arg.find('=');
            if (eq != std::string::npos) {
                m_inline = arg.substr(eq + 1);
                arg.resize(eq);
            }
        }
        return arg;
    }

    // The flag's value, from "--flag=value" or the next argument (which must not be a flag).
    std::string value(const std::string& flag, const char* expected) {
        std::string v;
        if (m_inline) {
            v = *m_inline;
            m_inline.reset();
        } else if (!done() && m_args[m_next].rfind("--", 0) != 0) {
            v = m_args[m_next++];
        }
        if (v.empty()) fail(flag + " needs a value: " + expected);
        return v;
    }

    // A flag that takes no value must not be given one ("--quiet=yes").
    void noValue(const std::string& flag) {
        if (m_inline) fail(flag + " takes no value, got '" + *m_inline + "'");
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw UsageError(std::string(kProgram) + " " + m_command + ": " + message);
    }
    [[noreturn]] void unknown(const std::string& arg) const {
        fail("unknown option '" + arg + "' (try '" + kProgram + " " + m_command + " --help')");
    }

    template <class T>
    T number(const std::string& flag, const char* expected, T min, T max) {
        const std::string v = value(flag, expected);
        T out{};
        if (!parseWhole(v, min, max, out)) fail(flag + " expects " + expected + ", got '" + v + "'");
        return out;
    }

private:
    const std::vector<std::string>& m_args;
    std::string m_command;
    size_t m_next = 1;                  // m_args[0] is the command name
    std::optional<std::string> m_inline;
};

bool isFlag(const std::string& arg) { return arg.size() > 1 && arg.front() == '-'; }

// The one SCENARIO operand of run and validate.
void takeScenario(Reader& r, const std::string& arg, std::string& scenario) {
    if (!scenario.empty()) r.fail("unexpected argument '" + arg + "' (only one SCENARIO is taken)");
    scenario = arg;
}

Command helpCommand(const std::string& topic) {
    Command c;
    c.helpTopic = topic;
    return c;
}

Command parseRun(Reader& r) {
    Command c;
    c.kind = CommandKind::Run;
    RunOptions& o = c.run;
    std::string lengthGiven;                // the first length flag, for the clash message
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("run");
        if (const auto unit = lengthFlagUnit(arg)) {
            if (!lengthGiven.empty())
                r.fail(lengthGiven + " and " + arg + " both give the run's length; give one of --events, --days, "
                       "--weeks, --months or --years");
            lengthGiven = arg;
            const std::string expected = lengthExpectation(*unit);
            const std::string v = r.value(arg, expected.c_str());
            const auto length = parseLength(*unit, v);
            if (!length) r.fail(arg + " expects " + expected + ", got '" + v + "'");
            if (*unit == LengthUnit::Events) o.events = int(length->amount);
            else o.length = length;
        } else if (arg == "--seed") o.seed = r.number(arg, kSeed, uint64_t(0), std::numeric_limits<uint64_t>::max());
        else if (arg == "--set") {
            const std::string v = r.value(arg, kSetting);
            if (v.find('=') == std::string::npos || v.front() == '=') r.fail("--set expects " + std::string(kSetting) + ", got '" + v + "'");
            o.settings.push_back(v);
        } else if (arg == "--out") o.outDir = r.value(arg, kOutDir);
        else if (arg == "--quiet") { r.noValue(arg); o.quiet = true; }
        else if (arg == "--save-at") {
            o.saveAt = r.number(arg, kSaveAt, 0, kMaxEvents);
            o.saveFile = r.value(arg, kSaveAt);
        } else if (arg == "--resume") o.resume = r.value(arg, kResume);
        else if (arg == "--charts") { r.noValue(arg); o.charts = true; }
        else if (arg == "--from") o.from = r.value(arg, kFrom);
        else if (isFlag(arg)) r.unknown(arg);
        else takeScenario(r, arg, o.scenario);
    }
    if (!o.from.empty()) {
        // The folder's record fixes the scenario, overrides, seed and length.
        if (!o.scenario.empty() || !o.resume.empty()) r.fail("--from takes the place of SCENARIO and --resume; give one");
        if (!o.settings.empty() || o.seed || !lengthGiven.empty())
            r.fail("--from reruns the recorded run as it was; --set, --seed, --events, --days, --weeks, --months "
                   "and --years cannot change it");
    } else if (!o.resume.empty()) {
        // A snapshot carries its own setup and random state.
        if (!o.scenario.empty()) r.fail("--resume takes the place of SCENARIO; give one or the other");
        if (!o.settings.empty() || o.seed) r.fail("--set and --seed cannot change a resumed run; the snapshot holds its setup");
    } else if (o.scenario.empty()) {
        r.fail("missing SCENARIO (a scenario .json file)");
    }
    return c;
}

Command parseValidate(Reader& r) {
    Command c;
    c.kind = CommandKind::Validate;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("validate");
        if (isFlag(arg)) r.unknown(arg);
        takeScenario(r, arg, c.validate.scenario);
    }
    if (c.validate.scenario.empty()) r.fail("missing SCENARIO (a scenario .json file)");
    return c;
}

// A comma-separated list of whole numbers in [min, max]; `lessonPrefix` also takes "L4" for 4.
std::vector<int> parseNumberList(Reader& r, const std::string& flag, const char* expected, int min, int max,
                                 bool lessonPrefix = false) {
    const std::string v = r.value(flag, expected);
    std::vector<int> list;
    size_t start = 0;
    while (true) {
        const size_t comma = v.find(',', start);
        std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (lessonPrefix && !item.empty() && (item[0] == 'L' || item[0] == 'l')) item.erase(0, 1);
        int n = 0;
        if (!parseWhole(item, min, max, n)) r.fail(flag + " expects " + expected + ", got '" + v + "'");
        list.push_back(n);
        if (comma == std::string::npos) return list;
        start = comma + 1;
    }
}

Command parseBench(Reader& r) {
    Command c;
    c.kind = CommandKind::Bench;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("bench");
        if (arg == "--attendees") c.bench.attendees = parseNumberList(r, arg, kAttendees, 1, kMaxAttendees);
        else if (arg == "--events") c.bench.events = r.number(arg, kEventsBench, 1, kMaxEvents);
        else if (arg == "--soak") c.bench.soakEvery = r.number(arg, kEventsBench, 1, kMaxEvents);
        else if (arg == "--floor-mib") c.bench.floorMiB = r.number(arg, "a whole number of MiB from 0 to 4096", 0, 4096);
        else if (arg == "--hostile") { r.noValue(arg); c.bench.hostile = true; }
        else if (isFlag(arg)) r.unknown(arg);
        else r.fail("unexpected argument '" + arg + "' (bench takes no operands)");
    }
    return c;
}

// calibrate's and lessons' --set: only the model's constants, since the situations are built in code.
std::string paramSetting(Reader& r, const std::string& flag) {
    const std::string v = r.value(flag, "params.KEY=VALUE");
    if (v.rfind("params.", 0) != 0 || v.find('=') == std::string::npos)
        r.fail(flag + " expects params.KEY=VALUE (the situations are built in code; only the model's constants can be set), got '" + v + "'");
    return v;
}

Command parseCalibrate(Reader& r) {
    Command c;
    c.kind = CommandKind::Calibrate;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("calibrate");
        if (arg == "--seeds") c.calibrate.seeds = r.number(arg, "a whole number of seeds from 2 to 1000", 2, 1000);
        else if (arg == "--markdown") c.calibrate.markdown = r.value(arg, "a file to write the table to");
        else if (arg == "--chapter-sizes") c.calibrate.chapterSizes = true;
        else if (arg == "--set") c.calibrate.settings.push_back(paramSetting(r, arg));
        else if (isFlag(arg)) r.unknown(arg);
        else r.fail("unexpected argument '" + arg + "' (calibrate takes no operands)");
    }
    if (c.calibrate.chapterSizes && !c.calibrate.markdown.empty()) r.fail("--chapter-sizes prints text only; it takes no --markdown");
    return c;
}

Command parseLessons(Reader& r) {
    Command c;
    c.kind = CommandKind::Lessons;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("lessons");
        if (arg == "--seeds") c.lessons.seeds = r.number(arg, "a whole number of seeds from 2 to 1000", 2, 1000);
        else if (arg == "--cells") c.lessons.cells = r.number(arg, "a whole number of cells from 1 to 10000", 1, 10000);
        else if (arg == "--jobs") c.lessons.jobs = r.number(arg, "a whole number of worker threads from 1 to 1024", 1, 1024);
        else if (arg == "--lessons") c.lessons.lessons = parseNumberList(r, arg, "a comma-separated list of lesson numbers from 1 to 10, e.g. 1,4", 1, 10, true);
        else if (arg == "--markdown") c.lessons.markdown = r.value(arg, "a file to write the tables to");
        else if (arg == "--also-seeds") c.lessons.alsoSeeds = r.number(arg, "a whole number of seeds from 2 to 1000", 2, 1000);
        else if (arg == "--also-markdown") c.lessons.alsoMarkdown = r.value(arg, "a file to write the tables of the first --also-seeds seeds to");
        else if (arg == "--set") c.lessons.settings.push_back(paramSetting(r, arg));
        else if (isFlag(arg)) r.unknown(arg);
        else r.fail("unexpected argument '" + arg + "' (lessons takes no operands)");
    }
    return c;
}

Command parseStory(Reader& r) {
    Command c;
    c.kind = CommandKind::Story;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("story");
        if (arg == "--lang") {
            const std::string lang = r.value(arg, "en or ja");
            if (lang != "en" && lang != "ja") r.fail("--lang expects en or ja, got '" + lang + "'");
            c.story.japanese = lang == "ja";
        } else if (arg == "--seed") c.story.seed = r.number(arg, kSeed, uint64_t(0), std::numeric_limits<uint64_t>::max());
        else if (arg == "--pick") {
            for (int n : parseNumberList(r, arg, "a comma-separated list of choice numbers from 1 to 8, e.g. 2,1", 1, 8))
                c.story.picks.push_back(n - 1);
        } else if (arg == "--check") c.story.check = true;
        else if (arg == "--seeds") c.story.seeds = r.number(arg, "a whole number of seeds from 1 to 1000", 1, 1000);
        else if (arg == "--jobs") c.story.jobs = r.number(arg, "a whole number of worker threads from 1 to 1024", 1, 1024);
        else if (isFlag(arg)) r.unknown(arg);
        else if (c.story.story.empty()) c.story.story = arg;
        else r.fail("unexpected argument '" + arg + "' (story takes one STORY file)");
    }
    if (c.story.story.empty()) r.fail("missing STORY (a story .json file, e.g. scenarios/stories/hard_sellers.json)");
    return c;
}

Command parsePlay(Reader& r) {
    Command c;
    c.kind = CommandKind::Play;
    PlayOptions& o = c.play;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("play");
        if (arg == "--lang") {
            const std::string lang = r.value(arg, "en or ja");
            if (lang != "en" && lang != "ja") r.fail("--lang expects en or ja, got '" + lang + "'");
            o.japanese = lang == "ja";
        } else if (arg == "--seed") o.seed = r.number(arg, kSeed, uint64_t(0), std::numeric_limits<uint64_t>::max());
        else if (arg == "--seat") o.seat = r.number(arg, "an attendee id from 0", uint32_t(0), uint32_t(999'999));
        else if (arg == "--set") {
            const std::string v = r.value(arg, kSetting);
            if (v.find('=') == std::string::npos || v.front() == '=') r.fail("--set expects " + std::string(kSetting) + ", got '" + v + "'");
            o.settings.push_back(v);
        }
        else if (arg == "--always") o.always = r.value(arg, "TALK,REPLY, e.g. listen,both");
        else if (arg == "--choices") o.choices = r.value(arg, "a choices .json file");
        else if (arg == "--out") o.out = r.value(arg, "a .json file");
        else if (isFlag(arg)) r.unknown(arg);
        else if (o.scenario.empty()) o.scenario = arg;
        else r.fail("unexpected argument '" + arg + "' (play takes one SCENARIO file)");
    }
    if (o.scenario.empty()) r.fail("missing SCENARIO (a scenario .json file, e.g. scenarios/newcomer.json)");
    if (o.always.empty() == o.choices.empty())
        r.fail("give exactly one of --always TALK,REPLY (e.g. listen,both) or --choices FILE; the window plays interactively");
    return c;
}

Command parseChart(Reader& r) {
    Command c;
    c.kind = CommandKind::Chart;
    ChartCommandOptions& o = c.chart;
    std::string metricKeys;
    for (const MetricName& m : metricNames()) metricKeys += (metricKeys.empty() ? "" : ", ") + std::string(m.key);
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("chart");
        if (arg == "--lang") {
            const std::string v = r.value(arg, "en or ja");
            if (v != "en" && v != "ja") r.fail("--lang expects en or ja, got '" + v + "'");
            o.japanese = v == "ja";
        } else if (arg == "--format") {
            const std::string v = r.value(arg, "png, svg or both");
            if (v != "png" && v != "svg" && v != "both") r.fail("--format expects png, svg or both, got '" + v + "'");
            o.png = v != "svg";
            o.svg = v != "png";
        } else if (arg == "--metric") {
            const std::string v = r.value(arg, "a metric name");
            if (!findMetricName(v)) r.fail("--metric expects one of " + metricKeys + ", got '" + v + "'");
            o.metrics.push_back(v);
        } else if (isFlag(arg)) r.unknown(arg);
        else if (!o.dir.empty()) r.fail("unexpected argument '" + arg + "' (only one DIR is taken)");
        else o.dir = arg;
    }
    if (o.dir.empty()) r.fail("missing DIR (a folder written by run, sweep or tournament)");
    return c;
}

// `tournament SPEC` and `evolve SPEC`.
Command parseTournament(Reader& r, CommandKind kind, const std::string& name) {
    Command c;
    c.kind = kind;
    TournamentOptions& o = c.tournament;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand(name);
        if (arg == "--out") o.outDir = r.value(arg, kOutDir);
        else if (arg == "--jobs") o.jobs = r.number(arg, "a whole number of worker threads from 1 to 1024", 1, 1024);
        else if (arg == "--replicates") o.replicates = r.number(arg, "a whole number of replicates from 1 to 100000", 1, 100000);
        else if (arg == "--quiet") { r.noValue(arg); o.quiet = true; }
        else if (isFlag(arg)) r.unknown(arg);
        else if (!o.spec.empty()) r.fail("unexpected argument '" + arg + "' (only one SPEC is taken)");
        else o.spec = arg;
    }
    if (o.spec.empty()) r.fail("missing SPEC (a " + name + " spec .json file)");
    return c;
}

// Every command, in the order the help lists them.
constexpr const char* kCommandNames[] = {"run",   "validate",   "bench",  "calibrate", "lessons", "story", "play", "chart",
                                          "tournament", "evolve", "sweep", "compare", "merge"};

const char* const kJobs = "a whole number of worker threads from 1 to 1024";
const char* const kReplicates = "a whole number of replicates from 2 to 100000";

// "--shard I/N": slice I of N, 1 <= I <= N <= 100000.
std::pair<int, int> parseShard(Reader& r, const std::string& flag) {
    const char* expected = "I/N with 1 <= I <= N <= 100000, e.g. 2/8";
    const std::string v = r.value(flag, expected);
    const auto slash = v.find('/');
    int index = 0, count = 0;
    if (slash == std::string::npos || !parseWhole(v.substr(0, slash), 1, 100'000, index) ||
        !parseWhole(v.substr(slash + 1), 1, 100'000, count) || index > count)
        r.fail(flag + " expects " + expected + ", got '" + v + "'");
    return {index, count};
}

std::string settingValue(Reader& r, const std::string& flag) {
    const std::string v = r.value(flag, kSetting);
    if (v.find('=') == std::string::npos || v.front() == '=') r.fail(flag + " expects " + std::string(kSetting) + ", got '" + v + "'");
    return v;
}

Command parseSweep(Reader& r) {
    Command c;
    c.kind = CommandKind::Sweep;
    SweepOptions& o = c.sweep;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("sweep");
        if (arg == "--out") o.outDir = r.value(arg, kOutDir);
        else if (arg == "--jobs") o.jobs = r.number(arg, kJobs, 1, 1024);
        else if (arg == "--replicates") o.replicates = r.number(arg, kReplicates, 2, 100'000);
        else if (arg == "--shard") o.shard = parseShard(r, arg);
        else if (arg == "--resume") { r.noValue(arg); o.resume = true; }
        else if (arg == "--quiet") { r.noValue(arg); o.quiet = true; }
        else if (isFlag(arg)) r.unknown(arg);
        else if (!o.spec.empty()) r.fail("unexpected argument '" + arg + "' (only one SPEC is taken)");
        else o.spec = arg;
    }
    if (o.spec.empty()) r.fail("missing SPEC (an experiment spec .json file)");
    return c;
}

Command parseCompare(Reader& r) {
    Command c;
    c.kind = CommandKind::Compare;
    CompareOptions& o = c.compare;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("compare");
        if (arg == "--set") o.settings.back().push_back(settingValue(r, arg));
        else if (arg == "--vs") { r.noValue(arg); o.settings.emplace_back(); }
        else if (arg == "--replicates") o.replicates = r.number(arg, kReplicates, 2, 100'000);
        else if (arg == "--seed") o.seed = r.number(arg, kSeed, uint64_t(0), std::numeric_limits<uint64_t>::max());
        else if (arg == "--events") o.events = r.number(arg, kEventsBench, 1, kMaxEvents);
        else if (arg == "--out") o.outDir = r.value(arg, kOutDir);
        else if (arg == "--jobs") o.jobs = r.number(arg, kJobs, 1, 1024);
        else if (arg == "--quiet") { r.noValue(arg); o.quiet = true; }
        else if (isFlag(arg)) r.unknown(arg);
        else takeScenario(r, arg, o.scenario);
    }
    if (o.scenario.empty()) r.fail("missing SCENARIO (a scenario .json file)");
    if (o.settings.size() < 2) r.fail("expected at least one --vs: compare needs two or more settings");
    return c;
}

Command parseMerge(Reader& r) {
    Command c;
    c.kind = CommandKind::Merge;
    while (!r.done()) {
        const std::string arg = r.take();
        if (arg == "--help" || arg == "-h") return helpCommand("merge");
        if (isFlag(arg)) r.unknown(arg);
        if (c.merge.outDir.empty()) c.merge.outDir = arg;
        else c.merge.shardDirs.push_back(arg);
    }
    if (c.merge.shardDirs.empty()) r.fail("expected OUTDIR and at least one SHARD_DIR");
    return c;
}

}  // namespace

Command parseArgs(const std::vector<std::string>& args) {
    std::string names;
    for (size_t i = 0; i < std::size(kCommandNames); ++i)
        names += std::string(i == 0 ? "" : i + 1 == std::size(kCommandNames) ? " or " : ", ") + kCommandNames[i];
    const std::string expected = " (expected " + names + "; try '" + std::string(kProgram) + " --help')";
    if (args.empty()) throw UsageError(std::string(kProgram) + ": missing command" + expected);
    const std::string& command = args.front();
    if (command == "--help" || command == "-h" || command == "help") {
        // "help run" reads naturally too.
        if (args.size() > 1 && std::find(std::begin(kCommandNames), std::end(kCommandNames), args[1]) != std::end(kCommandNames))
            return helpCommand(args[1]);
        return Command{};
    }
    Reader reader(args, command);
    if (command == "run") return parseRun(reader);
    if (command == "validate") return parseValidate(reader);
    if (command == "bench") return parseBench(reader);
    if (command == "calibrate") return parseCalibrate(reader);
    if (command == "lessons") return parseLessons(reader);
    if (command == "story") return parseStory(reader);
    if (command == "play") return parsePlay(reader);
    if (command == "chart") return parseChart(reader);
    if (command == "tournament") return parseTournament(reader, CommandKind::Tournament, "tournament");
    if (command == "evolve") return parseTournament(reader, CommandKind::Evolve, "evolve");
    if (command == "sweep") return parseSweep(reader);
    if (command == "compare") return parseCompare(reader);
    if (command == "merge") return parseMerge(reader);
    if (isFlag(command)) throw UsageError(std::string(kProgram) + ": unknown option '" + command + "'" + expected);
    throw UsageError(std::string(kProgram) + ": unknown command '" + command + "'" + expected);
}

namespace {

// Help of `tournament` and `evolve`, which share their options.
std::string tournamentHelp(const std::string& topic) {
    const bool evolve = topic == "evolve";
    return std::string("Usage: tsunagari-cli ") + topic + " SPEC [--out DIR] [--jobs N] [--replicates N] [--quiet]\n\n" +
           (evolve ? "Runs the strategies of SPEC (docs/tournaments.md) in one population for its seasons; after each\n"
                     "season the members with the poorest fitness leave for newcomers copying a member drawn in\n"
                     "proportion to fitness (moran), or adopt the habits of the fittest member they know\n"
                     "(imitation). Writes DIR/seasons.csv, DIR/seasons_summary.csv, DIR/tournament.json (the\n"
                     "spec resolved) and DIR/record.json, and prints each strategy's share of members.\n"
                   : "Runs every strategy of SPEC (docs/tournaments.md) in one mixed population, over replicates,\n"
                     "and ranks them by referrals received and by closed business (mean, sd, 95% CI). Writes\n"
                     "DIR/results.csv, DIR/ranking.csv, DIR/tournament.json (the spec resolved) and\n"
                     "DIR/record.json, and prints the ranking.\n") +
           "\n"
           "  --out DIR          output directory (default: out/<spec file name without .json>)\n"
           "  --jobs N           worker threads (default: all cores); the output does not depend on it\n"
           "  --replicates N     replicates (default: the spec's \"replicates\")\n"
           "  --quiet            print nothing on success\n"
           "\n"
           "Progress on stderr when it is a terminal; Ctrl-C stops cleanly and writes nothing.\n";
}

}  // namespace

std::string helpText(const std::string& topic) {
    const std::string exitCodes =
        "Exit status: 0 success; 1 an output file or directory could not be written (or\n"
        "another run-time failure); 2 bad command line or scenario. Errors are one line on stderr.\n";
    if (topic == "run")
        return "Usage: tsunagari-cli run SCENARIO [LENGTH] [--seed S] [--set path=value ...]\n"
               "                         [--out DIR] [--quiet] [--save-at EVENT FILE] [--charts]\n"
               "       tsunagari-cli run --resume SNAPSHOT [LENGTH] [--out DIR] [--quiet]\n"
               "                         [--save-at EVENT FILE]\n"
               "       tsunagari-cli run --from RUNDIR [--out DIR] [--quiet] [--save-at EVENT FILE]\n"
               "\n"
               "Runs a scenario and writes DIR/events.csv (per event and group), DIR/attendees.csv\n"
               "(Gephi node table), DIR/edges.csv (Gephi edge table of remembered trust ties),\n"
               "DIR/summary.json, DIR/scenario.json (the scenario as run, overrides applied) and\n"
               "DIR/record.json (version, command line, overrides, seed, length), then prints the\n"
               "per-archetype table. docs/outputs.md defines every column and key. The folder is\n"
               "replaced as a whole: it holds all files of one run, never a mix; a second run into\n"
               "the same DIR waits for the first. A DIR holding other files is refused.\n"
               "\n"
               "LENGTH is one of (default: the scenario's \"events\"):\n"
               "  --events N         events to run\n"
               "  --days N           the events on calendar days 0 to N-1 (whole days)\n"
               "  --weeks N | --months N | --years N\n"
               "                     the same for N weeks (7 days), months (30.44 days) or years\n"
               "                     (365.25 days); N may be fractional, e.g. --years 1.5\n"
               "\n"
               "  --seed S           random seed (default: the scenario's \"seed\")\n"
               "  --set path=value   change the scenario before it is checked; repeatable, e.g.\n"
               "                     --set params.busy_chance=0.5 --set population[1].count=20\n"
               "                     --set mechanisms.forgetting=false\n"
               "  --out DIR          output directory (default: out/<scenario file name without .json>)\n"
               "  --quiet            print nothing on success\n"
               "  --save-at EVENT FILE  save a snapshot of the run after EVENT events (not inside DIR);\n"
               "                     if it cannot be written the reports are still written, the\n"
               "                     failure is named and the exit status is 1\n"
               "  --resume SNAPSHOT  continue a saved run; its outputs equal those of the\n"
               "                     uninterrupted run, byte for byte\n"
               "  --charts           also draw DIR/charts/ as 'tsunagari-cli chart DIR' does\n"
               "                     uninterrupted run, byte for byte. LENGTH counts from the\n"
               "                     scenario's start and may not end before the snapshot's event\n"
               "  --from RUNDIR      rerun the run recorded in RUNDIR (its scenario.json and\n"
               "                     record.json); the reports are byte-identical to RUNDIR's\n"
               "\n"
               "The scenario's memory need is checked before anything is allocated.\n"
               "A progress bar is drawn on stderr when it is a terminal. Same scenario, seed and\n"
               "settings give byte-identical files.\n\n" +
               exitCodes;
    if (topic == "validate")
        return "Usage: tsunagari-cli validate FILE\n"
               "\n"
               "Checks a scenario file and prints \"ok: TITLE (N attendees, M calendar entries)\",\n"
               "or each problem (up to 20) as one line naming the file, the JSON path and what was\n"
               "expected. A story, an experiment spec or a tournament / evolution spec (known by its\n"
               "\"$schema\" or its own keys) is checked as such, with the scenarios it names, and\n"
               "its first problem is reported the same way.\n\n" +
               exitCodes;
    if (topic == "bench")
        return "Usage: tsunagari-cli bench [--attendees LIST] [--events N] [--floor-mib M] [--soak EVERY] | --hostile\n"
               "\n"
               "Times the simulation on one thread: every attendee at a daily mixer (random\n"
               "matchmaking, groups of 4, 4 rounds), for each population size.\n"
               "\n"
               "  --attendees LIST   comma-separated sizes (default: 100,1000,10000,100000)\n"
               "  --events N         events per size (default: as many as take one second)\n"
               "  --floor-mib M      working set of the memory-floor measurement (default 256; 0 skips it)\n"
               "  --soak EVERY       soak test: every EVERY events print resident memory, live ties\n"
               "                     and the model's bytes per tie (default events: 600)\n"
               "\n"
               "First measures the memory floor: ns per random 64-byte line with many reads in\n"
               "flight, and as a dependent chase. Then per size: conversations/s, ns per\n"
               "conversation and its ratio to the floor, live pairs and the model's bytes per live\n"
               "pair, the model's own memory figure beside the resident memory (and their ratio),\n"
               "the peak RSS, where the bytes go, and whether the goal of 10,000,000\n"
               "conversations/s at 10,000 attendees was met.\n"
               "\n"
               "  --hostile          instead validate hostile files of 1, 10 and 50 MB (deep nesting,\n"
               "                     long unknown names, duplicate keys, many cohorts) and run 3 events\n"
               "                     of the valid ones; prints seconds and MB/s\n\n" +
               exitCodes;
    if (topic == "calibrate")
        return "Usage: tsunagari-cli calibrate [--seeds N] [--markdown FILE] [--chapter-sizes] [--set params.KEY=VALUE ...]\n"
               "\n"
               "Measures the model in situations built in code (a weekly chapter of 30 with 1-to-1s,\n"
               "chapters of 15 and 25, one open mixer, workplaces beside a chapter) and prints\n"
               "each value beside its published anchor (Hall 2019, Misner, Granovetter 1973, Grant &\n"
               "Gino 2010, BNI's counts, seed 004), marked ok when within a factor of two.\n"
               "\n"
               "  --seeds N          seeds per situation (default 10)\n"
               "  --markdown FILE    also write the table as Markdown (docs/calibration.md)\n"
               "  --chapter-sizes    instead, per chapter size (10-40): fellow members trusted enough to refer\n"
               "                     to, client needs, the share that find one of the needed trade, referrals\n"
               "  --set params.KEY=VALUE  a model constant in every situation (repeatable), to try a\n"
               "                     value before setting it: e.g. --set params.rapport_spread=0.7\n\n" +
               exitCodes;
    if (topic == "lessons")
        return "Usage: tsunagari-cli lessons [--seeds N] [--cells N] [--jobs N] [--lessons LIST] [--markdown FILE]\n"
               "                             [--also-seeds K --also-markdown FILE] [--set params.KEY=VALUE ...]\n"
               "\n"
               "Runs each lesson L1-L10 in a grid of situations (population 20-1000, focal share,\n"
               "cadence, calendar, seating policy, length: a covering design in which every pair of\n"
               "levels occurs), over seeds, with its mechanism on and off, and says where it holds:\n"
               "the seeds' sign with p < 0.01, at least 5% of the comparison's level, and below a\n"
               "quarter with the mechanism off. Progress on stderr. Exit 3 if a lesson holds in\n"
               "fewer cells than docs/lessons.md promises at 10 or 30 seeds (see its minimums).\n"
               "\n"
               "  --seeds N          seeds per cell (default 30)\n"
               "  --cells N          cells of the design (default 60)\n"
               "  --jobs N           worker threads (default: all cores); results do not depend on it\n"
               "  --lessons LIST     e.g. 1,4 (default: all ten)\n"
               "  --markdown FILE    also write the tables as Markdown\n"
               "  --also-seeds K     also judge the first K seeds alone (what --seeds K would give)\n"
               "  --also-markdown FILE  ... and write those tables here\n"
               "  --set params.KEY=VALUE  a model constant in every cell (repeatable); the promised\n"
               "                     counts are for the defaults, so they are not checked\n\n" +
               exitCodes;
    if (topic == "story")
        return "Usage: tsunagari-cli story STORY [--lang en|ja] [--seed S] [--pick LIST]\n"
               "       tsunagari-cli story STORY --check [--seeds N] [--jobs N]\n"
               "\n"
               "Tells a workshop story (scenarios/stories/) as text: each step's narration, the\n"
               "question the room answers before the run, the run, the numbers and the reveal.\n"
               "With --check, runs the whole story on seeds 1..N and its own seed and prints how\n"
               "often each prediction's expected answer wins; exit 3 when one wins on fewer than\n"
               "90% of the seeds or not on the story's own seed.\n"
               "\n"
               "  --lang en|ja       language of the text (default en)\n"
               "  --seed S           one seed for every room (default: each scenario's own)\n"
               "  --pick LIST        the room's answers in order, e.g. 2,1 (choice numbers from 1)\n"
               "  --check            check the predictions over seeds instead of telling the story\n"
               "  --seeds N          seeds for --check (default 30)\n"
               "  --jobs N           worker threads for --check (default: all cores)\n\n" +
               exitCodes;
    if (topic == "play")
        return "Usage: tsunagari-cli play SCENARIO (--always TALK,REPLY | --choices FILE) [--set path=value ...]\n"
               "                          [--seed S] [--seat ID] [--lang en|ja] [--out FILE]\n"
               "\n"
               "Plays a season from one attendee's seat (by default the newest member, e.g. the last\n"
               "newcomer of scenarios/newcomer.json): at each of their conversations where selling is\n"
               "possible they pitch, listen, or listen and book a 1-to-1 with that person (met at the next\n"
               "1-to-1 session); at each referral they deliver they report back, thank, do both, or stay\n"
               "silent. Prints the seat's season beside what each built-in habit achieves in the same\n"
               "seat with the same seed. The window (tsunagari --play) asks a person instead.\n"
               "\n"
               "  --always TALK,REPLY  TALK one of pitch, listen, book; REPLY one of report, thank, both, silent\n"
               "  --choices FILE     {\"choices\": [\"listen\", \"both\", ...], \"then\": {\"talk\": ..., \"reply\": ...}}:\n"
               "                     answered in order; \"then\" after the list; a saved season (--out, or the\n"
               "                     window's Save) also gives its \"seed\" and \"seat\"\n"
               "  --set path=value   change the scenario before playing (repeatable)\n"
               "  --seed S           the season's seed (default: the choices file's, else the scenario's)\n"
               "  --seat ID          whose seat (default: the choices file's, else the newest member)\n"
               "  --lang en|ja       language of the table\n"
               "  --out FILE         also write the season, the choices and the table as JSON\n\n" +
               exitCodes;
    if (topic == "chart")
        return "Usage: tsunagari-cli chart DIR [--lang en|ja] [--format png|svg|both] [--metric M ...]\n"
               "\n"
               "Draws DIR/charts/ with gnuplot (Debian: gnuplot-nox) from the folder's files: a run's\n"
               "events.csv (<metric>: lines over weeks per group); a sweep's summary.csv, events_summary.csv\n"
               "and comparison.csv (final_, over_time_ and difference_<metric>: bars or lines with 95%\n"
               "intervals); a tournament's ranking.csv (ranking_<metric>); an evolution's\n"
               "seasons_summary.csv (shares). See docs/charts.md.\n"
               "\n"
               "  --lang en|ja       language of titles, axes and legends (default en)\n"
               "  --format F         png, svg or both (default both)\n"
               "  --metric M         a metric to chart; repeatable (default: referrals_received,\n"
               "                     repeat_referrals_received, collaborators, closed_business,\n"
               "                     trust_received, reputation)\n\n" +
               exitCodes;
    if (topic == "tournament" || topic == "evolve")
        return tournamentHelp(topic) + "\n" + exitCodes;
    if (topic == "sweep")
        return "Usage: tsunagari-cli sweep SPEC [--out DIR] [--jobs N] [--replicates N] [--shard I/N]\n"
               "                           [--resume] [--quiet]\n"
               "\n"
               "Runs an experiment spec (docs/experiments.md): every setting of its varied paths times\n"
               "its replicates, replicate i seeded deriveSeed(seed, i) in every setting. Writes DIR/\n"
               "settings.csv, results.csv, summary.csv (mean, sd, 95% interval), comparison.csv (two or\n"
               "more settings, paired t-test against setting 0), events.csv and events_summary.csv (with\n"
               "per_event), experiment.json (rerunnable) and record.json; prints the summary.\n"
               "\n"
               "  --out DIR          output directory (default: out/<spec file name without .json>)\n"
               "  --jobs N           worker threads (default: all cores); the output does not depend on it\n"
               "  --replicates N     replicates per setting instead of the spec's\n"
               "  --shard I/N        run only slice I of N of the cells and write a shard folder\n"
               "                     (join the slices with 'tsunagari-cli merge')\n"
               "  --resume           after Ctrl-C: run only the cells missing from DIR/partial.jsonl\n"
               "  --quiet            print nothing on success\n"
               "\n"
               "Ctrl-C stops starting cells, keeps the finished ones in DIR/partial.jsonl and prints\n"
               "the command that resumes (exit 130).\n\n" +
               exitCodes;
    if (topic == "compare")
        return "Usage: tsunagari-cli compare SCENARIO [--replicates N] [--seed S] [--events N]\n"
               "                             [--set path=value ...] --vs [--set path=value ...] [--vs ...]\n"
               "                             [--out DIR] [--jobs N] [--quiet]\n"
               "\n"
               "Compares settings of a scenario over paired replicates: the --set before the first --vs\n"
               "make setting 0 (the baseline), each --vs starts the next setting. Writes the folder of a\n"
               "sweep (default out/compare-<scenario file name>) and prints each difference from the\n"
               "baseline with its 95% interval and paired t-test p.\n"
               "\n"
               "  --replicates N     replicates per setting (default 10)\n"
               "  --seed S           base seed (default: the scenario's \"seed\")\n"
               "  --events N         events per run (default: the scenario's \"events\")\n\n" +
               exitCodes;
    if (topic == "merge")
        return "Usage: tsunagari-cli merge OUTDIR SHARD_DIR...\n"
               "\n"
               "Joins the folders of 'sweep --shard I/N' runs into OUTDIR, byte for byte the files the\n"
               "whole sweep writes. Refuses shards of different specs, and missing or repeated cells.\n\n" +
               exitCodes;
    return "Usage: tsunagari-cli COMMAND [OPTIONS]\n"
           "\n"
           "Tsunagari simulates business networking: who meets whom, whom they come to trust,\n"
           "and who sends whom clients.\n"
           "\n"
           "Commands:\n"
           "  run SCENARIO       run a scenario and write CSV/JSON reports\n"
           "  validate FILE      check a scenario, story or experiment / tournament spec\n"
           "  bench              measure simulation speed and memory\n"
           "  calibrate          the model's values beside the published anchors it is scaled to\n"
           "  lessons            each lesson over a grid of situations, seeds, mechanism on and off\n"
           "  story STORY        tell a workshop story as text, or check its predictions over seeds\n"
           "  play SCENARIO      play a season from one attendee's seat, compared with the built-in habits\n"
           "  chart DIR          draw PNG/SVG charts of a run, sweep or tournament folder\n"
           "  tournament SPEC    rank habit sets competing in one population, over replicates\n"
           "  evolve SPEC        let habits spread or die out over seasons (Moran or imitation)\n"
           "  sweep SPEC         an experiment: settings x replicates, summaries and comparisons\n"
           "  compare SCENARIO   settings of a scenario side by side (--set ... --vs --set ...)\n"
           "  merge OUTDIR SHARD_DIR...  join the shards of a sweep\n"
           "\n"
           "'tsunagari-cli COMMAND --help' describes a command's options.\n\n" +
           exitCodes;
}

}  // namespace tsunagari::cli
