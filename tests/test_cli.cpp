// The real tsunagari-cli binary: outputs, determinism, --set, every usage error's exact line
// and exit code, validate on good and broken files, help.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "scenario_io.h"
#include "test_files.h"

using namespace tsunagari;
namespace fs = std::filesystem;
using namespace test_files;

namespace {

const std::string kDefault = std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/default.json";


// A usage error: exit 2, nothing on stdout, exactly this one line on stderr.
void requireUsageError(const std::vector<std::string>& args, const std::string& line) {
    std::string shown;
    for (const auto& a : args) shown += " " + a;
    INFO("tsunagari-cli" << shown);
    const CliResult r = cli(args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == line + "\n");
}

const char* const kFiles[] = {"events.csv", "attendees.csv", "edges.csv", "summary.json"};

// A small valid scenario for tests that need a file of their own.
const char* const kSmall = R"({
  "title": {"en": "Small", "ja": "小"}, "description": {"en": "d", "ja": "d"},
  "seed": 5, "events": 6, "matchmaking": "random",
  "population": [{"archetype": "average", "count": 12}, {"archetype": "hard_seller", "count": 4}],
  "calendar": [{"name": "weekly", "kind": "chapter", "first_day": 0, "every_days": 7, "rounds": 3,
                "group_size": 4, "hours": 1.5, "attendance": 1.0}]
})";

}  // namespace

TEST_CASE("cli: run on the default scenario writes the four reports and the table") {
    const fs::path out = freshDir() / "default";
    const CliResult r = cli({"run", kDefault, "--events", "12", "--out", out.string()});
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());  // no progress bar: stderr is not a terminal
    for (const char* f : kFiles) {
        INFO(f);
        CHECK(fs::file_size(out / f) > 0);
    }
    CHECK(slurp(out / "events.csv").rfind("event,day,kind,name,", 0) == 0);
    CHECK(slurp(out / "attendees.csv").rfind("Id,Label,", 0) == 0);
    CHECK(slurp(out / "edges.csv").rfind("Source,Target,Type,Weight,", 0) == 0);
    CHECK(slurp(out / "summary.json").find("\"events_run\": 12") != std::string::npos);
    CHECK(r.out.find("12 events") != std::string::npos);
    CHECK(r.out.find("hard_seller") != std::string::npos);
    fs::remove_all(out.parent_path());
}

