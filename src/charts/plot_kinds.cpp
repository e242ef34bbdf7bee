// Data go to tab-separated files (labels never enter them, so no quoting); every label is a
// single-quoted gnuplot string.
#include "plot_kinds.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "chart_style.h"
#include "report.h"

namespace tsunagari::charts {

namespace {

std::string field(const std::optional<double>& v) { return v ? formatNumber(*v) : "NaN"; }

std::string axesCommands(const Axes& axes) {
    std::string c = "set title " + gnuplotString(axes.title) + "\n" + "set xlabel " + gnuplotString(axes.xLabel) + "\n" +
                    "set ylabel " + gnuplotString(axes.yLabel) + "\n";
    switch (axes.yRange) {
        case YRange::FromZero: c += "set yrange [0:*]\n"; break;
        case YRange::Unit: c += "set yrange [0:1]\nset ytics 0.2\n"; break;
        case YRange::Free: c += "set yrange [*:*]\nset xzeroaxis lt 1 lc rgb '#444444' lw 1\n"; break;
    }
    return c + "set datafile separator '\\t'\nset datafile missing 'NaN'\n";
}

// Long labels along x are turned so they do not overlap.
std::string categoryTicks(const std::vector<std::string>& categories) {
    size_t longest = 0;
    std::string ticks = "set xtics (";
    for (size_t i = 0; i < categories.size(); ++i) {
        longest = std::max(longest, categories[i].size());
        ticks += (i ? ", " : "") + gnuplotString(categories[i]) + " " + std::to_string(i);
    }
    ticks += ")\n";
    if (longest > 14 || categories.size() * longest > 90) ticks += "set xtics rotate by 30 right\n";
    return ticks;
}

// One panel's series: data files named with `prefix`, bands first so lines stay on top.
std::string linePlotCommand(const std::string& prefix, const std::vector<LineSeries>& series, bool titled,
                            std::vector<std::pair<std::string, std::string>>& dataFiles) {
    std::string bands, lines;
    for (size_t s = 0; s < series.size(); ++s) {
        const std::string file = prefix + std::to_string(s) + ".tsv";
        std::string data;
        bool banded = false;
        for (const LinePoint& point : series[s].points) {
            data += formatNumber(point.x) + "\t" + formatNumber(point.y) + "\t" + field(point.low) + "\t" +
                    field(point.high) + "\n";
            banded = banded || (point.low && point.high);
        }
        dataFiles.push_back({file, data});
        const std::string colour = gnuplotString(seriesColour(series[s].colour));
        if (banded) bands += gnuplotString(file) + " using 1:3:4 with filledcurves lc rgb " + colour + " notitle, ";
        lines += gnuplotString(file) + " using 1:2 with lines lw 2.5 lc rgb " + colour + " dt " +
                 std::to_string(seriesDashType(series[s].colour)) +
                 (titled ? " title " + gnuplotString(series[s].title) : std::string(" notitle")) + ", ";
    }
    std::string plot = bands + lines;
    plot.resize(plot.size() - 2);  // the last ", "
    return "plot " + plot + "\n";
}

// A round number at or above `value` (1, 2, 2.5 or 5 times a power of ten), so panels that
// share a y range end on a tick.
double roundUp(double value) {
    if (value <= 0) return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * power >= value * (1 - 1e-9)) return step * power;
    return 10 * power;
}

// A round step (1, 2, 2.5 or 5 times a power of ten) giving three to five ticks from lo to hi.
double tickStep(double lo, double hi) {
    const double range = hi - lo;
    double step = std::pow(10.0, std::floor(std::log10(range / 5)));
    for (int tries = 0; tries < 40; ++tries) {
        for (double factor : {1.0, 2.0, 2.5, 5.0}) {
            const double candidate = step * factor;
            const double ticks = std::floor(hi / candidate + 1e-9) - std::ceil(lo / candidate - 1e-9) + 1;
            if (ticks <= 5) return candidate;
        }
        step *= 10;
    }
    return range;
}

// Width of a text in character widths: a Japanese character counts as two Latin ones.
double textWidth(const std::string& text) {
    double width = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) width += 1;
        else if (byte >= 0xC0) width += byte >= 0xE0 ? 2 : 1;  // a lead byte; continuation bytes add nothing
    }
    return width;
}

