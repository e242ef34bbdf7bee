// The arithmetic of a readable chart, apart from drawing it: round tick values, the y range
// a metric's scale calls for, the time axis in weeks or months, and end labels that do not
// overlap. No ImGui here, so the tests check it without a window.
#pragma once
#include <string>
#include <vector>

#include "metric_names.h"

namespace tsunagari {

struct AxisTicks {
    double lo = 0, hi = 1;        // the axis range; the first and last tick
    double step = 1;              // between ticks
    std::vector<double> values;   // 3 to 5 round values from lo to hi
    int decimals = 0;             // enough to print every tick exactly
};

// Round ticks ("nice numbers": 1, 2, 2.5 or 5 x 10^k apart) covering [lo, hi] with at most
// `maxTicks` of them; a flat range gets a band around its value. wholeSteps: steps of at
// least 1 and never 2.5 (for counted units such as weeks).
[[nodiscard]] AxisTicks niceTicks(double lo, double hi, int maxTicks = 5, bool wholeSteps = false);
// The y-axis for values up to `dataMax`: counts from zero to a round top (a flat zero gets
// 0..1), fractions the whole of 0..1, so heights compare across runs.
[[nodiscard]] AxisTicks valueAxis(MetricScale scale, double dataMax, int maxTicks = 5);
[[nodiscard]] std::string tickLabel(double value, int decimals);

// The x-axis: a run shown in weeks, or in months once longer than `monthsAfterWeeks` weeks,
// from 0 to the last week (at least one unit).
struct TimeAxis {
    bool months = false;
    double unitWeeks = 1;          // weeks per shown unit
    AxisTicks ticks;               // in shown units: hi = the run's end, values whole and <= hi
};
inline constexpr double kWeeksPerMonth = 52.0 / 12.0;
[[nodiscard]] TimeAxis timeAxis(double lastWeek, double monthsAfterWeeks = 26);

// Vertical positions for labels of height `height` wanted at `wanted` (any order), moved as
// little as possible so none overlap and all stay within [top, bottom]. Same order as `wanted`.
[[nodiscard]] std::vector<float> spreadLabels(const std::vector<float>& wanted, float height, float top, float bottom);

}  // namespace tsunagari
