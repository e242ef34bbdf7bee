// Building scenarios in code (the calibration table, the lesson grid): a cohort from an
// archetype, a calendar series, with the fields scenario files would give them.
#pragma once
#include <string>
#include <vector>

#include "scenario.h"

namespace tsunagari {

// `count` members of an archetype (its preset traits), labelled `label`, joining `joins` (empty: every series).
[[nodiscard]] Cohort cohortOf(const std::string& archetype, const std::string& label, int count,
                              std::vector<std::string> joins = {});

// A series of `kind` from `firstDay`, every `everyDays`, of `hours` in `rounds` rounds at tables of `groupSize`.
[[nodiscard]] CalendarEntry seriesOf(const std::string& name, EventKind kind, int firstDay, int everyDays, double hours,
                                     int rounds, int groupSize, double attendance);

}  // namespace tsunagari
