// The per-group figures of a run (GroupFigures) as named metrics, in the column order of a
// run's events.csv, so experiment outputs can name and loop over them.
#pragma once
#include <array>
#include <optional>
#include <string>

#include "metrics.h"

namespace tsunagari::experiments {

inline constexpr int kMetricCount = 13;

// "members", "contacts", …, "clients_kept": the order of events.csv's group columns.
[[nodiscard]] const std::array<const char*, kMetricCount>& metricNames();
[[nodiscard]] std::optional<int> metricNamed(const std::string& name);

// Metric `metric` (an index into metricNames()) of one group's figures.
[[nodiscard]] double metricValue(const GroupFigures& figures, int metric);

}  // namespace tsunagari::experiments
