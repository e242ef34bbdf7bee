// A run's length in calendar time (days, weeks, months, years) turned into a count of
// events, since an "event" of a monthly mixer and of a weekly chapter are not the same time.
#pragma once
#include <optional>
#include <string>

#include "scenario.h"

namespace tsunagari {

enum class LengthUnit { Events, Days, Weeks, Months, Years };

struct RunLength {
    LengthUnit unit = LengthUnit::Events;
    double amount = 0;          // > 0; whole for events and days
};

// Days in a length: a week is 7 days, a month 365.25 / 12 (30.44) days, a year 365.25 days.
[[nodiscard]] double daysIn(const RunLength& length);

// Events on calendar days 0 .. days − 1 (days may be fractional: a day counts when it is
// below it), over every calendar entry, its first day, period and number of occurrences.
// So a weekly chapter from day 0 holds 53 events in a year (days 0, 7, …, 364).
[[nodiscard]] int eventsBeforeDay(const Scenario& scenario, double days);

// Events a run of `length` simulates: the amount itself for Events, otherwise eventsBeforeDay.
[[nodiscard]] int eventsIn(const Scenario& scenario, const RunLength& length);

// "events", "days", "weeks", "months", "years" (and their singulars); nullopt for anything else.
[[nodiscard]] std::optional<LengthUnit> lengthUnitNamed(const std::string& name);
[[nodiscard]] const char* lengthUnitName(LengthUnit unit);   // plural: "events", "days", …

}  // namespace tsunagari
