// The calibration table and the lesson grid as commands: progress on stderr, the table on
// stdout, Markdown written atomically on request.
#include "studies.h"

#include <atomic>
#include <csignal>

#include <nlohmann/json.hpp>

#include "calibration/calibration.h"
#include "calibration/chapter_size.h"
#include "experiments/lessons.h"
#include "progress_bar.h"
#include "scenario_io.h"

namespace tsunagari::cli {

namespace {

std::atomic<bool> g_stop{false};
extern "C" void onInterrupt(int) { g_stop = true; }

// The model's constants with calibrate's or lessons' --set applied, checked as a scenario's params are
// (same messages as run --set). Throws ScenarioError.
Params calibrationParams(const std::vector<std::string>& settings) {
    Scenario base = calibration::weeklyChapter(30, 2);
    base.title = {"calibration", "較正"};
    nlohmann::json doc = scenarioToJson(base);
    for (const auto& s : settings) applySetting(doc, s);
    return scenarioFromJson(doc, "<--set>").params;
}

// "With params.a=1, params.b=2." and a blank line, or nothing without --set.
std::string settingsHeader(const std::vector<std::string>& settings) {
    std::string out;
    for (const auto& s : settings) out += (out.empty() ? "With " : ", ") + s;
    return out.empty() ? out : out + ".\n\n";
}

}  // namespace

int runCalibrate(const CalibrateOptions& options, std::ostream& out, std::ostream& err, bool progress) {
    const Params params = calibrationParams(options.settings);
    out << settingsHeader(options.settings);
    if (options.chapterSizes) {
        out << calibration::formatChapterSizes(calibration::chapterSizeProfiles({10, 15, 20, 25, 30, 40}, options.seeds, params),
                                               options.seeds);
        return kExitOk;
    }
    calibration::Options o;
    o.seeds = options.seeds;
    o.params = params;
    CountProgress bar(err, progress, "calibration runs");
    const auto rows = calibration::measureAll(o, [&](int done, int total) { bar(size_t(done), size_t(total)); });
    bar.clear();
    out << calibration::formatText(rows);
    int within = 0;
    for (const auto& r : rows) within += r.withinFactorTwo();
    out << within << " of " << rows.size() << " rows within a factor of two of their anchor (" << options.seeds << " seeds)\n";
    if (!options.markdown.empty())
        writeFileAtomic(options.markdown, settingsHeader(options.settings) +
                                              calibration::formatMarkdown(rows));
    return kExitOk;
}

int runLessons(const LessonsOptions& options, std::ostream& out, std::ostream& err, bool progress) {
    experiments::GridOptions g;
    g.seeds = options.seeds;
    g.cells = size_t(options.cells);
    g.jobs = unsigned(options.jobs);
    g.lessonNumbers = options.lessons;
    g.params = calibrationParams(options.settings);
    g.stop = &g_stop;
    CountProgress bar(err, progress, "runs");
    g.progress = [&](size_t done, size_t total) { bar(done, total); };
    const auto previous = std::signal(SIGINT, onInterrupt);
    const auto results = experiments::runGrid(g);
    std::signal(SIGINT, previous);
    bar.clear();
    if (g_stop) {
        err << "tsunagari-cli lessons: interrupted; nothing written (rerun with --lessons to run fewer lessons at a time)\n";
        return kExitOutputFailed;
    }
    const std::string with = settingsHeader(options.settings);
    const std::string tables = with + experiments::gridMarkdown(results);
    out << tables;
    auto shortfalls = experiments::shortfalls(results, options.seeds, size_t(options.cells));
    if (!options.markdown.empty()) writeFileAtomic(options.markdown, tables);
    if (options.alsoSeeds > 0 && options.alsoSeeds < options.seeds) {
        const auto fewer = experiments::firstSeeds(results, options.alsoSeeds);
        const std::string fewerTables = with + experiments::gridMarkdown(fewer);
        out << "\n## The first " << options.alsoSeeds << " seeds alone\n" << fewerTables;
        for (const auto& line : experiments::shortfalls(fewer, options.alsoSeeds, size_t(options.cells))) shortfalls.push_back(line);
        if (!options.alsoMarkdown.empty()) writeFileAtomic(options.alsoMarkdown, fewerTables);
    }
    // docs/lessons.md promises counts for the default constants only.
    if (!options.settings.empty()) {
        if (!shortfalls.empty()) out << "(below the counts docs/lessons.md records for the default constants: not checked with --set)\n";
        return kExitOk;
    }
    for (const auto& line : shortfalls) out << "BELOW PROMISE: " << line << "\n";
    return shortfalls.empty() ? kExitOk : 3;
}

}  // namespace tsunagari::cli
