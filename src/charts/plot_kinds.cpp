// Data go to tab-separated files (labels never enter them, so no quoting); every label is a
// single-quoted gnuplot string.
#include "plot_kinds.h"

#include <algorithm>
#include <cmath>

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
    if (axes.yRange == YRange::FromZero) {  // one range for all panels, so their heights compare
        double top = 0;
        for (const auto& panel : panels)
            for (const auto& series : panel.series)
                for (const auto& point : series.points) top = std::max({top, point.y, point.high.value_or(0)});
        p.commands += "set yrange [0:" + formatNumber(roundUp(top)) + "]\n";
    }
    p.commands += "set autoscale xfix\nset style fill transparent solid 0.2 noborder\n";
    p.commands += "set key at screen 0.755,0.86 top left nobox title " + gnuplotString(legendTitle) + " font ',13'\n";
    // Equal panels in the left three quarters; the legend takes the rest.
    p.commands += "set multiplot layout 1," + std::to_string(panels.size()) + " title " + gnuplotString(axes.title) +
                  " font ',18' margins 0.08,0.74,0.14,0.86 spacing 0.03,0\n";
    for (size_t i = 0; i < panels.size(); ++i) {
        p.commands += "set title " + gnuplotString(panels[i].title) + " font ',15'\n";
        // Later panels share the first one's y axis, so its numbers are not repeated.
        if (i == 1) p.commands += "unset ylabel\nunset key\nset format y ''\n";
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
