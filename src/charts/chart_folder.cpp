// Which charts a folder calls for, from the files it holds.
#include <filesystem>

#include "charts.h"

namespace tsunagari::charts {

std::vector<std::string> drawChartsFor(const std::string& dirName, const ChartOptions& options) {
    namespace fs = std::filesystem;
    const fs::path dir(dirName);
    if (!fs::is_directory(dir)) throw ChartInputError(dirName + ": expected a folder written by run, sweep or tournament");
    std::vector<std::string> written;
    auto add = [&](const std::vector<std::string>& files) { written.insert(written.end(), files.begin(), files.end()); };
    // A sweep folder may hold an events.csv too, so the experiment files are looked for first.
    if (fs::exists(dir / "summary.csv")) add(drawSweepCharts(dirName, options));
    if (fs::exists(dir / "ranking.csv")) add(drawTournamentCharts(dirName, options));
    if (fs::exists(dir / "seasons_summary.csv")) add(drawEvolutionCharts(dirName, options));
    const bool experiment = fs::exists(dir / "summary.csv") || fs::exists(dir / "ranking.csv") ||
                            fs::exists(dir / "seasons_summary.csv");
    if (!experiment && fs::exists(dir / "events.csv")) add(drawRunCharts(dirName, options));
    if (!experiment && !fs::exists(dir / "events.csv"))
        throw ChartInputError(dirName + ": expected events.csv (a run), summary.csv (a sweep), ranking.csv (a tournament) "
                                        "or seasons_summary.csv (an evolution)");
    return written;
}

}  // namespace tsunagari::charts
