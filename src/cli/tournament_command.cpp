// The tournament and evolve commands: load the spec, run the replicates, write the folder.
#include "tournament_command.h"
#include "progress_bar.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "experiments/evolution.h"
#include "experiments/tournament.h"
#include "scenario_io.h"

namespace tsunagari::cli {

namespace {

namespace fs = std::filesystem;
using experiments::TournamentSpec;

std::atomic<bool> g_stop{false};
extern "C" void onTournamentInterrupt(int) { g_stop = true; }

// The output folder, made before any simulation so a bad --out fails at once; nullopt after a message.
std::optional<fs::path> prepareOutDir(const TournamentOptions& o, const std::string& command, std::ostream& err) {
    const fs::path dir = o.outDir.empty() ? fs::path("out") / fs::path(o.spec).stem() : fs::path(o.outDir);
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        err << "tsunagari-cli " << command << ": cannot write to '" << dir.string() << "': it exists and is not a directory\n";
        return std::nullopt;
    }
    fs::create_directories(dir, ec);
    if (ec) {
        err << "tsunagari-cli " << command << ": cannot create directory '" << dir.string() << "': " << ec.message() << "\n";
        return std::nullopt;
    }
    return dir;
}

std::string recordJson(const std::vector<std::string>& commandLine, const TournamentSpec& spec) {
    nlohmann::ordered_json record;
    record["version"] = TSUNAGARI_VERSION;
    nlohmann::ordered_json line = nlohmann::ordered_json::array({"tsunagari-cli"});
    for (const auto& arg : commandLine) line.push_back(arg);
    record["command_line"] = line;
    record["seed"] = spec.seed;
    record["replicates"] = spec.replicates;
    record["replicate_seeds"] = "deriveSeed(seed, replicate) (src/experiments/replicates.h)";
    return record.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Runs every replicate with progress and Ctrl-C; nullopt (after a message) if interrupted.
template <class Run>
auto runWithProgress(const TournamentOptions& o, const std::string& command, std::ostream& err, bool progress, Run run)
    -> std::optional<decltype(run(experiments::ReplicateOptions{}).values())> {
    experiments::ReplicateOptions options;
    options.jobs = unsigned(o.jobs);
    CountProgress bar(err, progress && !o.quiet, "replicates");
    options.progress = [&](size_t done, size_t total) { bar(done, total); };
    g_stop = false;
    options.stop = &g_stop;
    const auto previous = std::signal(SIGINT, onTournamentInterrupt);
    auto result = run(options);
    std::signal(SIGINT, previous);
    bar.clear();
    if (result.cancelled || !result.complete()) {
        err << "tsunagari-cli " << command << ": interrupted after " << result.completed.size() << " of "
            << result.results.size() << " replicates; nothing written\n";
        return std::nullopt;
    }
    return std::move(result).values();
}

// Writes each (name, content) atomically into dir; false after a message.
bool writeAll(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files, const std::string& command,
              std::ostream& err) {
    for (const auto& [name, content] : files) {
        try {
            writeFileAtomic((dir / name).string(), content);
        } catch (const std::exception& e) {
            err << "tsunagari-cli " << command << ": " << e.what() << "\n";
            return false;
        }
    }
    return true;
}

TournamentSpec loadSpec(const TournamentOptions& o, experiments::SpecKind kind) {
    TournamentSpec spec = experiments::loadTournamentSpec(o.spec, kind);
    if (o.replicates) spec.replicates = *o.replicates;
    return spec;
}

std::string specJson(const TournamentSpec& spec) {
    return experiments::tournamentSpecToJson(spec).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

int runTournamentCommand(const TournamentOptions& o, const std::vector<std::string>& commandLine, std::ostream& out,
                         std::ostream& err, bool progress) {
    const TournamentSpec spec = loadSpec(o, experiments::SpecKind::Tournament);
    const auto dir = prepareOutDir(o, "tournament", err);
    if (!dir) return kExitOutputFailed;
    const auto replicates = runWithProgress(o, "tournament", err, progress,
                                            [&](const auto& options) { return experiments::runTournament(spec, options); });
    if (!replicates) return kExitOutputFailed;
    const auto ranking = experiments::rankStrategies(spec, *replicates);
    if (!writeAll(*dir,
                  {{"results.csv", experiments::tournamentResultsCsv(spec, *replicates)},
                   {"ranking.csv", experiments::rankingCsv(ranking)},
                   {"tournament.json", specJson(spec)},
                   {"record.json", recordJson(commandLine, spec)}},
                  "tournament", err))
        return kExitOutputFailed;
    if (o.quiet) return kExitOk;
    out << spec.title.en << ": " << spec.strategies.size() << " strategies of " << spec.membersPerStrategy
        << " members, " << spec.replicates << " replicates, base seed " << spec.seed << "\n\n"
        << experiments::rankingTable(ranking) << "\nwrote " << (*dir / "").string()
        << "{results.csv, ranking.csv, tournament.json, record.json}\n";
    return kExitOk;
}

int runEvolveCommand(const TournamentOptions& o, const std::vector<std::string>& commandLine, std::ostream& out,
                     std::ostream& err, bool progress) {
    const TournamentSpec spec = loadSpec(o, experiments::SpecKind::Evolution);
    const auto dir = prepareOutDir(o, "evolve", err);
    if (!dir) return kExitOutputFailed;
    const auto replicates = runWithProgress(o, "evolve", err, progress,
                                            [&](const auto& options) { return experiments::runEvolution(spec, options); });
    if (!replicates) return kExitOutputFailed;
    if (!writeAll(*dir,
                  {{"seasons.csv", experiments::seasonsCsv(spec, *replicates)},
                   {"seasons_summary.csv", experiments::seasonsSummaryCsv(spec, *replicates)},
                   {"tournament.json", specJson(spec)},
                   {"record.json", recordJson(commandLine, spec)}},
                  "evolve", err))
        return kExitOutputFailed;
    if (o.quiet) return kExitOk;
    const auto& e = *spec.evolution;
    out << spec.title.en << ": " << spec.strategies.size() << " strategies of " << spec.membersPerStrategy << " members, "
        << e.seasons << " seasons, " << experiments::dynamicsKey(e.dynamics) << " dynamics, turnover " << e.turnover
        << ", fitness " << e.fitness << ", " << spec.replicates << " replicates, base seed " << spec.seed << "\n\n"
        << experiments::sharesTable(spec, *replicates) << "\nwrote " << (*dir / "").string()
        << "{seasons.csv, seasons_summary.csv, tournament.json, record.json}\n";
    return kExitOk;
}

}  // namespace tsunagari::cli
