// A tournament's ranking.csv: one bar chart per ranking metric, strategies in rank order,
// each in its own colour (the same in every chart), with 95% interval whiskers.
#include <filesystem>

#include "chart_text.h"
#include "csv_table.h"
#include "folder_support.h"
#include "ordered_labels.h"
#include "plot_kinds.h"

namespace tsunagari::charts {

std::vector<std::string> drawTournamentCharts(const std::string& dirName, const ChartOptions& given) {
    namespace fs = std::filesystem;
    const fs::path dir(dirName);
    const ChartOptions options = withFolderGroupNames(dir, given);
    const ChartText text(options);
    const CsvTable ranking = CsvTable::read((dir / "ranking.csv").string());
    const size_t strategy = ranking.column("strategy"), metric = ranking.column("metric"),
                 mean = ranking.column("mean"), low = ranking.column("ci_low"), high = ranking.column("ci_high");

    ranking.checkNumbers({"rank", "mean"}, {"ci_low", "ci_high"});
    OrderedLabels strategies, metrics;
    for (size_t row = 0; row < ranking.rows(); ++row) {
        strategies.indexOf(ranking.text(row, strategy));
        metrics.indexOf(ranking.text(row, metric));
    }
    std::vector<std::string> wanted = options.metrics.empty() ? metrics.labels() : chosenMetrics(options);
    std::vector<Picture> pictures;
    for (const std::string& key : wanted) {
        BarChart chart;
        chart.series.push_back({"", 0, {}});
        for (size_t row = 0; row < ranking.rows(); ++row) {
            if (ranking.text(row, metric) != key) continue;
            const std::string& label = ranking.text(row, strategy);
            chart.categories.push_back(text.groupName(label));
            chart.categoryColours.push_back(strategies.indexOf(label));
            chart.series[0].bars.push_back(
                {ranking.number(row, mean), ranking.optionalNumber(row, low), ranking.optionalNumber(row, high)});
        }
        if (chart.categories.empty()) throw ChartInputError(ranking.path() + ": expected rows for metric '" + key + "'");
        const Axes axes{text.say({"Ranking by {}: mean and 95% interval", "{}による順位(平均と95%信頼区間)"}, text.metricName(key)),
                        text.say({"strategy (highest first)", "戦略(上位から)"}), text.metricAxis(key),
                        yRangeFor(ChartText::metric(key).scale)};
        pictures.push_back(barPicture("ranking_" + key, axes, chart));
    }
    return drawPictures(pictures, dir / options.subfolder, options);
}

}  // namespace tsunagari::charts
