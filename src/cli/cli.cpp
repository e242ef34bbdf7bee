// tsunagari-cli commands: run, and dispatch to the others; errors become one line and an exit code.
#include "cli.h"

#include <chrono>
#include <filesystem>
#include <new>
#include <system_error>

#include <nlohmann/json.hpp>

#include "args.h"
#include "bench.h"
#include "bench_hostile.h"
#include "story_command.h"
#include "play_command.h"
#include "chart_command.h"
#include "studies.h"
#include "length_flags.h"
#include "tournament_command.h"
#include "validate_command.h"
#include "sweep_command.h"
#include "memory_limits.h"
#include "out_of_memory.h"
#include "report.h"
#include "run_folder.h"
#include "run_record.h"
#include "scenario_io.h"
#include "scenario_settings.h"
#include "snapshot.h"
#include "text_encoding.h"
#include "world.h"

namespace tsunagari::cli {

namespace {

namespace fs = std::filesystem;

// Redraws a one-line bar on a terminal: events done/total, day and estimated time left.
class ProgressBar {
public:
    ProgressBar(std::ostream& err, bool enabled, int total) : m_err(err), m_enabled(enabled && total > 0), m_total(total) {}

    void update(int done, int day) {
        if (!m_enabled) return;
        const auto now = std::chrono::steady_clock::now();
        // Ten redraws a second are plenty and keep the terminal cheap.
        if (done < m_total && now - m_lastDraw < std::chrono::milliseconds(100)) return;
        m_lastDraw = now;
        const double elapsed = std::chrono::duration<double>(now - m_start).count();
        const int eta = done > 0 ? int(elapsed / done * (m_total - done) + 0.5) : 0;
        constexpr int kWidth = 30;
        const int filled = int(int64_t(kWidth) * done / m_total);
        m_err << "\r[" << std::string(size_t(filled), '#') << std::string(size_t(kWidth - filled), '-') << "] " << done
              << "/" << m_total << " events  day " << day << "  ETA " << eta / 60 << ":" << (eta % 60 < 10 ? "0" : "")
              << eta % 60 << "  " << std::flush;
    }

