// Small scenarios built in code for unit tests of single mechanisms.
#pragma once
#include "world.h"

namespace tsunagari::testing {

inline Cohort cohortOf(const char* archetype, int count, const char* label = nullptr) {
    Cohort c;
    c.archetype = archetype;
    c.label = label ? label : archetype;
    c.count = count;
    c.traits = findArchetype(archetype)->traits;
    return c;
}

inline CalendarEntry seriesOf(const char* name, EventKind kind, int everyDays, int rounds = 3, int groupSize = 4,
                              double hours = 1.5, double attendance = 1.0) {
    CalendarEntry e;
    e.name = name;
    e.kind = kind;
    e.everyDays = everyDays;
    e.rounds = rounds;
    e.groupSize = groupSize;
    e.hours = hours;
    e.attendance = attendance;
    return e;
}

// A 24-person weekly chapter of average members.
inline Scenario smallChapter(uint64_t seed = 1) {
    Scenario s;
    s.title = {"Small chapter", "小さな定例会"};
    s.description = {"24 average members meeting weekly", "平均的なメンバー24人の週次定例会"};
    s.seed = seed;
    s.population = {cohortOf("average", 24)};
    s.calendar = {seriesOf("chapter", EventKind::Chapter, 7)};
    return s;
}

}  // namespace tsunagari::testing
