// tsunagari-cli commands: run, validate, and dispatch to bench; errors become one line and an exit code.
#include "cli.h"

#include <chrono>
#include <filesystem>
#include <system_error>

#include <nlohmann/json.hpp>

#include "args.h"
#include "bench.h"
#include "bench_hostile.h"
#include "studies.h"
#include "memory_limits.h"
#include "report.h"
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

int runCommand(const RunOptions& o, std::ostream& out, std::ostream& err, bool progress) {
    const std::string source = o.resume.empty() ? o.scenario : o.resume;
    std::optional<Scenario> fresh;
    if (o.resume.empty()) {
        fresh = prepareScenario(o, err);
        // Refuse a run the machine cannot hold before allocating any of it.
        const auto available = availableMemoryBytes();
        const auto shortfall = available ? memoryShortfall(*fresh, o.events.value_or(fresh->events), *available) : std::nullopt;
        if (shortfall) {
            err << "tsunagari-cli run: " << source << ": " << *shortfall << "\n";
            return kExitBadInput;
        }
    }

    // Fail before simulating if the results could not be written anyway.
    const fs::path dir = o.outDir.empty() ? fs::path("out") / fs::path(source).stem() : fs::path(o.outDir);
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        err << "tsunagari-cli run: cannot write to '" << dir.string() << "': it exists and is not a directory\n";
        return kExitOutputFailed;
    }
    fs::create_directories(dir, ec);
    if (ec) {
        err << "tsunagari-cli run: cannot create directory '" << dir.string() << "': " << ec.message() << "\n";
        return kExitOutputFailed;
    }

    // A snapshot carries its own setup, random state and history.
    World world = fresh ? World(*fresh) : readSnapshotFile(o.resume);
    const Scenario& scenario = world.scenario();
    const int events = o.events.value_or(scenario.events);
    if (o.saveAt && (*o.saveAt > events || *o.saveAt < world.eventsDone())) {
        err << "tsunagari-cli run: --save-at " << *o.saveAt << " is outside this run (events " << world.eventsDone()
            << " to " << events << ")\n";
        return kExitBadInput;
    }
    auto saveIfDue = [&]() {
        if (o.saveAt && world.eventsDone() == *o.saveAt && !world.event().inProgress) writeSnapshotFile(world, o.saveFile);
    };
    ProgressBar bar(err, progress && !o.quiet, events);
    bar.update(world.eventsDone(), world.day());
    try {
        saveIfDue();
        while (world.eventsDone() < events && world.stepEvent()) {
            bar.update(world.eventsDone(), world.day());
            saveIfDue();
        }
    } catch (const std::exception& e) {  // the snapshot could not be written
        bar.clear();
        err << "tsunagari-cli run: " << e.what() << "\n";
        return kExitOutputFailed;
    }
    bar.clear();

    const std::pair<const char*, std::string> files[] = {{"events.csv", eventsCsv(world)},
                                                         {"attendees.csv", attendeesCsv(world)},
                                                         {"edges.csv", edgesCsv(world)},
                                                         {"summary.json", summaryJson(world)}};
    for (const auto& [name, content] : files) {
        try {
            writeFileAtomic((dir / name).string(), content);
        } catch (const std::exception& e) {
            err << "tsunagari-cli run: " << e.what() << "\n";
            return kExitOutputFailed;
        }
    }

    if (o.quiet) return kExitOk;
    out << printableText(scenario.title.en) << ": ";
    if (world.eventsDone() == 0) out << "no events run";
    else out << world.eventsDone() << " events to day " << world.day();
    out << ", seed " << scenario.seed << "\n";
    if (world.eventsDone() < events)
        out << "(the calendar ended after " << world.eventsDone() << " of " << events << " events)\n";
    out << "\n" << archetypeTable(world) << "\nmeans per member; wrote " << (dir / "").string()
        << "{events.csv, attendees.csv, edges.csv, summary.json}\n";
    return kExitOk;
}

// Lists every error found (up to kMaxListedErrors, then how many more), one line each.
int validateCommand(const ValidateOptions& o, std::ostream& out, std::ostream& err) {
    const nlohmann::json doc = readJsonFile(o.scenario);
    for (const auto& warning : scenarioWarnings(doc, o.scenario)) err << warning << "\n";
    const ScenarioErrors errors = scenarioErrors(doc, o.scenario);
    if (errors.total > 0) {
        for (const auto& e : errors.listed) err << e.what() << "\n";
        if (errors.total > errors.listed.size())
            err << printableText(o.scenario) << ": and " << errors.total - errors.listed.size() << " more errors\n";
        return kExitBadInput;
    }
    const Scenario s = scenarioFromJson(doc, o.scenario);
    int attendees = 0;
    for (const auto& c : s.population) attendees += c.count;
    out << "ok: " << printableText(s.title.en) << " (" << attendees << " attendees, " << s.calendar.size() << " calendar entries)\n";
    return kExitOk;
}

}  // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool progress) {
    try {
        const Command command = parseArgs(args);
        switch (command.kind) {
            case CommandKind::Help: out << helpText(command.helpTopic); return kExitOk;
            case CommandKind::Run: return runCommand(command.run, out, err, progress);
            case CommandKind::Validate: return validateCommand(command.validate, out, err);
            case CommandKind::Bench: return command.bench.hostile ? runHostileBench(out, err) : runBench(command.bench, out);
            case CommandKind::Calibrate: return runCalibrate(command.calibrate, out, err, progress);
            case CommandKind::Lessons: return runLessons(command.lessons, out, err, progress);
        }
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
        // Anything else (e.g. out of memory for a huge population) still gets one line.
        err << "tsunagari-cli: " << e.what() << "\n";
        return kExitOutputFailed;
    }
    return kExitOk;
}

}  // namespace tsunagari::cli
