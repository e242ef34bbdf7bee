// Soak benchmark: every EVERY events, the process's resident and peak memory beside the live
// ties and the model's own figure, then the growth of the peak from a quarter of the run to its end.
#include "bench_soak.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>

#include "bench.h"
#include "report.h"
#include "scenario_io.h"
#include "world.h"

namespace tsunagari::cli {

namespace {

constexpr int kDefaultSoakEvents = 600;

// A "Key: <n> kB" line of /proc/self/status, in MiB; 0 where unreadable.
double statusMiB(const std::string& wanted) {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == wanted) {
            double kb = 0;
            status >> kb;
            return kb / 1024.0;
        }
        status.ignore(1 << 12, '\n');
    }
    return 0;
}

std::string column(const std::string& s, size_t width) { return s.size() >= width ? " " + s : std::string(width - s.size(), ' ') + s; }

// Where the model's bytes per live tie go: "pairs 33.1 (1.10) slots 9.4 out-lists 14.0 calendar 4.0".
std::string structureBytes(const World& world) {
    const size_t ties = world.relationships().liveEdges();
    if (ties == 0) return "n/a";
    const auto store = world.relationships().memoryUse();
    const auto per = [&](size_t bytes) { return formatFixed(double(bytes) / double(ties), 1); };
    return "pairs " + per(store.pairs) + " (" + formatFixed(2.0 * double(store.pairPlaces) / double(ties), 2) + ") slots " +
           per(store.slots) + " out-lists " + per(store.outLists) + " calendar " + per(world.forgetCalendarUse().bytes);
}

}  // namespace

int runSoak(const BenchOptions& options, std::ostream& out) {
    const int events = options.events.value_or(kDefaultSoakEvents);
    const int every = *options.soakEvery;
    const int quarter = std::max(1, events / 4);
    out << "soak: one mixer a day, everyone attending, " << events << " events; memory every " << every << " events\n";
    for (int size : options.attendees) {
        World world(scenarioFromJson(benchScenario(size), "<bench>"));
        out << column("attendees", 10) << column("events", 8) << column("seconds", 9) << column("live ties", 12)
            << column("RSS MiB", 10) << column("peak MiB", 10) << column("model MiB", 11) << column("model B/tie", 13)
            << "   B/tie: pairs (places/pair) slots out-lists calendar\n";
        const auto start = std::chrono::steady_clock::now();
        double peakAtQuarter = 0;
        while (world.eventsDone() < events && world.stepEvent()) {
            if (world.eventsDone() == quarter) peakAtQuarter = statusMiB("VmHWM:");
            if (world.eventsDone() % every != 0 && world.eventsDone() != events) continue;
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const size_t ties = world.relationships().liveEdges();
            const double model = double(world.memoryBytes());
            out << column(std::to_string(size), 10) << column(std::to_string(world.eventsDone()), 8)
                << column(formatFixed(seconds, 1), 9) << column(std::to_string(ties), 12)
                << column(formatFixed(statusMiB("VmRSS:"), 1), 10) << column(formatFixed(statusMiB("VmHWM:"), 1), 10)
                << column(formatFixed(model / (1024.0 * 1024.0), 1), 11)
                << column(ties > 0 ? formatFixed(model / double(ties), 0) : "n/a", 13) << "   "
                << structureBytes(world) << "\n"
                << std::flush;
        }
        const double peakAtEnd = statusMiB("VmHWM:");
        if (peakAtQuarter > 0)
            out << "peak RSS after " << world.eventsDone() << " events is " << formatFixed(peakAtEnd / peakAtQuarter, 2)
                << "x the peak after " << quarter << " (the process's peak: includes any earlier size)\n";
    }
    return kExitOk;
}

}  // namespace tsunagari::cli
