// Memory estimate: attendees with their client books, the relationships they can keep
// alive at once, event records and referral records.
#include "memory_limits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <queue>
#include <sstream>
#include <vector>

#include "world.h"

namespace tsunagari {

namespace {
// Bytes per directed relationship (see issue 11 items 14-15 for what was missed before): the
// edge (half a 64-byte pair line), its hash slots at a quarter to half load and the copy while
// the table doubles, its out-list entry, its forgetting-calendar entry and its place on the list
// of ties that may be known, each vector up to twice its size (tests/test_memory_honest.cpp
// holds this against the resident size of real runs).
constexpr uint64_t kBytesPerEdge = sizeof(Edge) + 24 + 2 * 8 + 2 * 8 + 2 * 4;
// Per attendee beyond the Attendee itself: its out-list header, counters and snapshot tables.
constexpr uint64_t kBytesPerAttendee = 128;
constexpr double kRememberDays = 240;  // a tie met a few times is remembered about this long (evidence half-life up to 180 days)

// How many of a run's events each calendar line holds, and the day of the last, in the
// calendar's own order (the earliest next day first, ties to the earlier line).
struct RunShape {
    std::vector<int64_t> occurrences;
    int64_t lastDay = 0;
};

RunShape runShape(const std::vector<CalendarEntry>& calendar, int events) {
    using Next = std::pair<int64_t, size_t>;   // day, calendar line
    std::priority_queue<Next, std::vector<Next>, std::greater<>> next;
    for (size_t i = 0; i < calendar.size(); ++i) next.push({calendar[i].firstDay, i});
    RunShape shape;
    shape.occurrences.assign(calendar.size(), 0);
    for (int done = 0; done < events && !next.empty(); ++done) {
        const auto [day, line] = next.top();
        next.pop();
        if (day > kMaxDay) break;
        const CalendarEntry& e = calendar[line];
        ++shape.occurrences[line];
        shape.lastDay = day;
        if (e.occurrences == 0 || shape.occurrences[line] < e.occurrences) next.push({day + e.everyDays, line});
    }
    return shape;
}

}  // namespace

MemoryEstimate estimateMemory(const Scenario& s, int events) {
    MemoryEstimate m;
    for (const auto& c : s.population) m.attendees += uint64_t(std::max(0, c.count));
    const uint64_t n = m.attendees;
    const int runEvents = events > 0 ? events : s.events;
    const RunShape shape = runShape(s.calendar, runEvents);

    // People one attendee can meet within the memory horizon, over every series: without
    // forgetting, the horizon is the whole run (issue 11 item 14).
    const bool forgetting = s.mechanisms[Mechanism::Forgetting];
    double metPerAttendee = 0;
    for (size_t i = 0; i < s.calendar.size(); ++i) {
        const CalendarEntry& e = s.calendar[i];
        const double perEvent = e.kind == EventKind::OneToOnes
            ? 1.0
            // cards swapped count twice: those an attendee offers and those offered to them
            : e.rounds * (e.groupSize - 1 + 2 * s.params[Param::CardSwapsPerRound]) +
                  // a chapter's plenary: everyone hears the presenters who fit
                  (e.kind == EventKind::Chapter ? e.hours * s.params[Param::PlenaryShare] * 60.0 / s.params[Param::PresentationMinutes] : 0.0);
        const double held = double(shape.occurrences[i]);
        const double occurrences = forgetting ? std::min(kRememberDays / std::max(1, e.everyDays) + 1, held) : held;
        metPerAttendee += perEvent * occurrences;
    }
    const double perAttendee = std::min(double(n > 0 ? n - 1 : 0), metPerAttendee);
    // Released pairs keep their places until a sweep makes them reusable: up to an eighth as many
    // again (relationships.cpp); a quarter is counted, as a margin.
    m.edges = uint64_t(double(n) * perAttendee * 1.25);

    const uint64_t clients = uint64_t(s.params[Param::ClientsPerAttendee]);
    const double years = std::min(double(shape.lastDay + 1), 365.0 * 200) / 365.0;
    const double referrals = double(n) * double(clients) * s.params[Param::NeedsPerClientPerYear] * years;
    m.bytes = n * (sizeof(Attendee) + clients * sizeof(float) + kBytesPerAttendee) + m.edges * kBytesPerEdge +
              uint64_t(runEvents) * (sizeof(EventRecord) + s.population.size() * sizeof(GroupFigures)) +
              uint64_t(referrals * double(sizeof(Referral)));
    return m;
}

std::optional<uint64_t> availableMemoryBytes() {
    const auto budget = memoryBudget();
    if (!budget) return std::nullopt;
    return budget->bytes;
}

std::string formatBytes(uint64_t bytes) {
    char text[32];
    if (bytes >= (1ull << 30)) std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / double(1ull << 30));
    else std::snprintf(text, sizeof text, "%.0f MB", std::ceil(double(bytes) / double(1ull << 20)));
    return text;
}

std::optional<std::string> memoryShortfall(const Scenario& s, int events, uint64_t available) {
    return memoryShortfall(s, events, MemoryBudget{available, "this machine"});
}

std::optional<std::string> memoryShortfall(const Scenario& s, int events, const MemoryBudget& budget) {
    const MemoryEstimate m = estimateMemory(s, events);
    if (m.bytes <= budget.bytes) return std::nullopt;
    std::ostringstream line;
    line << "needs about " << formatBytes(m.bytes) << " of memory (" << m.attendees << " attendees, up to " << m.edges
         << " relationships); ";
    if (budget.limitedBy == "this machine") line << "this machine has " << formatBytes(budget.bytes) << " available";
    else line << budget.limitedBy << " leaves " << formatBytes(budget.bytes);
    return line.str();
}

}  // namespace tsunagari
