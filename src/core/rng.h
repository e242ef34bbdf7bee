// Our own seeded generator (xoshiro256**) with our own range conversions, so a seed
// gives the same stream on every platform (std distributions differ between libraries).
#pragma once
#include <array>
#include <cstdint>

namespace tsunagari {

class Rng {
public:
    explicit Rng(uint64_t seed = 1) { reseed(seed); }

    void reseed(uint64_t seed) {                  // expands one seed with splitmix64
        for (auto& word : m_state) {
            seed += 0x9E3779B97F4A7C15ull;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            word = z ^ (z >> 31);
        }
    }

    uint64_t next() {
        const uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    double uniform() { return double(next() >> 11) * 0x1.0p-53; }      // [0, 1)
    bool chance(double p) { return uniform() < p; }                     // true with probability p
    uint32_t below(uint32_t n) {                                        // [0, n), n > 0; Lemire's method
        return uint32_t((uint64_t(uint32_t(next() >> 32)) * n) >> 32);
    }
    int between(int lo, int hi) { return lo + int(below(uint32_t(hi - lo + 1))); }  // [lo, hi]

    template <class Vec> void shuffle(Vec& v) {                         // Fisher–Yates, our own draws
        for (size_t i = v.size(); i > 1; --i) {
            size_t j = below(uint32_t(i));
            std::swap(v[i - 1], v[j]);
        }
    }

    [[nodiscard]] const std::array<uint64_t, 4>& state() const { return m_state; }
    void setState(const std::array<uint64_t, 4>& s) { m_state = s; }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<uint64_t, 4> m_state{};
};

}  // namespace tsunagari
