// What a member earns or holds over a season, by name: the fitness of an evolution.
#pragma once
#include <string>
#include <vector>

#include "world.h"

namespace tsunagari::experiments {

struct MemberMetric {
    const char* name;                          // as the group metric of the same name (metric_names.h)
    bool runningTotal;                         // true: the season's gain; false: the value at its end
    double (*of)(const Attendee& member);
};
[[nodiscard]] const std::vector<MemberMetric>& memberMetrics();
[[nodiscard]] std::vector<std::string> memberMetricNames();
[[nodiscard]] const MemberMetric& memberMetric(const std::string& name);   // std::invalid_argument if unknown

}  // namespace tsunagari::experiments
