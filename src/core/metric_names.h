// The per-group figures (GroupFigures, the metric columns of events.csv) by key, with their
// values, names and units in English and Japanese: the one table for the reports' columns,
// the window, the charts, experiments and stories.
#pragma once
#include <span>
#include <string_view>

#include "metrics.h"

namespace tsunagari {

// How a figure is scaled, so a chart can pick its y range.
enum class MetricScale {
    Count,     // a mean count per member: from zero up
    Fraction,  // trust or reputation: fixed 0 to 1
    Money,     // thousands of yen per member: from zero up
};

struct MetricName {
    const char* key;      // column name in events.csv and the experiment CSVs
    const char* nameEn;   // short name, as a table column header
    const char* nameJa;
    const char* axisEn;   // what one unit on a chart's axis is
    const char* axisJa;
    MetricScale scale;
    double (*value)(const GroupFigures&);   // the figure of one group row
};

// Every metric in the order of events.csv's columns.
[[nodiscard]] std::span<const MetricName> metricNames();
// nullptr when `key` is no metric.
[[nodiscard]] const MetricName* findMetricName(std::string_view key);

}  // namespace tsunagari
