// A single run's events.csv: each metric over weeks, one line per group.
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "chart_text.h"
#include "csv_table.h"
#include "folder_support.h"
#include "ordered_labels.h"
#include "plot_kinds.h"

namespace tsunagari::charts {

namespace {

namespace fs = std::filesystem;

// The scenario's title from summary.json, for the chart titles; empty if there is none.
std::string scenarioTitle(const fs::path& dir, const ChartText& text) {
    std::ifstream in(dir / "summary.json");
    if (!in) return "";
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (!doc.is_object() || !doc.contains("title") || !doc["title"].is_object()) return "";
    const auto& title = doc["title"];
    for (const char* language : {text.japanese() ? "ja" : "en", "en"})
        if (title.contains(language) && title[language].is_string() && !title[language].get<std::string>().empty())
            return title[language].get<std::string>();
    return "";
}

}  // namespace

std::vector<std::string> drawRunCharts(const std::string& dirName, const ChartOptions& given) {
    const fs::path dir(dirName);
    const ChartOptions options = withFolderGroupNames(dir, given);
    const ChartText text(options);
    const CsvTable events = CsvTable::read((dir / "events.csv").string());
    const size_t dayColumn = events.column("day"), groupColumn = events.column("group");
    std::vector<std::string> numeric = chosenMetrics(options);
    numeric.push_back("day");
    events.checkNumbers(numeric);

    const std::string title = scenarioTitle(dir, text);
    std::vector<Picture> pictures;
    for (const std::string& metric : chosenMetrics(options)) {
        const size_t column = events.column(metric);
        OrderedLabels groups;
        std::vector<LineSeries> series;
        for (size_t row = 0; row < events.rows(); ++row) {
            const size_t g = groups.indexOf(events.text(row, groupColumn));
            if (g == series.size()) series.push_back({text.groupName(groups.labels()[g]), g, {}});
            series[g].points.push_back({events.number(row, dayColumn) / 7, events.number(row, column), {}, {}});
        }
        Axes axes{text.say({"{} over time", "{}の推移"}, text.metricName(metric)), text.say({"weeks", "週"}),
                  text.metricAxis(metric), yRangeFor(ChartText::metric(metric).scale)};
        if (!title.empty()) axes.title += text.say({" ({})", "({})"}, title);
        pictures.push_back(linePicture(metric, axes, series));
    }
    return drawPictures(pictures, dir / options.subfolder, options);
}

}  // namespace tsunagari::charts