// Panel titles at one size that fits the panel's width: 15 points, smaller, or in two lines.
struct PanelTitles {
    int fontSize = 15;
    std::vector<std::vector<std::string>> lines;  // per panel
};

// The text in lines of at most `limit` character widths, broken at spaces where it can be.
std::vector<std::string> wrapped(const std::string& text, double limit) {
    std::vector<std::string> lines;
    std::string line;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t space = std::min(text.find(' ', start), text.size());
        const std::string word = text.substr(start, space - start);
        if (!line.empty() && textWidth(line + " " + word) > limit) {
            lines.push_back(line);
            line = word;
        } else {
            line += (line.empty() ? "" : " ") + word;
        }
        start = space + 1;
    }
    lines.push_back(line);
    return lines;
}

PanelTitles panelTitles(const std::vector<LinePanel>& panels, double width) {
    // A Latin character of DejaVu Sans at N points is up to 0.68 N pixels wide in these terminals.
    auto fits = [&](int size) {
        return std::all_of(panels.begin(), panels.end(),
                           [&](const LinePanel& panel) { return textWidth(panel.title) * 0.68 * size <= width; });
    };
    PanelTitles titles;
    for (int size : {15, 14, 13, 12}) {
        titles.fontSize = size;
        if (fits(size)) break;
    }
    for (const auto& panel : panels) titles.lines.push_back(wrapped(panel.title, width / (0.68 * titles.fontSize)));
    return titles;
}

}  // namespace

YRange yRangeFor(MetricScale scale) { return scale == MetricScale::Fraction ? YRange::Unit : YRange::FromZero; }

Picture linePicture(const std::string& name, const Axes& axes, const std::vector<LineSeries>& series) {
    Picture p{name, axesCommands(axes), {}};
    p.commands += "set autoscale xfix\nset style fill transparent solid 0.2 noborder\n";
    p.commands += linePlotCommand("line", series, true, p.dataFiles);
    return p;
}

Picture panelsPicture(const std::string& name, const Axes& axes, const std::string& legendTitle,
                      const std::vector<LinePanel>& panels) {
    Axes shared = axes;
    shared.title.clear();  // the picture's title sits above all panels
    Picture p{name, axesCommands(shared), {}};
    // A grid of at most four columns and as many rows as needed, the picture taller when they need it.
    const size_t count = std::max<size_t>(panels.size(), 1), columns = std::min<size_t>(count, 4),
                 rows = (count + columns - 1) / columns;
    const double left = 0.08, right = 0.74, spacing = 0.03;
    const double panelWidth = ((right - left) - spacing * double(columns - 1)) / double(columns) * kPictureWidth;
    // A title may reach into most of the space between panels.
    const PanelTitles titles = panelTitles(panels, panelWidth + 0.8 * spacing * kPictureWidth);
    size_t titleLines = 1;
    for (const auto& lines : titles.lines) titleLines = std::max(titleLines, lines.size());
    // Pixels: above the panels (the picture's title and the first row's), below them, between rows.
    const double extra = double(titleLines - 1) * 1.3 * titles.fontSize, top = 105 + extra, bottom = 85,
                 gap = 100 + extra, panelHeight = 250;
    p.height = std::max(kPictureHeight, int(top + bottom + double(rows) * panelHeight + double(rows - 1) * gap));
    const double height = p.height;

    double highest = 0, xMin = 0, xMax = 0;
    bool anyPoint = false;
    for (const auto& panel : panels)
        for (const auto& series : panel.series)
            for (const auto& point : series.points) {
                highest = std::max({highest, point.y, point.high.value_or(0)});
                xMin = anyPoint ? std::min(xMin, point.x) : point.x;
                xMax = anyPoint ? std::max(xMax, point.x) : point.x;
                anyPoint = true;
            }
    if (axes.yRange == YRange::FromZero)  // one range for all panels, so their heights compare
        p.commands += "set yrange [0:" + formatNumber(roundUp(highest)) + "]\n";
    if (anyPoint && xMax > xMin) {  // one x range, with few enough ticks that narrow panels can show them
        const double step = tickStep(xMin, xMax);
        p.commands += "set xrange [" + formatNumber(xMin) + ":" + formatNumber(xMax) + "]\nset xtics " +
                      formatNumber(std::ceil(xMin / step - 1e-9) * step) + "," + formatNumber(step) + "\n";
    } else {
        p.commands += "set autoscale xfix\n";
    }
    p.commands += "set style fill transparent solid 0.2 noborder\n";
    p.commands += "set key at screen 0.755," + formatNumber(1 - top / height) + " top left nobox title " +
                  gnuplotString(legendTitle) + " font ',13'\n";
    // Equal panels in the left three quarters; the legend takes the rest.
    p.commands += "set multiplot layout " + std::to_string(rows) + "," + std::to_string(columns) + " title " +
                  gnuplotString(axes.title) + " font ',18' margins " + formatNumber(left) + "," + formatNumber(right) + "," +
                  formatNumber(bottom / height) + "," + formatNumber(1 - top / height) + " spacing " +
                  formatNumber(spacing) + "," + formatNumber(gap / height) + "\n";
    for (size_t i = 0; i < panels.size(); ++i) {
        p.commands += "set title " + gnuplotLines(titles.lines[i]) + " font '," + std::to_string(titles.fontSize) + "'\n";
        // The first column's y axis serves its row, so its numbers are not repeated; the x axis
        // is named under the panels with none below them.
        if (i == 1) p.commands += "unset key\n";
        if (i % columns == 0) p.commands += "set ylabel " + gnuplotString(axes.yLabel) + "\nset format y '% h'\n";
        else if (i % columns == 1) p.commands += "unset ylabel\nset format y ''\n";
        if (i + columns < panels.size()) p.commands += "unset xlabel\n";
        else p.commands += "set xlabel " + gnuplotString(axes.xLabel) + "\n";
        p.commands += linePlotCommand("panel" + std::to_string(i) + "_", panels[i].series, i == 0, p.dataFiles);
    }
    p.commands += "unset multiplot\n";
    return p;
}

