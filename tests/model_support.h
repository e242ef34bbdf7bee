// Small scenarios built in code for unit tests of single mechanisms.
#pragma once
#include "scenario_build.h"
#include "world.h"

namespace tsunagari::testing {

// The core's builders (scenario_build.h) with the defaults these tests lean on.
inline Cohort cohortOf(const char* archetype, int count, const char* label = nullptr) {
    return tsunagari::cohortOf(archetype, label ? label : archetype, count);
}

inline CalendarEntry seriesOf(const char* name, EventKind kind, int everyDays, int rounds = 3, int groupSize = 4,
                              double hours = 1.5, double attendance = 1.0) {
    return tsunagari::seriesOf(name, kind, 0, everyDays, hours, rounds, groupSize, attendance);
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
