// How much memory a scenario will need, checked before anything is allocated, so a run
// that cannot fit says so in one line instead of being killed half-way.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "process_memory.h"
#include "scenario.h"

namespace tsunagari {

struct MemoryEstimate {
    uint64_t attendees = 0;
    uint64_t edges = 0;      // directed relationships alive at once, at most
    uint64_t bytes = 0;      // peak, including the edge store's growth headroom
};

// An upper estimate for running `events` events (the scenario's own count when 0).
[[nodiscard]] MemoryEstimate estimateMemory(const Scenario& scenario, int events = 0);
// Bytes this process can still get (the tightest of RAM, ulimit -v and cgroup; see
// process_memory.h), or nullopt where unknown.
[[nodiscard]] std::optional<uint64_t> availableMemoryBytes();
// One line ("needs about 41.3 GB for 1000000 attendees and up to ... relationships; this
// machine has 22.9 GB available") when the estimate exceeds `available`; nullopt when it fits.
[[nodiscard]] std::optional<std::string> memoryShortfall(const Scenario& scenario, int events, uint64_t available);
// The same, naming the limit that binds ("the address-space limit (ulimit -v) leaves 1.8 GB").
[[nodiscard]] std::optional<std::string> memoryShortfall(const Scenario& scenario, int events, const MemoryBudget& budget);
[[nodiscard]] std::string formatBytes(uint64_t bytes);   // "512 MB", "41.3 GB"

}  // namespace tsunagari
