// Run folders as records (tsunagari-cli run): scenario.json and record.json, reruns with
// --from that give byte-identical reports, calendar lengths, concurrent runs into one folder,
// --save-at failures that keep the reports, and resumes that would end before their snapshot.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include "test_files.h"

using Json = nlohmann::json;
namespace fs = std::filesystem;
using namespace test_files;

namespace {

const std::string kDefault = std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/default.json";
const char* const kReports[] = {"events.csv", "attendees.csv", "edges.csv", "summary.json", "scenario.json"};


void requireRun(const std::vector<std::string>& args) {
    const CliResult r = cli(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
}

void checkSameReports(const fs::path& a, const fs::path& b) {
    for (const char* f : kReports) {
        INFO(f);
        CHECK(slurp(a / f) == slurp(b / f));
        CHECK_FALSE(slurp(a / f).empty());
    }
}

}  // namespace

TEST_CASE("records: a run folder holds the scenario as run and how it was made") {
    const fs::path base = freshDir();
    const fs::path out = base / "run";
    requireRun({"run", kDefault, "--months", "2.5", "--set", "params.busy_chance=0.5", "--set",
                "mechanisms.forgetting=false", "--seed", "9", "--quiet", "--out", out.string()});
    const Json record = Json::parse(slurp(out / "record.json"));
    CHECK(record["program"] == "tsunagari-cli");
    CHECK(record["version"].get<std::string>().find('.') != std::string::npos);
    CHECK(record["command_line"][0] == "tsunagari-cli");
    CHECK(record["command_line"][2] == kDefault);
    CHECK(record["source"] == kDefault);
    CHECK(record["rerun_of"].is_null());
    CHECK(record["resumed_from"].is_null());
    CHECK(record["overrides"] == Json({"params.busy_chance=0.5", "mechanisms.forgetting=false", "seed=9"}));
    CHECK(record["seed"] == 9);
    CHECK(record["length_asked"] == Json({{"unit", "months"}, {"amount", 2.5}}));
    CHECK(record["events_asked"] == record["events_run"]);
    CHECK(record["events_run"].get<int>() > 10);
    CHECK(record["day"].get<int>() < 77);   // 2.5 months = 76.1 days

    const Json summary = Json::parse(slurp(out / "summary.json"));
    CHECK(summary["overrides"] == record["overrides"]);
    CHECK(summary["events_run"] == record["events_run"]);
    const Json scenario = Json::parse(slurp(out / "scenario.json"));
    CHECK(scenario["seed"] == 9);
    CHECK(scenario["params"]["busy_chance"] == 0.5);
    CHECK(scenario["mechanisms"]["forgetting"] == false);
    // The scenario as run is itself a valid scenario file.
    CHECK(cli({"validate", (out / "scenario.json").string()}).code == 0);
    fs::remove_all(base);
}

TEST_CASE("records: run --from reruns a folder byte for byte") {
    const fs::path base = freshDir();
    requireRun({"run", kDefault, "--years", "1", "--set", "params.busy_chance=0.7", "--seed", "4", "--quiet", "--out",
                (base / "first").string()});
    requireRun({"run", "--from", (base / "first").string(), "--quiet", "--out", (base / "again").string()});
    checkSameReports(base / "first", base / "again");
    const Json again = Json::parse(slurp(base / "again" / "record.json"));
    CHECK(again["rerun_of"] == (base / "first").string());
    CHECK(again["source"] == kDefault);
    CHECK(again["length_asked"]["unit"] == "years");
    // A rerun of a rerun is the same again.
    requireRun({"run", "--from", (base / "again").string(), "--quiet", "--out", (base / "third").string()});
    checkSameReports(base / "first", base / "third");
    // Rerunning into the folder itself replaces it with the same reports.
    const std::string events = slurp(base / "first" / "events.csv");
    // Without --out the rerun goes to out/<folder name>, as a scenario's goes to out/<file stem>.
    const std::string inBase = "cd " + shellQuote(base.string()) + " && " + commandLine({"run", "--from", "first/", "--quiet"});
    REQUIRE(std::system(inBase.c_str()) == 0);
    checkSameReports(base / "first", base / "out" / "first");
    requireRun({"run", "--from", (base / "first").string(), "--quiet", "--out", (base / "first").string()});
    CHECK(slurp(base / "first" / "events.csv") == events);
    fs::remove_all(base);
}

TEST_CASE("records: a resumed run's folder reruns from the folder alone") {
    const fs::path base = freshDir();
    const std::string snapshot = (base / "at20.snapshot").string();
    requireRun({"run", kDefault, "--set", "params.busy_chance=0.6", "--weeks", "20", "--save-at", "20", snapshot,
                "--quiet", "--out", (base / "straight").string()});
    requireRun({"run", "--resume", snapshot, "--weeks", "20", "--quiet", "--out", (base / "resumed").string()});
    // The snapshot holds the setup with the overrides applied, not the overrides themselves, so
    // the summaries differ in "overrides" only.
    for (const char* f : {"events.csv", "attendees.csv", "edges.csv", "scenario.json"}) {
        INFO(f);
        CHECK(slurp(base / "straight" / f) == slurp(base / "resumed" / f));
    }
    Json straightSummary = Json::parse(slurp(base / "straight" / "summary.json"));
    CHECK(straightSummary["overrides"] == Json({"params.busy_chance=0.6"}));
    straightSummary["overrides"] = Json::array();
    CHECK(straightSummary == Json::parse(slurp(base / "resumed" / "summary.json")));
    const Json record = Json::parse(slurp(base / "resumed" / "record.json"));
    CHECK(record["resumed_from"] == Json({{"snapshot", snapshot}, {"event", 20}}));
    CHECK(record["source"] == snapshot);
    fs::remove(snapshot);   // the folder alone must be enough
    requireRun({"run", "--from", (base / "resumed").string(), "--quiet", "--out", (base / "rerun").string()});
    checkSameReports(base / "resumed", base / "rerun");
    fs::remove_all(base);
}

TEST_CASE("records: length and --from usage errors are one line") {
    const fs::path dir = freshDir();
    auto usage = [&](const std::vector<std::string>& args, const std::string& line) {
        const CliResult r = cli(args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == line + "\n");
    };
    const std::string both = " both give the run's length; give one of --events, --days, --weeks, --months or --years";
    usage({"run", kDefault, "--events", "5", "--years", "1"}, "tsunagari-cli run: --events and --years" + both);
    usage({"run", kDefault, "--days", "5", "--days", "6"}, "tsunagari-cli run: --days and --days" + both);
    usage({"run", kDefault, "--years", "0"},
          "tsunagari-cli run: --years expects a number of years above 0 and at most 10000, e.g. 1.5, got '0'");
    usage({"run", kDefault, "--months=-2"},
          "tsunagari-cli run: --months expects a number of months above 0 and at most 100000, e.g. 1.5, got '-2'");
    usage({"run", kDefault, "--days", "1.5"},
          "tsunagari-cli run: --days expects a whole number of days from 1 to 10000000, got '1.5'");
    usage({"run", kDefault, "--weeks"},
          "tsunagari-cli run: --weeks needs a value: a number of weeks above 0 and at most 1000000, e.g. 1.5");
    usage({"run", "--from", dir.string(), "--set", "seed=2"},
          "tsunagari-cli run: --from reruns the recorded run as it was; --set, --seed, --events, --days, --weeks, "
          "--months and --years cannot change it");
    usage({"run", kDefault, "--from", dir.string()}, "tsunagari-cli run: --from takes the place of SCENARIO and --resume; give one");
    // A folder without a record names the file.
    const CliResult missing = cli({"run", "--from", dir.string()});
    CHECK(missing.code == 2);
    CHECK(missing.err.rfind((dir / "record.json").string() + ": cannot open", 0) == 0);
    std::ofstream(dir / "record.json") << R"({"source": "x", "overrides": [1]})";
    const CliResult bad = cli({"run", "--from", dir.string()});
    CHECK(bad.code == 2);
    CHECK(bad.err == (dir / "record.json").string() + ": overrides: expected an array of path=value strings, found [1]\n");
    fs::remove_all(dir);
}

TEST_CASE("records: two runs into one folder at once leave it wholly one run's") {
    const fs::path base = freshDir();
    const std::string small = (base / "small.json").string();
    std::ofstream(small) << R"({"title": {"en": "Small", "ja": "小"}, "description": {"en": "d", "ja": "d"},
      "seed": 5, "events": 12, "population": [{"archetype": "average", "count": 30}],
      "calendar": [{"name": "weekly", "kind": "chapter", "first_day": 0, "every_days": 7}]})";
    for (const char* seed : {"1", "2"})
        requireRun({"run", small, "--seed", seed, "--quiet", "--out", (base / (std::string("alone") + seed)).string()});
    const fs::path shared = base / "shared";
    int fromOne = 0, fromTwo = 0;
    for (int attempt = 0; attempt < 25; ++attempt) {
        const std::string both = commandLine({"run", small, "--seed", "1", "--quiet", "--out", shared.string()}) + " & " +
                                 commandLine({"run", small, "--seed", "2", "--quiet", "--out", shared.string()}) +
                                 " & wait";
        REQUIRE(std::system(both.c_str()) == 0);
        const bool one = slurp(shared / "events.csv") == slurp(base / "alone1" / "events.csv");
        const fs::path expected = base / (one ? "alone1" : "alone2");
        ++(one ? fromOne : fromTwo);
        for (const char* f : {"events.csv", "attendees.csv", "edges.csv", "summary.json", "scenario.json"}) {
            INFO(f);
            REQUIRE(slurp(shared / f) == slurp(expected / f));
        }
        REQUIRE_FALSE(fs::exists(base / ".shared.new"));
        REQUIRE_FALSE(fs::exists(base / ".shared.old"));
    }
    CHECK(fromOne + fromTwo == 25);
    fs::remove_all(base);
}

