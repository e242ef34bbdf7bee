// An evolution's seasons_summary.csv: each strategy's share of the members over seasons,
// with its 95% band over replicates.
#include <filesystem>

#include "chart_text.h"
#include "csv_table.h"
#include "folder_support.h"
#include "ordered_labels.h"
#include "plot_kinds.h"

namespace tsunagari::charts {

std::vector<std::string> drawEvolutionCharts(const std::string& dirName, const ChartOptions& given) {
    namespace fs = std::filesystem;
    const fs::path dir(dirName);
    const ChartOptions options = withFolderGroupNames(dir, given);
    const ChartText text(options);
    const CsvTable seasons = CsvTable::read((dir / "seasons_summary.csv").string());
    const size_t season = seasons.column("season"), strategy = seasons.column("strategy"),
                 share = seasons.column("mean_share"), low = seasons.column("ci_low"), high = seasons.column("ci_high");

    seasons.checkNumbers({"season", "mean_share"}, {"ci_low", "ci_high"});
    OrderedLabels strategies;
    std::vector<LineSeries> series;
    for (size_t row = 0; row < seasons.rows(); ++row) {
        const size_t s = strategies.indexOf(seasons.text(row, strategy));
        if (s == series.size()) series.push_back({text.groupName(strategies.labels()[s]), s, {}});
        series[s].points.push_back({seasons.number(row, season), seasons.number(row, share),
                                    seasons.optionalNumber(row, low), seasons.optionalNumber(row, high)});
    }
    const Axes axes{text.say({"Share of members following each strategy: mean and 95% interval",
                              "各戦略をとるメンバーの割合(平均と95%信頼区間)"}),
                    text.say({"season", "シーズン"}), text.say({"share of members (0–1)", "メンバーに占める割合(0〜1)"}),
                    YRange::Unit};
    return drawPicture(linePicture("shares", axes, series), dir / options.subfolder, options);
}

}  // namespace tsunagari::charts
