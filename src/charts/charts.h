// Charts of a run, sweep, comparison, tournament or evolution folder, drawn by gnuplot into
// DIR/charts/ as PNG and SVG, with labels in English or Japanese. Std + the core only.
#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace tsunagari::charts {

enum class ChartLanguage { English, Japanese };

struct ChartOptions {
    ChartLanguage language = ChartLanguage::English;
    bool png = true;
    bool svg = true;
    std::vector<std::string> metrics;          // metric keys; empty = defaultMetrics()
    std::string subfolder = "charts";          // inside the folder charted
    std::map<std::string, std::string> groupNames;  // group label -> name to show (e.g. a cohort's label_ja)
};

// A folder or CSV that cannot be charted: one line naming the file, the line and what was expected.
struct ChartInputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// gnuplot missing or failing, or a picture that cannot be written: one line.
struct ChartOutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// referrals_received, repeat_referrals_received, collaborators, closed_business, trust_received, reputation.
[[nodiscard]] std::vector<std::string> defaultMetrics();

// Each returns the paths of the pictures written, in the order drawn.
// events.csv of `tsunagari-cli run`: <metric>.{png,svg}, one line per group over weeks.
std::vector<std::string> drawRunCharts(const std::string& dir, const ChartOptions& options);
// summary.csv (+ settings.csv, events_summary.csv, comparison.csv when present):
// final_<metric>, over_time_<metric>, difference_<metric>.
std::vector<std::string> drawSweepCharts(const std::string& dir, const ChartOptions& options);
// ranking.csv: ranking_<metric> for each ranking metric.
std::vector<std::string> drawTournamentCharts(const std::string& dir, const ChartOptions& options);
// seasons_summary.csv: shares.
std::vector<std::string> drawEvolutionCharts(const std::string& dir, const ChartOptions& options);
// Whichever of the above the folder's files call for.
std::vector<std::string> drawChartsFor(const std::string& dir, const ChartOptions& options);

}  // namespace tsunagari::charts