TEST_CASE("records: a folder holding other files is refused before the run") {
    const fs::path base = freshDir();
    std::ofstream(base / "thesis.tex") << "keep";
    const CliResult r = cli({"run", kDefault, "--events", "2", "--out", base.string()});
    CHECK(r.code == 1);
    CHECK(r.err == "tsunagari-cli run: cannot write to '" + base.string() +
                       "': it holds 'thesis.tex', which is not a report of a run; the folder is replaced as a whole, "
                       "so choose another --out or move that file\n");
    CHECK(slurp(base / "thesis.tex") == "keep");
    fs::remove_all(base);
}

TEST_CASE("records: a snapshot that cannot be written keeps the finished run's reports") {
    const fs::path base = freshDir();
    std::ofstream(base / "plain") << "a file, not a folder";
    fs::create_directories(base / "a-directory");
    // Under a file (fails as a full disk would, for any user), onto a folder, and in a place no
    // one may create files (sysfs refuses even root, whom permission bits do not stop).
    for (const fs::path& unwritable : {base / "plain" / "x.snapshot", base / "a-directory", fs::path("/sys/x.snapshot")}) {
        CAPTURE(unwritable.string());
        const fs::path out = base / "reports";
        fs::remove_all(out);
        const CliResult r = cli({"run", kDefault, "--events", "8", "--save-at", "4", unwritable.string(), "--quiet",
                              "--out", out.string()});
        CHECK(r.code == 1);
        CHECK(r.err.rfind("tsunagari-cli run: the reports were written, but the snapshot was not: cannot write " +
                              unwritable.string() + ": ", 0) == 0);
        CHECK(r.err.find('\n') == r.err.size() - 1);
        CHECK(slurp(out / "summary.json").find("\"events_run\": 8") != std::string::npos);
        CHECK(fs::exists(out / "record.json"));
    }
    CHECK(fs::is_directory(base / "a-directory"));
    fs::remove_all(base);
}

