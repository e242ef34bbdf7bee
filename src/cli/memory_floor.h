// The memory floor of the machine the bench runs on: what a random 64-byte line costs when many
// reads are in flight, and when each read needs the one before it (a dependent chase), over a
// working set far larger than any cache. The bench divides its time per conversation by it.
#pragma once
#include <cstddef>

namespace tsunagari::cli {

struct MemoryFloor {
    double nsPerLineInFlight = 0;   // independent random lines, many outstanding at once
    double nsPerLineChased = 0;     // each line's address read from the line before
    size_t workingSetBytes = 0;
};

// Measures both over `bytes` of memory (rounded down to a power of two of 64-byte lines).
[[nodiscard]] MemoryFloor measureMemoryFloor(size_t bytes);

}  // namespace tsunagari::cli