Picture barPicture(const std::string& name, const Axes& axes, const BarChart& chart) {
    Picture p{name, axesCommands(axes), {}};
    const size_t count = chart.series.size();
    const double width = 0.8 / double(count);
    p.commands += categoryTicks(chart.categories) + "set xrange [-0.6:" + formatNumber(double(chart.categories.size()) - 0.4) +
                  "]\nset boxwidth " + formatNumber(width) + " absolute\nset style fill solid 1.0 border lc rgb '#333333'\n";
    const bool byCategory = !chart.categoryColours.empty();
    if (byCategory) p.commands += "unset key\n";
    std::string plot;
    for (size_t s = 0; s < count; ++s) {
        const std::string file = "bars" + std::to_string(s) + ".tsv";
        const double offset = (double(s) - double(count - 1) / 2) * width;
        std::string data;
        for (size_t c = 0; c < chart.categories.size(); ++c) {
            const Bar& bar = chart.series[s].bars[c];
            if (!bar.value) continue;
            data += formatNumber(double(c) + offset) + "\t" + formatNumber(*bar.value) + "\t" + field(bar.low) + "\t" +
                    field(bar.high) + "\t" + std::to_string(seriesColourNumber(byCategory ? chart.categoryColours[c] : 0)) + "\n";
        }
        p.dataFiles.push_back({file, data});
        const std::string boxes = byCategory ? " using 1:2:5 with boxes lc rgb variable notitle"
                                             : " using 1:2 with boxes lc rgb " + gnuplotString(seriesColour(chart.series[s].colour)) +
                                                   " title " + gnuplotString(chart.series[s].title);
        // Candlesticks with open = close = the mean draw only the whisker and its caps.
        plot += gnuplotString(file) + boxes + ", " + gnuplotString(file) +
                " using 1:2:3:4:2 with candlesticks whiskerbars 0.3 lw 2 lc rgb '#222222' fill empty notitle, ";
    }
    plot.resize(plot.size() - 2);
    p.commands += "plot " + plot + "\n";
    return p;
}

}  // namespace tsunagari::charts
