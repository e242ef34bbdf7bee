// `tsunagari-cli bench`: builds a daily-mixer scenario per size, times it with the steady clock
// (wall time is fine here; the core never reads a clock) and reports speed and memory.
#include "bench.h"

#include <chrono>
#include <fstream>
#include <optional>
#include <string>
#include <vector>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <nlohmann/json.hpp>

#include "bench_soak.h"
#include "memory_floor.h"
#include "report.h"
#include "scenario_io.h"
#include "traits.h"
#include "world.h"

namespace tsunagari::cli {

namespace {

constexpr int kGoalAttendees = 10'000;
constexpr double kGoalConversationsPerSecond = 10e6;

}  // namespace

// Every archetype in equal shares, all at one mixer a day, everyone attending.
nlohmann::json benchScenario(int attendees) {
    const auto keys = archetypeKeys();
    nlohmann::json population = nlohmann::json::array();
    for (size_t i = 0; i < keys.size(); ++i) {
        const int count = attendees / int(keys.size()) + (int(i) < attendees % int(keys.size()) ? 1 : 0);
        if (count > 0) population.push_back({{"archetype", keys[i]}, {"count", count}});
    }
    return {{"title", {{"en", "bench"}, {"ja", "ベンチ"}}},
            {"description", {{"en", "A daily mixer for timing."}, {"ja", "計測用の毎日の交流会。"}}},
            {"seed", uint64_t{1}},  // unsigned, as a parsed file holds it
            {"events", 1},
            {"matchmaking", "random"},
            {"population", population},
            {"calendar",
             {{{"name", "mixer"}, {"kind", "mixer"}, {"first_day", 0}, {"every_days", 1}, {"rounds", 4},
               {"group_size", 4}, {"hours", 2.0}, {"attendance", 1.0}, {"matchmaking", "random"}}}}};
}

namespace {

// A "Key: <n> kB" line of /proc/self/status (VmRSS, VmHWM), in bytes; empty where /proc is missing.
std::optional<double> statusBytes(const std::string& wanted) {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == wanted) {
            double kb = 0;
            if (status >> kb) return kb * 1024;
            return std::nullopt;
        }
        status.ignore(1 << 12, '\n');
    }
    return std::nullopt;
}

// Restarts the peak-RSS count (Linux: "5" to clear_refs), so the floor's buffer is not in the
// peak of the sizes measured after it; where that fails the peak includes it.
void resetPeakRss() {
    std::ofstream clear("/proc/self/clear_refs");
    if (clear) clear << "5\n";
}

// Hands freed heap back to the system, so one size's resident memory is not the last one's.
void returnFreedMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

std::string mib(double bytes) { return formatFixed(bytes / (1024.0 * 1024.0), 1); }

// 12345678 -> "12,345,678", for the goal line.
std::string grouped(double value) {
    const std::string digits = formatFixed(value, 0);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string padLeft(const std::string& s, size_t width) {
    return s.size() >= width ? " " + s : std::string(width - s.size(), ' ') + s;
}

}  // namespace

int runBench(const BenchOptions& options, std::ostream& out) {
    if (options.soakEvery) return runSoak(options, out);
    out << "bench: one mixer a day, everyone attending (random matchmaking, groups of 4, 4 rounds); one thread\n";
    std::optional<MemoryFloor> floor;
    if (options.floorMiB > 0) {
        floor = measureMemoryFloor(size_t(options.floorMiB) << 20);
        out << "memory floor: " << formatFixed(floor->nsPerLineInFlight, 1)
            << " ns per random 64-byte line with many reads in flight, " << formatFixed(floor->nsPerLineChased, 1)
            << " ns as a dependent chase (" << mib(double(floor->workingSetBytes)) << " MiB working set)\n";
        returnFreedMemory();
        resetPeakRss();
    }
    out << padLeft("attendees", 10) << padLeft("events", 7) << padLeft("seconds", 8) << padLeft("conversations/s", 16)
        << padLeft("ns/conv", 8) << padLeft("x floor", 8) << padLeft("live pairs", 11) << padLeft("B/pair", 7)
        << padLeft("model MiB", 10) << padLeft("RSS MiB", 9) << padLeft("model/RSS", 10) << padLeft("peak RSS MiB", 13)
        << "\n";
    struct Bytes {
        int size;
        size_t livePairs;
        RelationshipStore::MemoryUse store;
        size_t calendar, total;
    };
    std::vector<Bytes> breakdown;
    std::optional<double> goalRate;
    for (int size : options.attendees) {
        returnFreedMemory();
        World world(scenarioFromJson(benchScenario(size), "<bench>"));
        uint64_t conversations = 0;
        const auto start = std::chrono::steady_clock::now();
        double seconds = 0;
        // A fixed count if asked, otherwise enough events for a one-second measurement.
        while (options.events ? world.eventsDone() < *options.events : seconds < 1.0) {
            if (!world.stepEvent()) break;
            conversations += world.history().back().conversations;
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        const double rate = seconds > 0 ? double(conversations) / seconds : 0;
        if (size == kGoalAttendees) goalRate = rate;
        const double nsPerConversation = conversations > 0 ? seconds * 1e9 / double(conversations) : 0;
        const auto rss = statusBytes("VmRSS:");
        const auto peak = statusBytes("VmHWM:");
        const double model = double(world.memoryBytes());
        const size_t live = world.relationships().livePairs();
        breakdown.push_back({size, live, world.relationships().memoryUse(), world.forgetCalendarUse().bytes, size_t(model)});
        out << padLeft(std::to_string(size), 10) << padLeft(std::to_string(world.eventsDone()), 7)
            << padLeft(formatFixed(seconds, 3), 8) << padLeft(formatFixed(rate, 0), 16)
            << padLeft(formatFixed(nsPerConversation, 0), 8)
            << padLeft(floor ? formatFixed(nsPerConversation / floor->nsPerLineInFlight, 1) : "n/a", 8)
            << padLeft(std::to_string(live), 11) << padLeft(live > 0 ? formatFixed(model / double(live), 0) : "n/a", 7)
            << padLeft(mib(model), 10) << padLeft(rss ? mib(*rss) : "n/a", 9)
            << padLeft(rss && *rss > 0 ? formatFixed(model / *rss, 2) : "n/a", 10) << padLeft(peak ? mib(*peak) : "n/a", 13)
            << "\n"
            << std::flush;
    }
    out << "bytes per live pair by structure (pair array places / live pairs in brackets):\n";
    for (const Bytes& b : breakdown) {
        if (b.livePairs == 0) continue;
        const auto per = [&](size_t bytes) { return formatFixed(double(bytes) / double(b.livePairs), 1); };
        const size_t rest = b.total - b.store.total() - b.calendar;
        out << padLeft(std::to_string(b.size), 10) << ": pairs " << per(b.store.pairs) << " ("
            << formatFixed(double(b.store.pairPlaces) / double(b.livePairs), 2) << "), hash slots " << per(b.store.slots)
            << ", out-lists " << per(b.store.outLists) << ", forgetting calendar " << per(b.calendar)
            << ", release bits and free list " << per(b.store.other) << ", everything else " << per(rest) << "\n";
    }
    out << "goal: >= " << grouped(kGoalConversationsPerSecond) << " conversations/s at " << grouped(kGoalAttendees)
        << " attendees: ";
    if (!goalRate)
        out << "not measured (add " << kGoalAttendees << " to --attendees)\n";
    else
        out << (*goalRate >= kGoalConversationsPerSecond ? "met" : "NOT met") << " (" << grouped(*goalRate)
            << " conversations/s)\n";
    return kExitOk;
}

}  // namespace tsunagari::cli
