// docs/outputs.md documents every column and key the program writes: each output is produced
// here and every column (CSV header) and key path (JSON) must have an entry in its section.
// Files of different folder kinds share names (events.csv, results.csv, record.json), so a
// section is "### `file`" inside the folder kind's "## " part. New outputs join by adding a
// row to kOutputs.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include "test_files.h"

namespace fs = std::filesystem;
using namespace test_files;

namespace {

const fs::path kSource = TSUNAGARI_SOURCE_DIR;
const std::string kDefault = (kSource / "scenarios" / "default.json").string();


// Runs tsunagari-cli quietly; the test fails if it does not succeed.
void cli(const std::vector<std::string>& args) {
    std::string command = shellQuote(TSUNAGARI_CLI);
    for (const auto& a : args) command += ' ' + shellQuote(a);
    command += " >/dev/null";
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
}

// A run of the default scenario with overrides and a calendar length, into work/plain.
fs::path plainRun(const fs::path& work) {
    const fs::path out = work / "plain";
    if (!fs::exists(out / "record.json"))
        cli({"run", kDefault, "--months", "3", "--set", "params.busy_chance=0.5", "--seed", "3", "--out", out.string()});
    return out;
}

// A run resumed from a snapshot (its record has resumed_from.*), into work/resumed.
fs::path resumedRun(const fs::path& work) {
    const fs::path snapshot = work / "at5.snapshot";
    cli({"run", kDefault, "--events", "10", "--save-at", "5", snapshot.string(), "--out", (work / "first").string()});
    cli({"run", "--resume", snapshot.string(), "--events", "10", "--out", (work / "resumed").string()});
    return work / "resumed";
}

// A rerun of the plain run's folder (its record has rerun_of).
fs::path rerun(const fs::path& work) {
    cli({"run", "--from", plainRun(work).string(), "--out", (work / "rerun").string()});
    return work / "rerun";
}

// The tiny specs below keep every folder to a fraction of a second.

// A sweep of the default scenario: two settings (a vary), a set, per-event figures.
fs::path writeSweepSpec(const fs::path& work) {
    const fs::path spec = work / "sweep.json";
    if (!fs::exists(spec))
        std::ofstream(spec) << nlohmann::json{{"scenario", kDefault},
                                              {"replicates", 2},
                                              {"seed", 5},
                                              {"length", {{"events", 3}}},
                                              {"set", {{"params.busy_chance", 0.5}}},
                                              {"vary", {{"matchmaking", {"random", "rotation"}}}},
                                              {"per_event", true}}
                                   .dump();
    return spec;
}

fs::path sweepFolder(const fs::path& work) {
    const fs::path out = work / "sweep";
    if (!fs::exists(out / "record.json")) cli({"sweep", writeSweepSpec(work).string(), "--quiet", "--out", out.string()});
    return out;
}

// compare's folder: a plain baseline (settings.csv's empty path and value) against one --set.
fs::path compareFolder(const fs::path& work) {
    const fs::path out = work / "compare";
    if (!fs::exists(out / "record.json"))
        cli({"compare", kDefault, "--replicates", "2", "--events", "2", "--vs", "--set", "params.busy_chance=0.5", "--quiet",
             "--out", out.string()});
    return out;
}

// The sweep in two shards: the first shard's folder (experiment.json, shard.jsonl).
fs::path shardFolder(const fs::path& work) {
    for (const char* shard : {"1", "2"}) {
        const fs::path out = work / (std::string("shard") + shard);
        if (!fs::exists(out / "shard.jsonl"))
            cli({"sweep", writeSweepSpec(work).string(), "--shard", std::string(shard) + "/2", "--quiet", "--out", out.string()});
    }
    return work / "shard1";
}

// merge's folder, from the two shards.
fs::path mergedFolder(const fs::path& work) {
    const fs::path out = work / "merged";
    shardFolder(work);
    if (!fs::exists(out / "record.json")) cli({"merge", out.string(), (work / "shard1").string(), (work / "shard2").string()});
    return out;
}

// A tournament spec of two strategies in a small weekly chapter; `evolution` adds the season keys.
nlohmann::json tournamentSpec(bool evolution) {
    nlohmann::json doc = nlohmann::json::parse(R"({
      "title": {"en": "Small", "ja": "小"},
      "scenario": {"calendar": [{"name": "weekly chapter", "kind": "chapter", "every_days": 7, "rounds": 2,
                                 "group_size": 4, "hours": 1.5, "attendance": 1}]},
      "strategies": ["hard_seller", {"label": "thankful", "archetype": "gratitude_giver"}],
      "members_per_strategy": 4, "replicates": 2, "seed": 3
    })");
    if (!evolution) {
        doc["length"] = {{"weeks", 4}};
    } else {
        doc["seasons"] = 2;
        doc["season_length"] = {{"weeks", 2}};
        doc["dynamics"] = "moran";
        doc["turnover"] = 1;
        doc["fitness"] = "referrals_received";
    }
    return doc;
}

