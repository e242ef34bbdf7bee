// Time together per pair, read from the World's event state after each round.
#include "pair_clock.h"

#include <algorithm>

namespace tsunagari::calibration {

PairClock::PairClock(size_t attendees) : m_n(attendees), m_hours(attendees * attendees, 0.0), m_days(attendees * attendees) {}

void PairClock::together(uint32_t a, uint32_t b, double hours, int day) {
    if (a == b || a >= m_n || b >= m_n) return;
    for (const size_t i : {index(a, b), index(b, a)}) {
        m_hours[i] += hours;
        if (m_days[i].empty() || m_days[i].back() != day) m_days[i].push_back(day);
    }
}

int PairClock::meetingsBetween(uint32_t a, uint32_t b, int fromDay, int toDay) const {
    const auto& days = meetings(a, b);
    return int(std::upper_bound(days.begin(), days.end(), toDay) - std::lower_bound(days.begin(), days.end(), fromDay));
}

bool PairClock::stepEvent(World& world) {
    if (!world.stepRound()) return false;
    for (;;) {
        const EventState& ev = world.event();
        const int day = ev.day;
        const CalendarEntry& entry = world.scenario().calendar[size_t(ev.entry)];
        const bool firstRound = ev.round == 1;
        std::vector<uint8_t> late(m_n, 0);
        for (size_t i = 0; i < ev.participants.size(); ++i) late[ev.participants[i]] = ev.late[i];
        // The chapter's plenary: everyone present shares the room (time counted, not the weight given to it).
        if (firstRound && ev.kind == EventKind::Chapter && world.mechanisms()[Mechanism::Plenary]) {
            const double plenary = entry.hours * world.params()[Param::PlenaryShare];
            for (const uint32_t a : ev.participants)
                for (const uint32_t b : ev.participants)
                    if (a < b) together(a, b, plenary, day);
        }
        for (size_t g = 0; g < ev.groupCount(); ++g)
            for (uint32_t i = ev.groupStarts[g]; i < ev.groupStarts[g + 1]; ++i)
                for (uint32_t j = i + 1; j < ev.groupStarts[g + 1]; ++j) {
                    const uint32_t a = ev.groupMembers[i], b = ev.groupMembers[j];
                    if (firstRound && (late[a] || late[b])) continue;
                    together(a, b, ev.roundHours, day);
                }
        if (!ev.inProgress) return true;   // the last round closed the event
        world.stepRound();
    }
}

}  // namespace tsunagari::calibration
