// Random 64-byte lines over a large working set, timed with the steady clock (the bench only;
// the core never reads a clock).
#include "memory_floor.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace tsunagari::cli {

namespace {

struct alignas(64) Line {
    uint64_t word[8];
};

uint64_t mix(uint64_t x) {   // splitmix64 finaliser: a line index that no prefetcher can guess
    x ^= x >> 30; x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27; x *= 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

volatile uint64_t g_sink = 0;   // keeps the timed loads from being optimised away

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

MemoryFloor measureMemoryFloor(size_t bytes) {
    size_t lines = 1;
    while (lines * 2 * sizeof(Line) <= bytes) lines *= 2;
    const uint64_t mask = lines - 1;
    std::vector<Line> memory(lines);   // zeroed: every page is touched before timing

    // A single cycle through every line (Sattolo's shuffle), so the chase never settles in a cache.
    std::vector<uint32_t> order(lines);
    for (size_t i = 0; i < lines; ++i) order[i] = uint32_t(i);
    for (size_t i = lines - 1; i > 0; --i) std::swap(order[i], order[mix(i) % i]);
    for (size_t i = 0; i < lines; ++i) memory[order[i]].word[0] = order[(i + 1) & mask];
    std::vector<uint32_t>().swap(order);

    MemoryFloor floor;
    floor.workingSetBytes = lines * sizeof(Line);

    // Many in flight: the addresses do not depend on loaded data, so the core keeps as many
    // misses outstanding as it can. Best of three passes.
    const size_t reads = std::max<size_t>(lines * 2, size_t(1) << 22);
    double best = 1e300;
    for (int pass = 0; pass < 3; ++pass) {
        const auto start = std::chrono::steady_clock::now();
        uint64_t sum = 0;
        for (size_t i = 0; i < reads; ++i) sum += memory[mix(i + uint64_t(pass) * reads) & mask].word[1];
        best = std::min(best, secondsSince(start));
        g_sink = g_sink + sum;
    }
    floor.nsPerLineInFlight = best * 1e9 / double(reads);

    // Dependent chase: one miss at a time.
    const size_t steps = size_t(1) << 21;
    uint64_t at = 0;
    const auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < steps; ++i) at = memory[at].word[0];
    floor.nsPerLineChased = secondsSince(start) * 1e9 / double(steps);
    g_sink = g_sink + at;
    return floor;
}

}  // namespace tsunagari::cli