fs::path tournamentFolder(const fs::path& work) {
    const fs::path spec = work / "tournament.json", out = work / "tournament";
    if (!fs::exists(out / "record.json")) {
        std::ofstream(spec) << tournamentSpec(false).dump();
        cli({"tournament", spec.string(), "--quiet", "--out", out.string()});
    }
    return out;
}

fs::path evolutionFolder(const fs::path& work) {
    const fs::path spec = work / "evolution.json", out = work / "evolution";
    if (!fs::exists(out / "record.json")) {
        std::ofstream(spec) << tournamentSpec(true).dump();
        cli({"evolve", spec.string(), "--quiet", "--out", out.string()});
    }
    return out;
}

// A season played from the newcomer's seat, written by play --out into work/play/season.json.
fs::path playedSeason(const fs::path& work) {
    const fs::path out = work / "play";
    fs::create_directories(out);
    cli({"play", (kSource / "scenarios" / "newcomer.json").string(), "--always", "book,both", "--out",
         (out / "season.json").string()});
    return out;
}

// The "## " headings of docs/outputs.md that hold each folder kind's sections.
const std::string kRunPart = "The run folder (`run`)";
const std::string kSweepPart = "The sweep folder (`sweep`, `compare`, `merge`)";
const std::string kShardPart = "The shard folder (`sweep --shard`)";
const std::string kTournamentPart = "The tournament folder (`tournament`)";
const std::string kEvolutionPart = "The evolution folder (`evolve`)";
const std::string kPlayPart = "The played season (`play --out`)";

enum class Format { Csv, Json, JsonLines };

struct DocumentedOutput {
    std::string part;                                   // the "## part" of docs/outputs.md holding the file's section
    std::string file;                                   // the section "### `file`" in that part
    Format format;
    std::function<fs::path(const fs::path& work)> produce;   // makes the output; returns its folder
    // Keys (as key paths; "" = the whole document) whose keys below are a scenario's, defined
    // in docs/scenario-format.md: each such key must be named there, the key itself here.
    std::vector<std::string> scenarioKeys = {};
    // Keys whose keys below are data (--set paths, a length's unit): only the key itself needs an entry.
    std::vector<std::string> dataKeys = {};
};