    void clear() {
        if (m_enabled) m_err << "\r" << std::string(80, ' ') << "\r" << std::flush;
    }

private:
    std::ostream& m_err;
    bool m_enabled;
    int m_total;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_lastDraw{};
};

// Loads, applies --set and --seed, and validates (ScenarioError on any problem); warnings go to `err`.
Scenario prepareScenario(const RunOptions& o, std::ostream& err) {
    const nlohmann::json doc = readJsonFile(o.scenario);
    for (const auto& warning : scenarioWarnings(doc, o.scenario)) err << warning << "\n";
    return scenarioWithSettings(doc, o.settings, o.seed, o.scenario);
}

// Every file a run folder holds; a folder holding anything else is not replaced.
// What a run folder may hold: its reports, and the charts of `run --charts` or `chart`.
const std::vector<std::string> kRunFolderFiles = {"events.csv", "attendees.csv", "edges.csv",   "summary.json",
                                                   "scenario.json", "record.json", "charts/"};

// The length flag given, or the scenario's own "events".
RunLength lengthAsked(const RunOptions& o, const Scenario& scenario) {
    if (o.length) return *o.length;
    return {LengthUnit::Events, double(o.events.value_or(scenario.events))};
}

// The last name of a path, also for "out/run/" (whose stem is empty).
std::string folderStem(const std::string& path) {
    fs::path p = fs::path(path).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    return p.stem().string();
}

int runCommand(const RunOptions& o, const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               bool progress) {
    const std::string source = !o.from.empty() ? o.from : o.resume.empty() ? o.scenario : o.resume;
    RunRecord record;
    record.commandLine.push_back("tsunagari-cli");
    record.commandLine.insert(record.commandLine.end(), args.begin(), args.end());
    record.source = source;
    std::optional<Scenario> fresh;
    if (!o.from.empty()) {
        // The folder alone: its scenario as run (overrides applied) and the length it asked.
        const RunRecord recorded = readRunRecord((fs::path(o.from) / "record.json").string());
        fresh = loadScenarioFile((fs::path(o.from) / "scenario.json").string());
        record.source = recorded.source;
        record.rerunOf = o.from;
        record.overrides = recorded.overrides;
        record.lengthAsked = recorded.lengthAsked;
        record.eventsAsked = recorded.eventsAsked;
    } else if (o.resume.empty()) {
        fresh = prepareScenario(o, err);
        // In the order applied: every --set, then --seed; replayed on the source, they give scenario.json.
        record.overrides = o.settings;
        if (o.seed) record.overrides.push_back("seed=" + std::to_string(*o.seed));
        record.lengthAsked = lengthAsked(o, *fresh);
        record.eventsAsked = eventsIn(*fresh, record.lengthAsked);
    }
    if (fresh) {
        // Refuse a run the machine cannot hold before allocating any of it.
        const auto budget = memoryBudget();
        const auto shortfall = budget ? memoryShortfall(*fresh, record.eventsAsked, *budget) : std::nullopt;
        if (shortfall) {
            err << "tsunagari-cli run: " << source << ": " << *shortfall << "\n";
            return kExitBadInput;
        }
    }

    // Fail before simulating if the results could not be written anyway.
    const fs::path dir = o.outDir.empty() ? fs::path("out") / folderStem(source) : fs::path(o.outDir);
    try {
        checkReplaceableFolder(dir, kRunFolderFiles);
    } catch (const std::runtime_error& e) {
        err << "tsunagari-cli run: " << e.what() << "\n";
        return kExitOutputFailed;
    }
    if (o.saveAt && replacingFolderTouches(dir, o.saveFile)) {
        err << "tsunagari-cli run: --save-at " << *o.saveAt << " " << o.saveFile << ": the snapshot would be inside '"
            << dir.string() << "', which is replaced as a whole by the reports; save it elsewhere\n";
        return kExitBadInput;
    }

    // A snapshot carries its own setup, random state and history.
    World world = fresh ? World(*fresh) : readSnapshotFile(o.resume);
    const Scenario& scenario = world.scenario();
    if (!o.resume.empty()) {
        record.resumedFrom = o.resume;
        record.resumedAtEvent = world.eventsDone();
        record.lengthAsked = lengthAsked(o, scenario);
        record.eventsAsked = eventsIn(scenario, record.lengthAsked);
        if (record.eventsAsked < world.eventsDone()) {
            const std::string asked = o.events || o.length ? lengthFlag(record.lengthAsked.unit) + " " +
                                                                  formatNumber(record.lengthAsked.amount)
                                                            : "the scenario's \"events\"";
            err << "tsunagari-cli run: " << asked << " asks for " << record.eventsAsked << " events, but " << o.resume
                << " is at event "
                << world.eventsDone() << "; a resumed run cannot end before its snapshot\n";
            return kExitBadInput;
        }
    }
    record.seed = scenario.seed;
    const int events = record.eventsAsked;
    if (o.saveAt && (*o.saveAt > events || *o.saveAt < world.eventsDone())) {
        err << "tsunagari-cli run: --save-at " << *o.saveAt << " is outside this run (events " << world.eventsDone()
            << " to " << events << ")\n";
        return kExitBadInput;
    }
    // A snapshot that cannot be written does not cost the finished run: the reports still come.
    std::string snapshotFailure;
    auto saveIfDue = [&]() {
        if (!o.saveAt || world.eventsDone() != *o.saveAt || world.event().inProgress || !snapshotFailure.empty()) return;
        try {
            writeSnapshotFile(world, o.saveFile);
        } catch (const std::runtime_error& e) {
            snapshotFailure = e.what();
        }
    };
    ProgressBar bar(err, progress && !o.quiet, events);
    bar.update(world.eventsDone(), world.day());
    saveIfDue();
    while (world.eventsDone() < events && world.stepEvent()) {
        bar.update(world.eventsDone(), world.day());
        saveIfDue();
    }
    bar.clear();
    record.eventsRun = world.eventsDone();
    record.day = world.day();

    try {
        replaceFolder(dir, {{"events.csv", eventsCsv(world)},
                            {"attendees.csv", attendeesCsv(world)},
                            {"edges.csv", edgesCsv(world)},
                            {"summary.json", summaryJson(world, record.overrides)},
                            {"scenario.json", scenarioToJson(scenario).dump(2) + "\n"},
                            {"record.json", recordJson(record)}},
                      kRunFolderFiles);
    } catch (const std::runtime_error& e) {
        err << "tsunagari-cli run: " << e.what() << "\n";
        return kExitOutputFailed;
    }

    if (!o.quiet) {
        out << printableText(scenario.title.en) << ": ";
        if (world.eventsDone() == 0) out << "no events run";
        else out << world.eventsDone() << " events to day " << world.day();
        out << ", seed " << scenario.seed << "\n";
        if (world.eventsDone() < events)
            out << "(the calendar ended after " << world.eventsDone() << " of " << events << " events)\n";
        out << "\n" << archetypeTable(world) << "\nmeans per member; wrote " << (dir / "").string()
            << "{events.csv, attendees.csv, edges.csv, summary.json, scenario.json, record.json}\n";
    }
    // Charts are drawn into the folder once its reports are in place (each picture atomically).
    if (o.charts) {
        if (const int code = drawChartsAfterRun(dir.string(), err); code != kExitOk) return code;
        if (!o.quiet) out << "charts in " << (dir / "charts" / "").string() << "\n";
    }
    if (!snapshotFailure.empty()) {
        err << "tsunagari-cli run: the reports were written, but the snapshot was not: " << snapshotFailure << "\n";
        return kExitOutputFailed;
    }
    return kExitOk;
}


}  // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool progress) {
    Command command;
    try {
        command = parseArgs(args);
        switch (command.kind) {
            case CommandKind::Help: out << helpText(command.helpTopic); return kExitOk;
            case CommandKind::Run: return runCommand(command.run, args, out, err, progress);
            case CommandKind::Validate: return validateCommand(command.validate, out, err);
            case CommandKind::Bench: return command.bench.hostile ? runHostileBench(out, err) : runBench(command.bench, out);
            case CommandKind::Calibrate: return runCalibrate(command.calibrate, out, err, progress);
            case CommandKind::Lessons: return runLessons(command.lessons, out, err, progress);
            case CommandKind::Story: return runStory(command.story, out, err);
            case CommandKind::Play: return runPlay(command.play, out, err);
            case CommandKind::Chart: return runChart(command.chart, out, err);
            case CommandKind::Tournament: return runTournamentCommand(command.tournament, args, out, err, progress);
            case CommandKind::Evolve: return runEvolveCommand(command.tournament, args, out, err, progress);
            case CommandKind::Sweep: return runSweep(command.sweep, args, out, err, progress);
            case CommandKind::Compare: return runCompare(command.compare, args, out, err, progress);
            case CommandKind::Merge: return runMerge(command.merge, args, out);
        }
    } catch (const std::bad_alloc&) {
        err << outOfMemoryLine(command) << "\n";
        return kExitOutputFailed;
    } catch (const UsageError& e) {
        err << e.what() << "\n";
        return kExitBadInput;
    } catch (const ScenarioError& e) {
        err << e.what() << "\n";
        return kExitBadInput;
    } catch (const SnapshotError& e) {
        err << e.what() << "\n";
        return kExitBadInput;
    } catch (const std::exception& e) {
        // Anything else still gets one line.
        err << "tsunagari-cli: " << e.what() << "\n";
        return kExitOutputFailed;
    }
    return kExitOk;
}

}  // namespace tsunagari::cli
