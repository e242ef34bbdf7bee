// The per-group figures by name: the one table that the reports, experiments, stories and
// charts use to turn a metric name ("referrals_received") into a value of GroupFigures.
#pragma once
#include <optional>
#include <span>
#include <string>

#include "metrics.h"

namespace tsunagari {

enum class MetricScale {
    Count,       // a count or mean count per member, from zero up
    Fraction,    // a share or trust level in [0, 1]
};

struct GroupMetric {
    const char* key;         // column name in events.csv, key in summary.json
    MetricScale scale;
    double (*value)(const GroupFigures&);
};

// Every metric, in the column order of events.csv.
[[nodiscard]] std::span<const GroupMetric> groupMetrics();
[[nodiscard]] const GroupMetric* groupMetricNamed(const std::string& key);   // nullptr if unknown

}  // namespace tsunagari
