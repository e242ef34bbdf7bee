// Memory estimate: attendees with their client books, the relationships they can keep
// alive at once, event records and referral records.
#include "memory_limits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "world.h"

namespace tsunagari {

namespace {
// Bytes per directed relationship: the edge, its share of hash slots at a quarter to half
// load, its out-list entry, doubled for released pairs waiting for a sweep and vector growth.
constexpr uint64_t kBytesPerEdge = (sizeof(Edge) + 16 + 4) * 2;
constexpr double kRememberDays = 240;  // a tie met a few times is remembered about this long (evidence half-life up to 180 days)
}  // namespace

MemoryEstimate estimateMemory(const Scenario& s, int events) {
    MemoryEstimate m;
    for (const auto& c : s.population) m.attendees += uint64_t(std::max(0, c.count));
    const uint64_t n = m.attendees;
    const int runEvents = events > 0 ? events : s.events;

    // People one attendee can meet within the memory horizon, over every series.
    double metPerAttendee = 0;
    int longestSpan = 0;
    for (const auto& e : s.calendar) {
        const double perEvent = e.kind == EventKind::OneToOnes
            ? 1.0
            : e.rounds * (e.groupSize - 1 + s.params[Param::CardSwapsPerRound]) +
                  // a chapter's plenary: everyone hears the presenters who fit
                  (e.kind == EventKind::Chapter ? e.hours * s.params[Param::PlenaryShare] * 60.0 / s.params[Param::PresentationMinutes] : 0.0);
        const double occurrences = std::min(kRememberDays / std::max(1, e.everyDays) + 1, double(runEvents));
        metPerAttendee += perEvent * occurrences;
        longestSpan = std::max(longestSpan, e.firstDay + e.everyDays * runEvents);
    }
    const double perAttendee = std::min(double(n > 0 ? n - 1 : 0), metPerAttendee);
    // Released pairs keep their places until a sweep makes them reusable: a quarter more.
    m.edges = uint64_t(double(n) * perAttendee * 1.25);

    const uint64_t clients = uint64_t(s.params[Param::ClientsPerAttendee]);
    const double years = std::min(double(longestSpan), 365.0 * 200) / 365.0;
    const double referrals = double(n) * double(clients) * s.params[Param::NeedsPerClientPerYear] * years;
    m.bytes = n * (sizeof(Attendee) + clients * sizeof(float) + 64) + m.edges * kBytesPerEdge +
              uint64_t(runEvents) * (sizeof(EventRecord) + s.population.size() * sizeof(GroupFigures)) +
              uint64_t(referrals * double(sizeof(Referral)));
    return m;
}

std::optional<uint64_t> availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    uint64_t kb = 0;
    std::string unit;
    while (meminfo >> key >> kb >> unit)
        if (key == "MemAvailable:") return kb * 1024;
    return std::nullopt;
}

std::string formatBytes(uint64_t bytes) {
    char text[32];
    if (bytes >= (1ull << 30)) std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / double(1ull << 30));
    else std::snprintf(text, sizeof text, "%.0f MB", std::ceil(double(bytes) / double(1ull << 20)));
    return text;
}

std::optional<std::string> memoryShortfall(const Scenario& s, int events, uint64_t available) {
    const MemoryEstimate m = estimateMemory(s, events);
    if (m.bytes <= available) return std::nullopt;
    std::ostringstream line;
    line << "needs about " << formatBytes(m.bytes) << " of memory (" << m.attendees << " attendees, up to " << m.edges
         << " relationships); this machine has " << formatBytes(available) << " available";
    return line.str();
}

}  // namespace tsunagari
