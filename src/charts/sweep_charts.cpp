// A sweep or comparison folder: final figures per setting as bars (summary.csv), the figures
// over weeks with 95% bands (events_summary.csv), differences from setting 0 (comparison.csv).
#include <algorithm>
#include <filesystem>

#include "chart_text.h"
#include "csv_table.h"
#include "folder_support.h"
#include "ordered_labels.h"
#include "plot_kinds.h"
#include "setting_names.h"

namespace tsunagari::charts {

namespace {

namespace fs = std::filesystem;

// Settings named briefly (setting_names.h), or by their labels when the folder has no settings.csv.
SettingNames settingNames(const fs::path& dir, const ChartText& text) {
    const std::string fallback = text.say({"setting", "設定"});
    if (!fs::exists(dir / "settings.csv")) return {fallback, {}};
    const CsvTable settings = CsvTable::read((dir / "settings.csv").string());
    const size_t setting = settings.column("setting"), label = settings.column("label"), path = settings.column("path"),
                 value = settings.column("value");
    settings.checkNumbers({"setting"});
    std::vector<SettingRow> rows;
    for (size_t row = 0; row < settings.rows(); ++row)
        rows.push_back({settings.text(row, setting), settings.text(row, label), settings.text(row, path),
                        settings.text(row, value)});
    return shortSettingNames(rows, fallback);
}

// Bars per setting (x) and group (colour) from a table with setting, label, group and metric columns.
BarChart settingBars(const CsvTable& table, const std::string& metric, const std::string& valueColumn,
                     const SettingNames& names, const ChartText& text) {
    const size_t setting = table.column("setting"), label = table.column("label"), group = table.column("group"),
                 metricColumn = table.column("metric"), value = table.column(valueColumn),
                 low = table.column("ci_low"), high = table.column("ci_high");
    OrderedLabels settings, groups;
    BarChart chart;
    for (size_t row = 0; row < table.rows(); ++row) {
        const size_t g = groups.indexOf(table.text(row, group));  // every group keeps its colour in every chart
        if (table.text(row, metricColumn) != metric) continue;
        const size_t s = settings.indexOf(table.text(row, setting));
        if (s == chart.categories.size()) chart.categories.push_back(names.shortName(table.text(row, setting), table.text(row, label)));
        BarSeries* series = nullptr;
        for (auto& existing : chart.series)
            if (existing.colour == g) series = &existing;
        if (!series) series = &chart.series.emplace_back(BarSeries{text.groupName(groups.labels()[g]), g, {}});
        series->bars.resize(chart.categories.size());
        series->bars[s] = {table.number(row, value), table.optionalNumber(row, low), table.optionalNumber(row, high)};
    }
    if (chart.categories.empty()) throw ChartInputError(table.path() + ": expected rows for metric '" + metric + "'");
    for (auto& series : chart.series) series.bars.resize(chart.categories.size());
    return chart;
}

// One panel per group, a line per setting (the same colour in every panel) with its band.
std::vector<LinePanel> settingPanels(const CsvTable& table, const std::string& metric, const SettingNames& names,
                                     const ChartText& text) {
    const size_t setting = table.column("setting"), label = table.column("label"), day = table.column("day"),
                 group = table.column("group"), metricColumn = table.column("metric"), mean = table.column("mean"),
                 low = table.column("ci_low"), high = table.column("ci_high");
    OrderedLabels groups, settings;
    std::vector<LinePanel> panels;
    for (size_t row = 0; row < table.rows(); ++row) {
        const size_t g = groups.indexOf(table.text(row, group)), s = settings.indexOf(table.text(row, setting));
        if (table.text(row, metricColumn) != metric) continue;
        if (panels.size() <= g) panels.resize(g + 1);
        LinePanel& panel = panels[g];
        panel.title = text.groupName(table.text(row, group));
        if (panel.series.size() <= s) panel.series.resize(s + 1);
        LineSeries& line = panel.series[s];
        line.title = names.shortName(table.text(row, setting), table.text(row, label));
        line.colour = s;
        line.points.push_back({table.number(row, day) / 7, table.number(row, mean), table.optionalNumber(row, low),
                               table.optionalNumber(row, high)});
    }
    for (auto& panel : panels) std::erase_if(panel.series, [](const LineSeries& line) { return line.points.empty(); });
    std::erase_if(panels, [](const LinePanel& panel) { return panel.series.empty(); });
    if (panels.empty()) throw ChartInputError(table.path() + ": expected rows for metric '" + metric + "'");
    return panels;
}

}  // namespace

std::vector<std::string> drawSweepCharts(const std::string& dirName, const ChartOptions& given) {
    const fs::path dir(dirName);
    const ChartOptions options = withFolderGroupNames(dir, given);
    const ChartText text(options);
    const fs::path out = dir / options.subfolder;
    const SettingNames names = settingNames(dir, text);
    const CsvTable summary = CsvTable::read((dir / "summary.csv").string());
    const bool overTime = fs::exists(dir / "events_summary.csv"), compared = fs::exists(dir / "comparison.csv");
    const auto eventsSummary = overTime ? CsvTable::read((dir / "events_summary.csv").string()) : CsvTable();
    const auto comparison = compared ? CsvTable::read((dir / "comparison.csv").string()) : CsvTable();
    summary.checkNumbers({"setting", "mean"}, {"ci_low", "ci_high"});
    if (overTime) eventsSummary.checkNumbers({"setting", "day", "mean"}, {"ci_low", "ci_high"});
    if (compared) comparison.checkNumbers({"setting", "difference"}, {"ci_low", "ci_high"});

    // Without --metric: the default set as far as the sweep recorded it (a spec may list fewer).
    std::vector<std::string> metrics = chosenMetrics(options);
    if (options.metrics.empty()) {
        std::vector<std::string> present;
        for (size_t row = 0; row < summary.rows(); ++row) {
            const std::string& key = summary.text(row, summary.column("metric"));
            if (std::find(present.begin(), present.end(), key) == present.end()) present.push_back(key);
        }
        std::erase_if(metrics, [&](const std::string& m) { return std::find(present.begin(), present.end(), m) == present.end(); });
        if (metrics.empty()) metrics = present;
    }
    std::vector<Picture> pictures;
    for (const std::string& metric : metrics) {
        const std::string name = text.metricName(metric), axis = text.metricAxis(metric);
        const YRange range = yRangeFor(ChartText::metric(metric).scale);
        const Axes finalAxes{text.say({"{} at the end: mean and 95% interval", "終了時の{}(平均と95%信頼区間)"}, name),
                             names.title, axis, range};
        pictures.push_back(barPicture("final_" + metric, finalAxes, settingBars(summary, metric, "mean", names, text)));
        if (overTime) {
            const Axes timeAxes{text.say({"{} over time: mean and 95% interval", "{}の推移(平均と95%信頼区間)"}, name),
                                text.say({"weeks", "週"}), axis, range};
            pictures.push_back(panelsPicture("over_time_" + metric, timeAxes, names.title,
                                             settingPanels(eventsSummary, metric, names, text)));
        }
        if (compared) {
            const std::string baseline = names.described(comparison.text(0, comparison.column("baseline_label")));
            const Axes differenceAxes{
                text.say({"{}: difference from ", "{}: "}, name) + baseline +
                    text.say({" (95% interval)", " との差(95%信頼区間)"}),
                names.title, text.say({"difference in {}", "差: {}"}, axis), YRange::Free};
            pictures.push_back(barPicture("difference_" + metric, differenceAxes,
                                          settingBars(comparison, metric, "difference", names, text)));
        }
    }
    return drawPictures(pictures, out, options);
}

}  // namespace tsunagari::charts
