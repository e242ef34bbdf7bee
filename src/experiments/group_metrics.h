// The per-group figures of a run (GroupFigures) by the names events.csv uses as columns,
// and the per-member figures an evolution may use as fitness.
#pragma once
#include <string>
#include <vector>

#include "world.h"

namespace tsunagari::experiments {

struct GroupMetric {
    const char* name;                          // "referrals_received"
    double (*of)(const GroupFigures& figures);
};

// members, contacts, collaborators, referrals_given, … clients_kept: events.csv's column order.
[[nodiscard]] const std::vector<GroupMetric>& groupMetrics();
// The value of `name` in `figures`; throws std::invalid_argument for an unknown name.
[[nodiscard]] double groupMetric(const GroupFigures& figures, const std::string& name);

// What a member earns or holds, as a fitness: running totals (counted over a season) or
// end-of-season state.
struct MemberMetric {
    const char* name;                          // as the group metric of the same name
    bool runningTotal;                         // true: the season's gain; false: the value at its end
    double (*of)(const Attendee& member);
};
[[nodiscard]] const std::vector<MemberMetric>& memberMetrics();
[[nodiscard]] std::vector<std::string> memberMetricNames();
[[nodiscard]] const MemberMetric& memberMetric(const std::string& name);   // std::invalid_argument if unknown

}  // namespace tsunagari::experiments