TEST_CASE("cli: same seed gives byte-identical files, another seed or --set changes them") {
    const fs::path base = freshDir();
    auto run = [&](const std::string& name, std::vector<std::string> extra) {
        std::vector<std::string> args = {"run", kDefault, "--events", "15", "--quiet", "--out", (base / name).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const CliResult r = cli(args);
        REQUIRE(r.code == 0);
        CHECK(r.out.empty());  // --quiet
        CHECK(r.err.empty());
    };
    run("a", {"--seed", "11"});
    run("b", {"--seed", "11"});
    run("c", {"--seed", "12"});
    run("d", {"--seed", "11", "--set", "params.busy_chance=0.9", "--set", "mechanisms.pitch_backlash=false"});
    for (const char* f : kFiles) {
        INFO(f);
        CHECK(slurp(base / "a" / f) == slurp(base / "b" / f));
    }
    CHECK(slurp(base / "a" / "events.csv") != slurp(base / "c" / "events.csv"));
    CHECK(slurp(base / "a" / "summary.json") != slurp(base / "c" / "summary.json"));
    CHECK(slurp(base / "a" / "events.csv") != slurp(base / "d" / "events.csv"));
    CHECK(slurp(base / "c" / "summary.json").find("\"seed\": 12") != std::string::npos);
    fs::remove_all(base);
}

TEST_CASE("cli: --events defaults to the scenario's count, and the default directory is out/<stem>") {
    const fs::path dir = freshDir();
    writeText(dir / "small.json", kSmall);
    const std::string command = "cd " + shellQuote(dir.string()) + " && " + shellQuote(TSUNAGARI_CLI) +
                                " run small.json --quiet >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK(slurp(dir / "out" / "small" / "summary.json").find("\"events_run\": 6") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("cli: usage errors name the flag and what was expected, exit 2") {
    const std::string s = kDefault;
    const std::string top = " (expected run, validate, bench, calibrate, lessons, story, play, chart, tournament, evolve, sweep, compare or merge; try 'tsunagari-cli --help')";
    requireUsageError({}, "tsunagari-cli: missing command" + top);
    requireUsageError({"frobnicate"}, "tsunagari-cli: unknown command 'frobnicate'" + top);
    requireUsageError({"--verbose"}, "tsunagari-cli: unknown option '--verbose'" + top);

    const std::string events = "a whole number of events from 0 to 1000000";
    requireUsageError({"run"}, "tsunagari-cli run: missing SCENARIO (a scenario .json file)");
    requireUsageError({"run", s, "--bogus"}, "tsunagari-cli run: unknown option '--bogus' (try 'tsunagari-cli run --help')");
    requireUsageError({"run", s, "-x"}, "tsunagari-cli run: unknown option '-x' (try 'tsunagari-cli run --help')");
    requireUsageError({"run", s, s}, "tsunagari-cli run: unexpected argument '" + s + "' (only one SCENARIO is taken)");
    requireUsageError({"run", s, "--events"}, "tsunagari-cli run: --events needs a value: " + events);
    requireUsageError({"run", s, "--events", "--quiet"}, "tsunagari-cli run: --events needs a value: " + events);
    requireUsageError({"run", s, "--events="}, "tsunagari-cli run: --events needs a value: " + events);
    for (const char* bad : {"abc", "-3", "1.5", "+4", " 7", "12x", "1000001", "99999999999999999999"})
        requireUsageError({"run", s, "--events", bad},
                          "tsunagari-cli run: --events expects " + events + ", got '" + bad + "'");
    requireUsageError({"run", s, "--events=ten"}, "tsunagari-cli run: --events expects " + events + ", got 'ten'");
    const std::string seed = "a whole number from 0 to 18446744073709551615";
    requireUsageError({"run", s, "--seed"}, "tsunagari-cli run: --seed needs a value: " + seed);
    requireUsageError({"run", s, "--seed", "-1"}, "tsunagari-cli run: --seed expects " + seed + ", got '-1'");
    requireUsageError({"run", s, "--seed", "18446744073709551616"},
                      "tsunagari-cli run: --seed expects " + seed + ", got '18446744073709551616'");
    const std::string setting = "path=value, e.g. params.busy_chance=0.5";
    requireUsageError({"run", s, "--set"}, "tsunagari-cli run: --set needs a value: " + setting);
    requireUsageError({"run", s, "--set", "seed"}, "tsunagari-cli run: --set expects " + setting + ", got 'seed'");
    requireUsageError({"run", s, "--set", "=3"}, "tsunagari-cli run: --set expects " + setting + ", got '=3'");
    requireUsageError({"run", s, "--out"}, "tsunagari-cli run: --out needs a value: a directory");
    requireUsageError({"run", s, "--quiet=yes"}, "tsunagari-cli run: --quiet takes no value, got 'yes'");

    requireUsageError({"validate"}, "tsunagari-cli validate: missing SCENARIO (a scenario .json file)");
    requireUsageError({"validate", s, "--strict"},
                      "tsunagari-cli validate: unknown option '--strict' (try 'tsunagari-cli validate --help')");
    requireUsageError({"validate", s, "other.json"},
                      "tsunagari-cli validate: unexpected argument 'other.json' (only one SCENARIO is taken)");

    const std::string sizes = "a comma-separated list of attendee counts from 1 to 1000000, e.g. 100,1000";
    requireUsageError({"bench", "--attendees"}, "tsunagari-cli bench: --attendees needs a value: " + sizes);
    for (const char* bad : {"100,x", "100,", ",100", "0", "2000000", "1e3"})
        requireUsageError({"bench", "--attendees", bad},
                          "tsunagari-cli bench: --attendees expects " + sizes + ", got '" + bad + "'");
    requireUsageError({"bench", "--events", "0"},
                      "tsunagari-cli bench: --events expects a whole number of events from 1 to 1000000, got '0'");
    requireUsageError({"bench", "fast"}, "tsunagari-cli bench: unexpected argument 'fast' (bench takes no operands)");
    requireUsageError({"bench", "--threads", "4"},
                      "tsunagari-cli bench: unknown option '--threads' (try 'tsunagari-cli bench --help')");

    requireUsageError({"calibrate", "--seeds", "1"},
                      "tsunagari-cli calibrate: --seeds expects a whole number of seeds from 2 to 1000, got '1'");
    requireUsageError({"calibrate", "extra"}, "tsunagari-cli calibrate: unexpected argument 'extra' (calibrate takes no operands)");
    requireUsageError({"calibrate", "--fast"}, "tsunagari-cli calibrate: unknown option '--fast' (try 'tsunagari-cli calibrate --help')");
    requireUsageError({"lessons", "--set", "x=1"},
                      "tsunagari-cli lessons: --set expects params.KEY=VALUE (the situations are built in code; only the model's "
                      "constants can be set), got 'x=1'");
    const std::string lessons = "a comma-separated list of lesson numbers from 1 to 10, e.g. 1,4";
    requireUsageError({"lessons", "--lessons", "11"}, "tsunagari-cli lessons: --lessons expects " + lessons + ", got '11'");
    requireUsageError({"lessons", "--lessons", "1,,2"}, "tsunagari-cli lessons: --lessons expects " + lessons + ", got '1,,2'");
    requireUsageError({"lessons", "--cells", "0"},
                      "tsunagari-cli lessons: --cells expects a whole number of cells from 1 to 10000, got '0'");
    requireUsageError({"lessons", "--jobs"},
                      "tsunagari-cli lessons: --jobs needs a value: a whole number of worker threads from 1 to 1024");
    requireUsageError({"lessons", "--markdown"}, "tsunagari-cli lessons: --markdown needs a value: a file to write the tables to");
}

TEST_CASE("cli: scenario problems are one line naming the file, exit 2") {
    const fs::path dir = freshDir();
    const std::string missing = (dir / "missing.json").string();
    const CliResult gone = cli({"run", missing, "--out", (dir / "o").string()});
    CHECK(gone.code == 2);
    CHECK(gone.err.rfind(missing + ": ", 0) == 0);
    CHECK(gone.err.find('\n') == gone.err.size() - 1);
    CHECK_FALSE(fs::exists(dir / "o"));

    const CliResult badSet = cli({"run", kDefault, "--set", "params.no_such_param=1", "--out", (dir / "o").string()});
    CHECK(badSet.code == 2);
    CHECK(badSet.err.find("no_such_param") != std::string::npos);
    CHECK(badSet.err.find('\n') == badSet.err.size() - 1);

    const CliResult badValue = cli({"run", kDefault, "--set", "params.busy_chance=\"high\"", "--out", (dir / "o").string()});
    CHECK(badValue.code == 2);
    CHECK(badValue.err.find("busy_chance") != std::string::npos);
    CHECK(badValue.err.find('\n') == badValue.err.size() - 1);
    fs::remove_all(dir);
}

TEST_CASE("cli: an output directory that is a file is an output failure, exit 1") {
    const fs::path dir = freshDir();
    writeText(dir / "taken", "not a directory");
    const CliResult r = cli({"run", kDefault, "--events", "2", "--out", (dir / "taken").string()});
    CHECK(r.code == 1);
    CHECK(r.err == "tsunagari-cli run: cannot write to '" + (dir / "taken").string() +
                       "': it exists and is not a directory\n");
    CHECK(slurp(dir / "taken") == "not a directory");
    fs::remove_all(dir);
}

TEST_CASE("cli: validate accepts every shipped scenario and rejects broken files") {
    for (const auto& entry : fs::directory_iterator(std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios")) {
        // Scenario files only, not the JSON schema that describes them.
        if (entry.path().extension() != ".json" || entry.path().stem().extension() == ".schema") continue;
        INFO(entry.path().string());
        const Scenario s = loadScenarioFile(entry.path().string());
        int attendees = 0;
        for (const auto& c : s.population) attendees += c.count;
        const CliResult r = cli({"validate", entry.path().string()});
        CHECK(r.code == 0);
        CHECK(r.out == "ok: " + s.title.en + " (" + std::to_string(attendees) + " attendees, " +
                           std::to_string(s.calendar.size()) + " calendar entries)\n");
        CHECK(r.err.empty());
    }

    const fs::path dir = freshDir();
    writeText(dir / "truncated.json", "{\"title\": ");
    writeText(dir / "wizard.json", std::string(kSmall).replace(std::string(kSmall).find("hard_seller"), 11, "wizard"));
    for (const char* name : {"truncated.json", "wizard.json"}) {
        const std::string path = (dir / name).string();
        INFO(path);
        const CliResult r = cli({"validate", path});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind(path + ": ", 0) == 0);
        CHECK(r.err.find('\n') == r.err.size() - 1);
    }
    CHECK(cli({"validate", (dir / "wizard.json").string()}).err.find("population[1].archetype") != std::string::npos);

    // The malformed corpus, where present: every file fails with exit 2, and validate's first
    // line is the error loading it reports (validate goes on to list the others, a line each).
    const fs::path malformed = fs::path(TSUNAGARI_SOURCE_DIR) / "tests" / "malformed";
    if (fs::is_directory(malformed))
        for (const auto& entry : fs::directory_iterator(malformed)) {
            INFO(entry.path().string());
            const CliResult r = cli({"validate", entry.path().string()});
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            std::string loadError;
            try {
                (void)loadScenarioFile(entry.path().string());
            } catch (const ScenarioError& e) {
                loadError = e.what();
            }
            CHECK(r.err.substr(0, r.err.find('\n')) == loadError);
        }
    fs::remove_all(dir);
}

TEST_CASE("cli: help") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"}, {"-h"}, {"help"}}) {
        const CliResult r = cli(args);
        CHECK(r.code == 0);
        CHECK(r.out.rfind("Usage: tsunagari-cli COMMAND [OPTIONS]\n", 0) == 0);
        CHECK(r.out.find("Exit status: 0 success; 1 ") != std::string::npos);
        CHECK(r.err.empty());
    }
    const CliResult run = cli({"run", "--help"});
    CHECK(run.code == 0);
    CHECK(run.out.rfind("Usage: tsunagari-cli run SCENARIO", 0) == 0);
    for (const char* flag : {"--events N", "--seed S", "--set path=value", "--out DIR", "--quiet"})
        CHECK(run.out.find(flag) != std::string::npos);
    CHECK(cli({"validate", "--help"}).out.rfind("Usage: tsunagari-cli validate FILE", 0) == 0);
    CHECK(cli({"bench", "--help"}).out.rfind("Usage: tsunagari-cli bench", 0) == 0);
    CHECK(cli({"help", "bench"}).out == cli({"bench", "--help"}).out);
    CHECK(cli({"calibrate", "--help"}).out.rfind("Usage: tsunagari-cli calibrate", 0) == 0);
    CHECK(cli({"help", "lessons"}).out == cli({"lessons", "--help"}).out);
    CHECK(cli({"lessons", "--help"}).out.rfind("Usage: tsunagari-cli lessons", 0) == 0);
}

