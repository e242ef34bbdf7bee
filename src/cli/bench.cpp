// `tsunagari-cli bench`: builds a daily-mixer scenario per size, times it with the steady clock
// (wall time is fine here; the core never reads a clock) and reports speed and memory.
#include "bench.h"

#include <chrono>
#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

#include "bench_soak.h"
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

// Peak resident set size of this process (VmHWM), in bytes; empty where /proc is missing.
std::optional<double> peakRssBytes() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kb = 0;
            if (status >> kb) return kb * 1024;
            return std::nullopt;
        }
        status.ignore(1 << 12, '\n');
    }
    return std::nullopt;
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
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

}  // namespace

int runBench(const BenchOptions& options, std::ostream& out) {
    if (options.soakEvery) return runSoak(options, out);
    out << "bench: one mixer a day, everyone attending (random matchmaking, groups of 4, 4 rounds); one thread\n";
    out << padLeft("attendees", 10) << padLeft("events", 9) << padLeft("seconds", 9) << padLeft("events/s", 11)
        << padLeft("conversations/s", 17) << padLeft("model MiB", 11) << padLeft("peak RSS MiB", 14) << "\n";
    std::optional<double> goalRate;
    for (int size : options.attendees) {
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
        const auto rss = peakRssBytes();
        out << padLeft(std::to_string(size), 10) << padLeft(std::to_string(world.eventsDone()), 9)
            << padLeft(formatFixed(seconds, 3), 9)
            << padLeft(formatFixed(seconds > 0 ? world.eventsDone() / seconds : 0, 1), 11)
            << padLeft(formatFixed(rate, 0), 17) << padLeft(mib(double(world.memoryBytes())), 11)
            << padLeft(rss ? mib(*rss) : "n/a", 14) << "\n"
            << std::flush;
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
