#include "rapport.h"

#include <algorithm>
#include <cmath>

namespace tsunagari {

namespace {

uint64_t mix(uint64_t z) {   // splitmix64's finaliser
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double unitInterval(uint64_t bits) { return double(bits >> 11) * 0x1.0p-53; }

}  // namespace

double rapport(uint64_t seed, uint32_t a, uint32_t b, double spread) {
    if (spread <= 0) return 1.0;
    const uint64_t pair = uint64_t(std::min(a, b)) << 32 | std::max(a, b);
    const uint64_t first = mix(mix(seed ^ 0x5241505041524Full) ^ pair);
    const double u1 = std::max(unitInterval(first), 0x1.0p-53), u2 = unitInterval(mix(first));
    const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);   // Box-Muller
    return std::exp(spread * normal - spread * spread / 2.0);
}

}  // namespace tsunagari
