// Hostile files are generated in a temporary directory, read from disk as `validate` reads
// them, timed with the steady clock (the core never reads a clock) and deleted afterwards.
#include "bench_hostile.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "scenario_io.h"
#include "world.h"

namespace tsunagari::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHead =
    R"({"title": {"en": "hostile", "ja": "悪意"}, "description": {"en": "", "ja": ""}, "events": 3,)";
constexpr const char* kCalendar = R"("calendar": [{"name": "chapter", "kind": "chapter"}])";

// Appends `item(i)` (comma-separated) until `text` reaches `bytes`; returns how many were added.
size_t fill(std::string& text, size_t bytes, const std::function<std::string(size_t)>& item) {
    size_t n = 0;
    for (; text.size() < bytes; ++n) {
        if (n > 0) text += ',';
        text += item(n);
    }
    return n;
}

// Valid up to one unknown key whose value is arrays nested 60 deep, over and over.
std::string deepNesting(size_t bytes) {
    std::string text = std::string(kHead) + R"("population": [{"archetype": "hard_seller"}], )" + kCalendar +
                       R"(, "nesting": [)";
    const std::string deep = std::string(60, '[') + std::string(60, ']');
    fill(text, bytes, [&](size_t) { return deep; });
    return text + "]}";
}

// Cohorts joining calendar entries that do not exist, with names a kilobyte long, among 1,000 entries.
std::string longUnknownNames(size_t bytes) {
    std::string calendar = R"("calendar": [)";
    for (int i = 0; i < 1000; ++i)
        calendar.append(i ? "," : "").append(R"({"name": "series )").append(std::to_string(i)).append(R"(", "kind": "mixer"})");
    std::string text = std::string(kHead) + calendar + R"(], "population": [)";
    const std::string name(1000, 'x');
    fill(text, bytes, [&](size_t i) {
        return R"({"archetype": "hard_seller", "joins": [")" + name + std::to_string(i) + R"("]})";
    });
    return text + "]}";
}

// One object with a key per 12 bytes, the first key repeated at the very end.
std::string duplicateKeys(size_t bytes) {
    std::string text = std::string(kHead) + R"("population": [{"archetype": "hard_seller"}], )" + kCalendar +
                       R"(, "params": {)";
    fill(text, bytes, [](size_t i) { return "\"k" + std::to_string(i) + "\": 0"; });
    return text + R"(, "k0": 1}})";
}

// A valid population of one-member cohorts, each with its own label.
std::string manyCohorts(size_t bytes) {
    std::string text = std::string(kHead) + kCalendar + R"(, "population": [)";
    fill(text, bytes, [](size_t i) {
        return R"({"archetype": "gratitude_giver", "count": 1, "label": "cohort )" + std::to_string(i) + R"("})";
    });
    return text + "]}";
}

struct Case {
    const char* name;
    std::string (*generate)(size_t);
};


// Wall and CPU time: on a shared machine the CPU time shows linearity, the wall time what a user waits.
struct Stopwatch {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
    double wallSeconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(); }
    double cpuSeconds() const { return double(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

}  // namespace

int runHostileBench(std::ostream& out, std::ostream& err) {
    const fs::path dir = fs::temp_directory_path() / ("tsunagari-hostile-bench-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        err << "tsunagari-cli bench: cannot create '" << dir.string() << "': " << ec.message() << "\n";
        return 1;
    }
    const Case cases[] = {{"deep nesting", deepNesting},
                          {"long unknown names", longUnknownNames},
                          {"duplicate keys", duplicateKeys},
                          {"many cohorts", manyCohorts}};
    const size_t sizesMb[] = {1, 10, 50};
    char line[256];
    std::snprintf(line, sizeof line, "%-20s %6s %8s %8s %8s %10s  %s\n", "case", "MB", "wall s", "CPU s", "MB/CPU s",
                  "3 events s", "outcome");
    out << line;
    for (const Case& c : cases) {
        for (size_t mb : sizesMb) {
            const fs::path file = dir / "hostile.json";
            const std::string text = c.generate(mb << 20);
            std::ofstream(file, std::ios::binary) << text;
            const double megabytes = double(text.size()) / double(1 << 20);

            const Stopwatch validation;
            std::string outcome;
            std::optional<Scenario> scenario;
            try {
                const nlohmann::json doc = readJsonFile(file.string());
                const ScenarioErrors errors = scenarioErrors(doc, file.string());
                if (errors.total == 0) scenario = scenarioFromJson(doc, file.string());
                else outcome = std::to_string(errors.total) + " errors; first: " + errors.listed.front().message;
            } catch (const ScenarioError& e) {
                outcome = e.message;
            }
            const double wallSeconds = validation.wallSeconds(), cpuSeconds = validation.cpuSeconds();

            std::string runSeconds = "-";
            if (scenario) {
                int attendees = 0;
                for (const auto& cohort : scenario->population) attendees += cohort.count;
                outcome = "ok, " + std::to_string(scenario->population.size()) + " cohorts, " +
                          std::to_string(attendees) + " attendees";
                // Per-event group figures take one pass over the attendees, so every size runs.
                const Stopwatch run;
                World world(*scenario);
                world.runEvents(3);
                runSeconds = std::to_string(run.wallSeconds()).substr(0, 6);
            }
            if (outcome.size() > 70) outcome = outcome.substr(0, 67) + "...";
            std::snprintf(line, sizeof line, "%-20s %6.1f %8.3f %8.3f %8.1f %10s  %s\n", c.name, megabytes, wallSeconds,
                          cpuSeconds, megabytes / cpuSeconds, runSeconds.c_str(), outcome.c_str());
            out << line << std::flush;
        }
    }
    fs::remove_all(dir, ec);
    return 0;
}

}  // namespace tsunagari::cli
