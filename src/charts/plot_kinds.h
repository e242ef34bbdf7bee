// The two kinds of chart every folder is drawn with, described as data and turned into a
// gnuplot Picture: lines over time (with 95% bands), and bars with interval whiskers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "metric_names.h"
#include "picture.h"

namespace tsunagari::charts {

// The y axis: counts and money from zero, trust and shares fixed 0-1, differences free.
enum class YRange { FromZero, Unit, Free };
[[nodiscard]] YRange yRangeFor(MetricScale scale);

struct Axes {
    std::string title, xLabel, yLabel;
    YRange yRange = YRange::FromZero;
};

struct LinePoint {
    double x = 0, y = 0;
    std::optional<double> low, high;  // the 95% band, when known
};
struct LineSeries {
    std::string title;
    size_t colour = 0;   // index into the palette
    std::vector<LinePoint> points;
};
[[nodiscard]] Picture linePicture(const std::string& name, const Axes& axes, const std::vector<LineSeries>& series);

// Panels with the same axes, e.g. one per group with a line per setting, in rows of at most
// four (the picture taller for three rows or more) with three to five x ticks each; titles too
// wide for a panel are drawn smaller or in two lines. The legend (titled `legendTitle`) is
// drawn once, right of the panels.
struct LinePanel {
    std::string title;
    std::vector<LineSeries> series;
};
[[nodiscard]] Picture panelsPicture(const std::string& name, const Axes& axes, const std::string& legendTitle,
                                    const std::vector<LinePanel>& panels);

struct Bar {
    std::optional<double> value, low, high;  // no value: no bar in this category
};
struct BarSeries {
    std::string title;
    size_t colour = 0;
    std::vector<Bar> bars;  // one per category
};
struct BarChart {
    std::vector<std::string> categories;  // tick labels along x
    std::vector<BarSeries> series;        // side by side within a category
    // One series whose bars take the colour of their category (rankings: the x labels name them).
    std::vector<size_t> categoryColours;
};
[[nodiscard]] Picture barPicture(const std::string& name, const Axes& axes, const BarChart& chart);

}  // namespace tsunagari::charts