TEST_CASE("cli: bench reports speed, memory and the goal line") {
    const CliResult r = cli({"bench", "--attendees", "50,200", "--events", "3"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("conversations/s") != std::string::npos);
    CHECK(r.out.find("peak RSS") != std::string::npos);
    CHECK(r.out.find("goal: >= 10,000,000 conversations/s at 10,000 attendees: not measured") != std::string::npos);
}

TEST_CASE("cli: --save-at and --resume give byte-identical outputs for several scenarios and stop points") {
    const fs::path base = freshDir();
    for (const char* name : {"default.json", "l2_gratitude.json", "l6_lateness.json"}) {
        const std::string scenario = std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/" + name;
        const fs::path straight = base / name / "straight";
        REQUIRE(cli({"run", scenario, "--events", "30", "--quiet", "--out", straight.string()}).code == 0);
        for (const char* stop : {"0", "9", "29"}) {
            CAPTURE(name);
            CAPTURE(stop);
            const fs::path snapshot = base / name / (std::string("at") + stop + ".snapshot");
            const fs::path resumed = base / name / (std::string("resumed") + stop);
            REQUIRE(cli({"run", scenario, "--events", "30", "--quiet", "--save-at", stop, snapshot.string(), "--out",
                         (base / name / "first").string()}).code == 0);
            REQUIRE(cli({"run", "--resume", snapshot.string(), "--events", "30", "--quiet", "--out", resumed.string()}).code == 0);
            for (const char* f : kFiles) {
                INFO(f);
                CHECK(slurp(straight / f) == slurp(resumed / f));
            }
        }
    }
    fs::remove_all(base);
}

TEST_CASE("cli: bench prints the memory floor, the ratio to it, live pairs, bytes per pair and the model beside RSS") {
    const auto r = cli({"bench", "--attendees", "50,200", "--events", "3", "--floor-mib", "8"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("memory floor: ") != std::string::npos);
    CHECK(r.out.find(" ns per random 64-byte line with many reads in flight, ") != std::string::npos);
    CHECK(r.out.find("x floor") != std::string::npos);
    CHECK(r.out.find("live pairs") != std::string::npos);
    CHECK(r.out.find("B/pair") != std::string::npos);
    CHECK(r.out.find("model/RSS") != std::string::npos);
    CHECK(r.out.find("bytes per live pair by structure") != std::string::npos);
    CHECK(cli({"bench", "--attendees", "50", "--events", "1", "--floor-mib", "0"}).out.find("memory floor") == std::string::npos);
}

TEST_CASE("cli: snapshot and memory errors are one line, exit 2") {
    const fs::path dir = freshDir();
    writeText(dir / "garbage.snapshot", "not a snapshot at all");
    const std::string garbage = (dir / "garbage.snapshot").string();
    requireUsageError({"run", "--resume", garbage}, garbage + ": not a Tsunagari snapshot");
    requireUsageError({"run", "--resume", (dir / "missing.snapshot").string()},
                      (dir / "missing.snapshot").string() + ": cannot open snapshot");
    requireUsageError({"run", "--resume", garbage, "--seed", "3"},
                      "tsunagari-cli run: --set and --seed cannot change a resumed run; the snapshot holds its setup");
    requireUsageError({"run", kDefault, "--resume", garbage},
                      "tsunagari-cli run: --resume takes the place of SCENARIO; give one or the other");
    requireUsageError({"run", kDefault, "--save-at", "5"}, "tsunagari-cli run: --save-at needs a value: EVENT FILE: a whole "
                                                           "number of events from 0 to 1000000 and a snapshot file");
    requireUsageError({"run", kDefault, "--events", "10", "--save-at", "11", (dir / "x.snapshot").string()},
                      "tsunagari-cli run: --save-at 11 is outside this run (events 0 to 10)");
    // A population far beyond this machine's memory is refused before anything is allocated.
    const CliResult huge = cli({"run", kDefault, "--set", "population[7].count=900000", "--out", (dir / "huge").string()});
    CHECK(huge.code == 2);
    CHECK(huge.err.find(kDefault + ": needs about ") != std::string::npos);
    CHECK(huge.err.find("900040 attendees") != std::string::npos);
    CHECK(huge.err.find("available\n") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("cli: validate tells stories and specs by their kind and checks them as such") {
    const fs::path scenarios = fs::path(TSUNAGARI_SOURCE_DIR) / "scenarios";
    const std::pair<fs::path, std::string> shipped[] = {
        {scenarios / "stories" / "gratitude.json", "ok: story "},
        {scenarios / "experiments" / "gratitude.json", "ok: experiment spec "},
        {scenarios / "experiments" / "tournament_chapter.json", "ok: tournament spec "},
        {scenarios / "experiments" / "evolution_chapter.json", "ok: evolution spec "},
    };
    for (const auto& [file, start] : shipped) {
        INFO(file.string());
        const CliResult r = cli({"validate", file.string()});
        CHECK(r.code == 0);
        CHECK(r.out.rfind(start, 0) == 0);
        CHECK(r.err.empty());
    }

    // A broken story names the step and the key, not the scenario keys it lacks.
    const fs::path dir = freshDir();
    nlohmann::json story = nlohmann::json::parse(slurp(scenarios / "stories" / "gratitude.json"));
    story["steps"][0]["bogus"] = 1;
    story.erase("$schema");
    writeText(dir / "story.json", story.dump());
    const CliResult broken = cli({"validate", (dir / "story.json").string()});
    CHECK(broken.code == 2);
    CHECK(broken.err.rfind((dir / "story.json").string() + ": steps[0]: unknown key \"bogus\"", 0) == 0);
    CHECK(broken.err.find("population") == std::string::npos);

    const CliResult schema = cli({"validate", (scenarios / "scenario.schema.json").string()});
    CHECK(schema.code == 2);
    CHECK(schema.err.find("this is a JSON Schema") != std::string::npos);
    fs::remove_all(dir);
}
