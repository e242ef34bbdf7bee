#include "calendar_length.h"

#include <algorithm>
#include <cmath>

namespace tsunagari {

double daysIn(const RunLength& length) {
    switch (length.unit) {
        case LengthUnit::Events: return 0;
        case LengthUnit::Days: return length.amount;
        case LengthUnit::Weeks: return length.amount * 7;
        case LengthUnit::Months: return length.amount * 365.25 / 12;
        case LengthUnit::Years: return length.amount * 365.25;
    }
    return 0;
}

int eventsBeforeDay(const Scenario& scenario, double days) {
    int64_t total = 0;
    for (const CalendarEntry& entry : scenario.calendar) {
        if (entry.firstDay >= days || entry.everyDays <= 0) continue;
        // Occurrence k falls on firstDay + k * everyDays; count those below `days`.
        const double span = std::ceil((days - entry.firstDay) / entry.everyDays);
        int64_t count = int64_t(std::min(span, double(kMaxEvents)));
        if (entry.occurrences > 0) count = std::min<int64_t>(count, entry.occurrences);
        total += count;
    }
    return int(std::min<int64_t>(total, kMaxEvents));
}

int eventsIn(const Scenario& scenario, const RunLength& length) {
    if (length.unit == LengthUnit::Events) return int(length.amount);
    return eventsBeforeDay(scenario, daysIn(length));
}

std::optional<LengthUnit> lengthUnitNamed(const std::string& name) {
    static const std::pair<const char*, LengthUnit> kNames[] = {
        {"events", LengthUnit::Events}, {"event", LengthUnit::Events}, {"days", LengthUnit::Days},
        {"day", LengthUnit::Days},      {"weeks", LengthUnit::Weeks},   {"week", LengthUnit::Weeks},
        {"months", LengthUnit::Months}, {"month", LengthUnit::Months},  {"years", LengthUnit::Years},
        {"year", LengthUnit::Years}};
    for (const auto& [text, unit] : kNames)
        if (name == text) return unit;
    return std::nullopt;
}

const char* lengthUnitName(LengthUnit unit) {
    switch (unit) {
        case LengthUnit::Events: return "events";
        case LengthUnit::Days: return "days";
        case LengthUnit::Weeks: return "weeks";
        case LengthUnit::Months: return "months";
        case LengthUnit::Years: return "years";
    }
    return "events";
}

}  // namespace tsunagari
