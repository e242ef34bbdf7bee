// How much more memory this process may take: the least of the machine's available RAM, the
// address-space limit (ulimit -v) and the cgroup's limit, each where it can be read.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace tsunagari {

struct MemoryBudget {
    uint64_t bytes = 0;
    std::string limitedBy;   // what sets it: "this machine", "the address-space limit (ulimit -v)", "the cgroup's memory limit"
};

// The tightest limit on further allocation, or nullopt where none can be read.
[[nodiscard]] std::optional<MemoryBudget> memoryBudget();

}  // namespace tsunagari
