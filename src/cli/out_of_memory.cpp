// Out-of-memory reporting: names the input and the memory held, read from /proc after the
// failed allocation (its storage was never given, so these few small reads still succeed).
#include "out_of_memory.h"

#include <fstream>
#include <optional>
#include <sstream>

#include "memory_limits.h"

namespace tsunagari::cli {

namespace {

// Peak address space of this process (VmPeak), in bytes.
std::optional<uint64_t> peakVirtualBytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        std::istringstream fields(line);
        std::string key;
        uint64_t kb = 0;
        if (fields >> key >> kb && key == "VmPeak:") return kb * 1024;
    }
    return std::nullopt;
}

std::string commandAndInput(const Command& c) {
    switch (c.kind) {
        case CommandKind::Run:
            return "run: " + (!c.run.from.empty() ? c.run.from : c.run.resume.empty() ? c.run.scenario : c.run.resume);
        case CommandKind::Validate: return "validate: " + c.validate.scenario;
        case CommandKind::Bench: return "bench";
        case CommandKind::Calibrate: return "calibrate";
        case CommandKind::Lessons: return "lessons";
        case CommandKind::Story: return "story: " + c.story.story;
        case CommandKind::Play: return "play: " + c.play.scenario;
        case CommandKind::Chart: return "chart: " + c.chart.dir;
        case CommandKind::Tournament: return "tournament: " + c.tournament.spec;
        case CommandKind::Evolve: return "evolve: " + c.tournament.spec;
        case CommandKind::Sweep: return "sweep: " + c.sweep.spec;
        case CommandKind::Compare: return "compare: " + c.compare.scenario;
        case CommandKind::Merge: return "merge: " + c.merge.outDir;
        case CommandKind::Help: break;
    }
    return "";
}

}  // namespace

std::string outOfMemoryLine(const Command& command) {
    std::string line = "tsunagari-cli";
    if (const std::string what = commandAndInput(command); !what.empty()) line += " " + what;
    line += ": out of memory";
    const auto peak = peakVirtualBytes();
    const auto budget = memoryBudget();
    if (peak || budget) {
        line += " (";
        if (peak) line += "the process had reserved " + formatBytes(*peak) + " at its peak";
        if (peak && budget) line += "; ";
        if (budget) line += budget->limitedBy + (budget->limitedBy == "this machine" ? " has " : " leaves ") + formatBytes(budget->bytes);
        line += ")";
    }
    return line;
}

}  // namespace tsunagari::cli