TEST_CASE("records: a snapshot inside the output folder is refused up front") {
    const fs::path base = freshDir();
    const fs::path out = base / "run";
    requireRun({"run", kDefault, "--events", "3", "--quiet", "--out", out.string()});
    const std::string before = slurp(out / "events.csv");
    for (const fs::path& inside : {out / "events.csv", out / "snap.bin", base / ".run.new"}) {
        const CliResult r = cli({"run", kDefault, "--events", "6", "--save-at", "2", inside.string(), "--out", out.string()});
        CHECK(r.code == 2);
        CHECK(r.err == "tsunagari-cli run: --save-at 2 " + inside.string() + ": the snapshot would be inside '" +
                           out.string() + "', which is replaced as a whole by the reports; save it elsewhere\n");
    }
    CHECK(slurp(out / "events.csv") == before);
    fs::remove_all(base);
}

TEST_CASE("records: a resume that would end before its snapshot is refused") {
    const fs::path base = freshDir();
    const std::string snapshot = (base / "at10.snapshot").string();
    requireRun({"run", kDefault, "--events", "12", "--save-at", "10", snapshot, "--quiet", "--out", (base / "a").string()});
    auto refused = [&](const std::vector<std::string>& length, const std::string& asked, int events) {
        std::vector<std::string> args = {"run", "--resume", snapshot, "--out", (base / "b").string()};
        args.insert(args.end(), length.begin(), length.end());
        const CliResult r = cli(args);
        CHECK(r.code == 2);
        CHECK(r.err == "tsunagari-cli run: " + asked + " asks for " + std::to_string(events) + " events, but " +
                           snapshot + " is at event 10; a resumed run cannot end before its snapshot\n");
        CHECK_FALSE(fs::exists(base / "b"));
    };
    refused({"--events", "4"}, "--events 4", 4);
    refused({"--weeks", "1"}, "--weeks 1", 3);   // the default scenario's days 0, 3 and 5
    requireRun({"run", "--resume", snapshot, "--events", "10", "--quiet", "--out", (base / "c").string()});
    CHECK(slurp(base / "c" / "summary.json").find("\"events_run\": 10") != std::string::npos);
    fs::remove_all(base);
}