const std::vector<DocumentedOutput> kOutputs = {
    {kRunPart, "events.csv", Format::Csv, plainRun},
    {kRunPart, "attendees.csv", Format::Csv, plainRun},
    {kRunPart, "edges.csv", Format::Csv, plainRun},
    {kRunPart, "summary.json", Format::Json, plainRun},
    {kRunPart, "record.json", Format::Json, plainRun},
    {kRunPart, "record.json", Format::Json, resumedRun},
    {kRunPart, "record.json", Format::Json, rerun},
    {kRunPart, "scenario.json", Format::Json, plainRun, {""}},
    {kSweepPart, "settings.csv", Format::Csv, sweepFolder},
    {kSweepPart, "settings.csv", Format::Csv, compareFolder},
    {kSweepPart, "results.csv", Format::Csv, sweepFolder},
    {kSweepPart, "summary.csv", Format::Csv, sweepFolder},
    {kSweepPart, "comparison.csv", Format::Csv, sweepFolder},
    {kSweepPart, "comparison.csv", Format::Csv, compareFolder},
    {kSweepPart, "events.csv", Format::Csv, sweepFolder},
    {kSweepPart, "events_summary.csv", Format::Csv, sweepFolder},
    {kSweepPart, "experiment.json", Format::Json, sweepFolder, {"scenario"}, {"set", "vary", "length"}},
    {kSweepPart, "experiment.json", Format::Json, compareFolder, {"scenario"}, {"set", "settings", "length"}},
    {kSweepPart, "record.json", Format::Json, sweepFolder},
    {kSweepPart, "record.json", Format::Json, mergedFolder},
    {kSweepPart, "results.csv", Format::Csv, mergedFolder},
    {kShardPart, "shard.jsonl", Format::JsonLines, shardFolder},
    {kTournamentPart, "results.csv", Format::Csv, tournamentFolder},
    {kTournamentPart, "ranking.csv", Format::Csv, tournamentFolder},
    {kTournamentPart, "tournament.json", Format::Json, tournamentFolder, {"scenario", "strategies[].traits"}, {"length"}},
    {kTournamentPart, "record.json", Format::Json, tournamentFolder},
    {kEvolutionPart, "seasons.csv", Format::Csv, evolutionFolder},
    {kEvolutionPart, "seasons_summary.csv", Format::Csv, evolutionFolder},
    {kEvolutionPart, "tournament.json", Format::Json, evolutionFolder, {"scenario", "strategies[].traits"}, {"season_length"}},
    {kEvolutionPart, "record.json", Format::Json, evolutionFolder},
    {kPlayPart, "season.json", Format::Json, playedSeason},
};

// Key paths of a JSON document: "a.b" for objects, "a[].b" for arrays of objects; a value that
// is neither an object nor an array of objects (or is null) ends a path.
void keyPaths(const nlohmann::json& value, const std::string& path, std::set<std::string>& out) {
    if (value.is_object() && !value.empty()) {
        for (const auto& [key, child] : value.items()) keyPaths(child, path.empty() ? key : path + "." + key, out);
    } else if (value.is_array() && !value.empty() && value.front().is_object()) {
        for (const auto& item : value) keyPaths(item, path + "[]", out);
    } else {
        out.insert(path);
    }
}

std::set<std::string> namesIn(const fs::path& file, Format format) {
    const std::string text = slurp(file);
    std::set<std::string> names;
    if (format == Format::Json) {
        keyPaths(nlohmann::json::parse(text), "", names);
        return names;
    }
    std::istringstream lines(text);
    if (format == Format::JsonLines) {   // the key paths of every line together
        for (std::string line; std::getline(lines, line);)
            if (!line.empty()) keyPaths(nlohmann::json::parse(line), "", names);
        return names;
    }
    std::string headerLine;
    std::getline(lines, headerLine);
    std::istringstream header(headerLine);
    for (std::string column; std::getline(header, column, ',');) names.insert(column);
    return names;
}

// The text of the "### `file`" section inside the "## part" of the doc, up to the next "### " or
// "## " heading; empty when there is no such part or section.
std::string sectionOf(const std::string& doc, const std::string& part, const std::string& file) {
    const std::string partHeading = "\n## " + part + "\n";
    const size_t partStart = doc.find(partHeading);
    if (partStart == std::string::npos) return "";
    const size_t partEnd = doc.find("\n## ", partStart + partHeading.size());
    const std::string partText = doc.substr(partStart, partEnd == std::string::npos ? std::string::npos : partEnd - partStart);
    const std::string heading = "\n### `" + file + "`\n";
    const size_t start = partText.find(heading);
    if (start == std::string::npos) return "";
    const size_t end = std::min(partText.find("\n### ", start + heading.size()), partText.find("\n## ", start + heading.size()));
    return partText.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Names with no table row "| `name` |" in `section`.
std::vector<std::string> undocumented(const std::set<std::string>& names, const std::string& section) {
    std::vector<std::string> missing;
    for (const auto& name : names)
        if (section.find("| `" + name + "` |") == std::string::npos) missing.push_back(name);
    return missing;
}

// `key` itself or a key path below it ("key.x", "key[].x", "key[]").
bool under(const std::string& path, const std::string& key) {
    if (key.empty()) return true;
    if (path.compare(0, key.size(), key) != 0) return false;
    return path.size() == key.size() || path[key.size()] == '.' || path[key.size()] == '[';
}

// The names in `path` below `key` that docs/scenario-format.md does not name.
std::vector<std::string> unnamedScenarioKeys(const std::string& path, const std::string& key, const std::string& scenarioFormat) {
    std::vector<std::string> unnamed;
    std::istringstream segments(path.substr(key.size()));
    for (std::string segment; std::getline(segments, segment, '.');) {
        if (segment.size() >= 2 && segment.compare(segment.size() - 2, 2, "[]") == 0) segment.resize(segment.size() - 2);
        if (segment.empty()) continue;
        // As a key of its own (`rounds`) or inside an object's shape ({"en": text}).
        const bool named = scenarioFormat.find("`" + segment + "`") != std::string::npos ||
                           scenarioFormat.find("\"" + segment + "\":") != std::string::npos;
        if (!named) unnamed.push_back(segment);
    }
    return unnamed;
}

}  // namespace

