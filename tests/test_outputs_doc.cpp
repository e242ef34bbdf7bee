// docs/outputs.md documents every column and key the program writes: each output is produced
// here and every column (CSV header) and key path (JSON) must have an entry in its section.
// New outputs (sweep, tournament folders, …) join by adding a row to kOutputs.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = TSUNAGARI_SOURCE_DIR;
const std::string kDefault = (kSource / "scenarios" / "default.json").string();

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string shellQuote(const std::string& arg) {
    std::string q = "'";
    for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

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

enum class Format { Csv, Json };

struct DocumentedOutput {
    std::string file;                                   // the section "## `file`" of docs/outputs.md
    Format format;
    std::function<fs::path(const fs::path& work)> produce;   // makes the output; returns its folder
    bool keysInScenarioFormat = false;                  // keys defined in docs/scenario-format.md instead
};

const std::vector<DocumentedOutput> kOutputs = {
    {"events.csv", Format::Csv, plainRun},
    {"attendees.csv", Format::Csv, plainRun},
    {"edges.csv", Format::Csv, plainRun},
    {"summary.json", Format::Json, plainRun},
    {"record.json", Format::Json, plainRun},
    {"record.json", Format::Json, resumedRun},
    {"record.json", Format::Json, rerun},
    {"scenario.json", Format::Json, plainRun, true},
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
    std::istringstream header(text.substr(0, text.find('\n')));
    for (std::string column; std::getline(header, column, ',');) names.insert(column);
    return names;
}

// The text of "## `file`" up to the next "## " heading; empty when there is no such section.
std::string sectionOf(const std::string& doc, const std::string& file) {
    const std::string heading = "\n## `" + file + "`\n";
    const size_t start = doc.find(heading);
    if (start == std::string::npos) return "";
    const size_t end = doc.find("\n## ", start + heading.size());
    return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Names with no table row "| `name` |" in `section`.
std::vector<std::string> undocumented(const std::set<std::string>& names, const std::string& section) {
    std::vector<std::string> missing;
    for (const auto& name : names)
        if (section.find("| `" + name + "` |") == std::string::npos) missing.push_back(name);
    return missing;
}

}  // namespace

TEST_CASE("outputs doc: the check finds an undocumented column") {
    const std::string section = "\n## `x.csv`\n\n| column | unit | definition |\n|---|---|---|\n| `a` | count | A |\n";
    CHECK(sectionOf("# t\n" + section + "\n## `y.csv`\n| `b` |", "x.csv").find("`b`") == std::string::npos);
    CHECK(undocumented({"a", "b"}, section) == std::vector<std::string>{"b"});
    CHECK(sectionOf(section, "z.csv").empty());
}

TEST_CASE("outputs doc: every column and key written has an entry in docs/outputs.md") {
    const std::string doc = slurp(kSource / "docs" / "outputs.md");
    const std::string scenarioFormat = slurp(kSource / "docs" / "scenario-format.md");
    REQUIRE_FALSE(doc.empty());
    const fs::path work = fs::temp_directory_path() / ("tsunagari-outputs-doc-" + std::to_string(getpid()));
    fs::remove_all(work);
    fs::create_directories(work);
    for (const DocumentedOutput& output : kOutputs) {
        CAPTURE(output.file);
        const fs::path folder = output.produce(work);
        const std::set<std::string> names = namesIn(folder / output.file, output.format);
        CHECK(names.size() > 3);
        const std::string section = sectionOf(doc, output.file);
        REQUIRE_FALSE(section.empty());
        if (output.keysInScenarioFormat) {
            // The section points to the scenario format, which names every key of every level.
            CHECK(section.find("scenario-format.md") != std::string::npos);
            for (const auto& path : names) {
                std::istringstream segments(path);
                for (std::string segment; std::getline(segments, segment, '.');) {
                    if (segment.size() > 2 && segment.compare(segment.size() - 2, 2, "[]") == 0) segment.resize(segment.size() - 2);
                    // As a key of its own (`rounds`) or inside an object's shape ({"en": text}).
                    const bool named = scenarioFormat.find("`" + segment + "`") != std::string::npos ||
                                       scenarioFormat.find("\"" + segment + "\":") != std::string::npos;
                    CHECK_MESSAGE(named, path);
                }
            }
            continue;
        }
        for (const auto& name : undocumented(names, section)) CHECK_MESSAGE(false, output.file << ": `" << name << "` has no entry");
    }
    fs::remove_all(work);
}
