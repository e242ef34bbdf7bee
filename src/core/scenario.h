// A scenario as plain data: what a scenario file says, after validation.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "params.h"
#include "traits.h"

namespace tsunagari {

enum class EventKind : int { Chapter, Mixer, Community, OneToOnes, Count };
enum class Policy : int { Random, Rotation, Complementary, Warm, Count };

[[nodiscard]] const char* eventKindKey(EventKind k);    // "chapter", "mixer", "community", "one_to_ones"
[[nodiscard]] const char* policyKey(Policy p);           // "random", "rotation", "complementary", "warm"
[[nodiscard]] bool eventKindFromKey(const std::string& key, EventKind& out);
[[nodiscard]] bool policyFromKey(const std::string& key, Policy& out);

struct Bilingual {
    std::string en;
    std::string ja;
};

// One line of the population: `count` attendees sharing an archetype and trait overrides.
// An explicit attendee is a cohort of one with a name.
struct Cohort {
    std::string label;                     // shown in tables; defaults to the archetype key
    std::string labelJa;                   // the window's Japanese label; empty = as `label`
    std::string archetype;                 // key into archetypes()
    int count = 1;
    Traits traits;                         // archetype preset with the overrides applied
    std::vector<std::string> professions;  // cycled over members; empty = all professions in turn
    std::vector<std::string> names;        // names of the first members; the rest are numbered
    std::vector<std::string> joins;        // calendar entries whose members this cohort is; empty = all

    [[nodiscard]] bool joinsSeries(const std::string& series) const {
        return joins.empty() || std::find(joins.begin(), joins.end(), series) != joins.end();
    }
};

// One recurring line of the calendar: an event series.
struct CalendarEntry {
    std::string name;            // e.g. "weekly chapter"
    std::string nameJa;          // the window's Japanese name, e.g. "週次定例会"; empty = as `name`
    EventKind kind = EventKind::Chapter;
    int firstDay = 0;
    int everyDays = 7;
    int occurrences = 0;         // 0 = no end
    int rounds = 3;              // conversation rounds per event
    int groupSize = 4;           // people per conversation group
    double hours = 1.5;          // length of the event
    double attendance = 0.9;     // chance each member attends a given occurrence
    bool hasPolicy = false;      // otherwise the scenario's matchmaking policy applies
    Policy policy = Policy::Random;
};

struct Scenario {
    Bilingual title;
    Bilingual description;
    uint64_t seed = 1;
    int events = 40;             // events a plain `run` simulates
    Policy matchmaking = Policy::Rotation;
    std::vector<Cohort> population;
    std::vector<CalendarEntry> calendar;
    Params params;
    Mechanisms mechanisms;
};

// Limits checked before anything is allocated.
inline constexpr int kMaxAttendees = 1'000'000;
inline constexpr int kMaxEvents = 1'000'000;
inline constexpr int kMaxRounds = 100;
inline constexpr int kMaxGroupSize = 50;
inline constexpr int kMaxDay = 1 << 28;   // the calendar ends here (about 735,000 years): day arithmetic never overflows
inline constexpr int kMaxCohorts = 1'000'000;        // one per attendee at most
inline constexpr int kMaxCalendarEntries = 10'000;

}  // namespace tsunagari
