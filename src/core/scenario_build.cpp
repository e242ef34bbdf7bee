// Cohorts and calendar series built in code.
#include "scenario_build.h"

#include <stdexcept>

namespace tsunagari {

Cohort cohortOf(const std::string& archetype, const std::string& label, int count, std::vector<std::string> joins) {
    const Archetype* preset = findArchetype(archetype);
    if (!preset) throw std::invalid_argument("no archetype " + archetype);
    Cohort c;
    c.archetype = archetype;
    c.label = label;
    c.count = count;
    c.traits = preset->traits;
    c.joins = std::move(joins);
    return c;
}

CalendarEntry seriesOf(const std::string& name, EventKind kind, int firstDay, int everyDays, double hours, int rounds,
                       int groupSize, double attendance) {
    CalendarEntry e;
    e.name = name;
    e.kind = kind;
    e.firstDay = firstDay;
    e.everyDays = everyDays;
    e.hours = hours;
    e.rounds = rounds;
    e.groupSize = groupSize;
    e.attendance = attendance;
    return e;
}

}  // namespace tsunagari
