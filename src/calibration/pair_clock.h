// Time together per pair, as Hall (2019) counts it: hours in each other's company (a
// chapter's whole-room plenary, a shared table, a 1-to-1), and the days they met, kept
// beside a small World by stepping it round by round. For calibration only: it costs
// attendees² memory, so it serves rooms of a few hundred.
#pragma once
#include <cstdint>
#include <vector>

#include "world.h"

namespace tsunagari::calibration {

class PairClock {
public:
    explicit PairClock(size_t attendees);

    // Steps `world` through its next event, adding what each round shared; false if none left.
    bool stepEvent(World& world);

    [[nodiscard]] double hours(uint32_t a, uint32_t b) const { return m_hours[index(a, b)]; }
    // Days on which a and b met (same chapter room, same table, same 1-to-1), ascending.
    [[nodiscard]] const std::vector<int>& meetings(uint32_t a, uint32_t b) const { return m_days[index(a, b)]; }
    [[nodiscard]] int meetingsBetween(uint32_t a, uint32_t b, int fromDay, int toDay) const;   // inclusive days

private:
    [[nodiscard]] size_t index(uint32_t a, uint32_t b) const { return size_t(a) * m_n + b; }
    void together(uint32_t a, uint32_t b, double hours, int day);

    size_t m_n;
    std::vector<double> m_hours;           // symmetric, n × n
    std::vector<std::vector<int>> m_days;  // symmetric, n × n
};

}  // namespace tsunagari::calibration
