// Data go to tab-separated files (labels never enter them, so no quoting); every label is a
// single-quoted gnuplot string.
#include "plot_kinds.h"

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

}  // namespace

YRange yRangeFor(MetricScale scale) { return scale == MetricScale::Fraction ? YRange::Unit : YRange::FromZero; }

Picture linePicture(const std::string& name, const Axes& axes, const std::vector<LineSeries>& series) {
    Picture p{name, axesCommands(axes), {}};
    p.commands += "set autoscale xfix\nset style fill transparent solid 0.2 noborder\n";
    std::string bands, lines;
    for (size_t s = 0; s < series.size(); ++s) {
        const std::string file = "line" + std::to_string(s) + ".tsv";
        std::string data;
        bool banded = false;
        for (const LinePoint& point : series[s].points) {
            data += formatNumber(point.x) + "\t" + formatNumber(point.y) + "\t" + field(point.low) + "\t" +
                    field(point.high) + "\n";
            banded = banded || (point.low && point.high);
        }
        p.dataFiles.push_back({file, data});
        const std::string colour = gnuplotString(seriesColour(series[s].colour));
        if (banded) bands += gnuplotString(file) + " using 1:3:4 with filledcurves lc rgb " + colour + " notitle, ";
        lines += gnuplotString(file) + " using 1:2 with lines lw 2.5 lc rgb " + colour + " dt " +
                 std::to_string(seriesDashType(series[s].colour)) + " title " + gnuplotString(series[s].title) + ", ";
    }
    std::string plot = bands + lines;
    plot.resize(plot.size() - 2);  // the last ", "
    p.commands += "plot " + plot + "\n";
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
        plot += gnuplotString(file) + boxes + ", " + gnuplotString(file) +
                " using 1:2:3:4 with yerrorbars lc rgb '#222222' lw 2 ps 0 notitle, ";
    }
    plot.resize(plot.size() - 2);
    p.commands += "plot " + plot + "\n";
    return p;
}

}  // namespace tsunagari::charts