TEST_CASE("outputs doc: the check finds an undocumented column") {
    const std::string section = "\n### `x.csv`\n\n| column | unit | definition |\n|---|---|---|\n| `a` | count | A |\n";
    const std::string doc = "# t\n\n## P\n" + section + "\n### `y.csv`\n| `b` |\n\n## Q\n\n### `x.csv`\n| `c` |\n";
    CHECK(sectionOf(doc, "P", "x.csv").find("`a`") != std::string::npos);
    CHECK(sectionOf(doc, "P", "x.csv").find("`b`") == std::string::npos);
    CHECK(sectionOf(doc, "Q", "x.csv").find("`c`") != std::string::npos);   // the same file in another part
    CHECK(sectionOf(doc, "Q", "x.csv").find("`a`") == std::string::npos);
    CHECK(sectionOf(doc, "Q", "y.csv").empty());
    CHECK(sectionOf(doc, "R", "x.csv").empty());
    CHECK(undocumented({"a", "b"}, section) == std::vector<std::string>{"b"});
    CHECK(under("set.params.busy_chance", "set"));
    CHECK(under("settings[].x", "settings"));
    CHECK_FALSE(under("settings", "set"));
}

TEST_CASE("outputs doc: every column and key written has an entry in docs/outputs.md") {
    const std::string doc = slurp(kSource / "docs" / "outputs.md");
    const std::string scenarioFormat = slurp(kSource / "docs" / "scenario-format.md");
    REQUIRE_FALSE(doc.empty());
    const fs::path work = fs::temp_directory_path() / ("tsunagari-outputs-doc-" + std::to_string(getpid()));
    fs::remove_all(work);
    fs::create_directories(work);
    for (const DocumentedOutput& output : kOutputs) {
        CAPTURE(output.part);
        CAPTURE(output.file);
        const fs::path folder = output.produce(work);
        const std::set<std::string> names = namesIn(folder / output.file, output.format);
        CHECK(names.size() > 3);
        const std::string section = sectionOf(doc, output.part, output.file);
        REQUIRE_FALSE(section.empty());
        std::set<std::string> entries;   // the names that need a row in the section
        for (const auto& path : names) {
            std::string entry = path;
            for (const auto& key : output.scenarioKeys)
                if (under(path, key)) {
                    for (const auto& segment : unnamedScenarioKeys(path, key, scenarioFormat))
                        CHECK_MESSAGE(false, output.file << ": `" << path << "`: `" << segment << "` is not in docs/scenario-format.md");
                    entry = key;
                }
            for (const auto& key : output.dataKeys)
                if (under(path, key)) entry = key;
            if (!entry.empty()) entries.insert(entry);
        }
        // The whole document is a scenario: the section points to the format, which names every key.
        if (std::find(output.scenarioKeys.begin(), output.scenarioKeys.end(), "") != output.scenarioKeys.end())
            CHECK(section.find("scenario-format.md") != std::string::npos);
        for (const auto& name : undocumented(entries, section))
            CHECK_MESSAGE(false, output.part << ", " << output.file << ": `" << name << "` has no entry");
    }
    fs::remove_all(work);
}
