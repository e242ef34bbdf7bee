// Which charts a folder calls for, from the files it holds.
#include <filesystem>

#include "charts.h"

namespace tsunagari::charts {

std::vector<std::string> drawChartsFor(const std::string& dirName, const ChartOptions& options) {
    namespace fs = std::filesystem;
    const fs::path dir(dirName);
    if (!fs::is_directory(dir)) throw ChartInputError(dirName + ": expected a folder written by run, sweep or tournament");
    const bool sweep = fs::exists(dir / "summary.csv"), tournament = fs::exists(dir / "ranking.csv"),
               evolution = fs::exists(dir / "seasons_summary.csv");
    // A sweep folder may hold an events.csv of its own format, so it is a run's only when nothing else is there.
    const bool run = !sweep && !tournament && !evolution && fs::exists(dir / "events.csv");
    if (!sweep && !tournament && !evolution && !run)
        throw ChartInputError(dirName + ": expected events.csv (a run), summary.csv (a sweep), ranking.csv (a tournament) "
                                        "or seasons_summary.csv (an evolution)");
    std::vector<std::string> written;
    auto add = [&](const std::vector<std::string>& files) { written.insert(written.end(), files.begin(), files.end()); };
    if (run) add(drawRunCharts(dirName, options));
    if (sweep) add(drawSweepCharts(dirName, options));
    if (tournament) add(drawTournamentCharts(dirName, options));
    if (evolution) add(drawEvolutionCharts(dirName, options));
    return written;
}

}  // namespace tsunagari::charts
