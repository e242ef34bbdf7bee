// The covering-array design generator and its checkers (see design.h).
#include "design.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "rng.h"

namespace tsunagari::experiments {

namespace {

void checkLevels(const std::vector<int>& levels) {
    for (int l : levels)
        if (l < 1) throw std::invalid_argument("coveringDesign: every factor needs at least one level");
}

void checkRow(const DesignRow& row, const std::vector<int>& levels) {
    if (row.size() != levels.size()) throw std::invalid_argument("design row has the wrong number of factors");
    for (size_t f = 0; f < row.size(); ++f)
        if (row[f] < 0 || row[f] >= levels[f]) throw std::invalid_argument("design row has a level out of range");
}

// How often each pair of levels of each pair of factors occurs in the rows added so far,
// and how often each level of each factor does.
class Tally {
public:
    explicit Tally(const std::vector<int>& levels) : m_levels(levels), m_k(levels.size()) {
        m_offset.assign(m_k * m_k, 0);
        size_t total = 0;
        for (size_t f = 0; f < m_k; ++f)
            for (size_t g = f + 1; g < m_k; ++g) {
                m_offset[f * m_k + g] = total;
                for (int a = 0; a < levels[f]; ++a)
                    for (int b = 0; b < levels[g]; ++b) m_pairs.push_back({int(f), a, int(g), b});
                total += size_t(levels[f]) * size_t(levels[g]);
            }
        m_pairUses.assign(total, 0);
        m_uncovered = total;
        m_levelUses.resize(m_k);
        for (size_t f = 0; f < m_k; ++f) m_levelUses[f].assign(size_t(levels[f]), 0);
    }

    // Index of the pair (f at level a, g at level b), f ≠ g in either order.
    [[nodiscard]] size_t pairIndex(size_t f, int a, size_t g, int b) const {
        if (f > g) {
            std::swap(f, g);
            std::swap(a, b);
        }
        return m_offset[f * m_k + g] + size_t(a) * size_t(m_levels[g]) + size_t(b);
    }
    [[nodiscard]] size_t pairUses(size_t f, int a, size_t g, int b) const { return m_pairUses[pairIndex(f, a, g, b)]; }
    [[nodiscard]] size_t levelUses(size_t f, int a) const { return m_levelUses[f][size_t(a)]; }
    [[nodiscard]] size_t uncovered() const { return m_uncovered; }

    // The n-th (0-based) pair no row covers yet; n < uncovered().
    [[nodiscard]] const LevelPair& uncoveredPair(size_t n) const {
        for (size_t i = 0; i < m_pairUses.size(); ++i)
            if (m_pairUses[i] == 0 && n-- == 0) return m_pairs[i];
        throw std::logic_error("Tally::uncoveredPair: out of range");
    }

    [[nodiscard]] std::vector<LevelPair> uncoveredPairs() const {   // in pair-index order
        std::vector<LevelPair> out;
        for (size_t i = 0; i < m_pairUses.size(); ++i)
            if (m_pairUses[i] == 0) out.push_back(m_pairs[i]);
        return out;
    }

    // Pairs of a complete row not covered yet, and the sum of their uses so far.
    [[nodiscard]] size_t newPairs(const DesignRow& row) const {
        size_t n = 0;
        for (size_t f = 0; f < m_k; ++f)
            for (size_t g = f + 1; g < m_k; ++g) n += pairUses(f, row[f], g, row[g]) == 0;
        return n;
    }
    [[nodiscard]] size_t pairUseSum(const DesignRow& row) const {
        size_t n = 0;
        for (size_t f = 0; f < m_k; ++f)
            for (size_t g = f + 1; g < m_k; ++g) n += pairUses(f, row[f], g, row[g]);
        return n;
    }
    [[nodiscard]] size_t levelUseSum(const DesignRow& row) const {
        size_t n = 0;
        for (size_t f = 0; f < m_k; ++f) n += levelUses(f, row[f]);
        return n;
    }

    void add(const DesignRow& row) {
        for (size_t f = 0; f < m_k; ++f) {
            ++m_levelUses[f][size_t(row[f])];
            for (size_t g = f + 1; g < m_k; ++g) {
                size_t& uses = m_pairUses[pairIndex(f, row[f], g, row[g])];
                if (uses++ == 0) --m_uncovered;
            }
        }
    }

private:
    std::vector<int> m_levels;
    size_t m_k;
    std::vector<size_t> m_offset;     // [f * k + g], f < g: first pair index of the factor pair
    std::vector<LevelPair> m_pairs;   // by pair index
    std::vector<size_t> m_pairUses;
    size_t m_uncovered = 0;
    std::vector<std::vector<size_t>> m_levelUses;
};

// A random order of 0 .. n − 1.
std::vector<int> shuffled(int n, Rng& rng) {
    std::vector<int> order(size_t(n), 0);
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);
    return order;
}

// A candidate row for the coverage phase (see design.h).
DesignRow coverageCandidate(const Tally& tally, const std::vector<int>& levels, Rng& rng) {
    const size_t k = levels.size();
    DesignRow row(k, -1);
    const LevelPair& seed = tally.uncoveredPair(rng.below(uint32_t(tally.uncovered())));
    row[size_t(seed.factorA)] = seed.levelA;
    row[size_t(seed.factorB)] = seed.levelB;
    for (int h : shuffled(int(k), rng)) {
        if (row[size_t(h)] >= 0) continue;
        int best = -1;
        size_t bestGain = 0, bestUses = 0;
        for (int v : shuffled(levels[size_t(h)], rng)) {
            size_t gain = 0;
            for (size_t s = 0; s < k; ++s)
                if (row[s] >= 0) gain += tally.pairUses(size_t(h), v, s, row[s]) == 0;
            const size_t uses = tally.levelUses(size_t(h), v);
            if (best < 0 || gain > bestGain || (gain == bestGain && uses < bestUses)) {
                best = v;
                bestGain = gain;
                bestUses = uses;
            }
        }
        row[size_t(h)] = best;
    }
    return row;
}

// A candidate row for the padding phase (see design.h).
DesignRow paddingCandidate(const Tally& tally, const std::vector<int>& levels, Rng& rng) {
    const size_t k = levels.size();
    DesignRow row(k, -1);
    for (int h : shuffled(int(k), rng)) {
        int best = -1;
        size_t bestUses = 0, bestPairUses = 0;
        for (int v : shuffled(levels[size_t(h)], rng)) {
            const size_t uses = tally.levelUses(size_t(h), v);
            size_t pairUses = 0;
            for (size_t s = 0; s < k; ++s)
                if (row[s] >= 0) pairUses += tally.pairUses(size_t(h), v, s, row[s]);
            if (best < 0 || uses < bestUses || (uses == bestUses && pairUses < bestPairUses)) {
                best = v;
                bestUses = uses;
                bestPairUses = pairUses;
            }
        }
        row[size_t(h)] = best;
    }
    return row;
}

}  // namespace

std::vector<Factor> robustnessGridFactors() {
    return {
        {"population", {"20", "60", "200", "1000"}},
        {"focal_share", {"0.1", "0.5", "0.7"}},
        {"cadence", {"weekly", "fortnightly", "monthly"}},
        {"calendar", {"chapter_only", "mixer_only", "both"}},
        {"policy", {"random", "rotation", "complementary", "warm"}},
        {"length", {"1y", "2y"}},
    };
}

std::vector<int> levelCounts(const std::vector<Factor>& factors) {
    std::vector<int> out;
    out.reserve(factors.size());
    for (const auto& f : factors) out.push_back(int(f.levels.size()));
    return out;
}

Design coveringDesign(const std::vector<int>& levels, const DesignOptions& options) {
    checkLevels(levels);
    const int candidates = std::max(1, options.candidates);
    Rng rng(options.seed);
    Tally tally(levels);
    Design design;

    if (levels.size() == 1) {                 // no pairs: every level once
        for (int v = 0; v < levels[0]; ++v) {
            design.push_back({v});
            tally.add(design.back());
        }
    }
    while (tally.uncovered() > 0) {
        DesignRow best;
        size_t bestGain = 0, bestUses = 0;
        for (int c = 0; c < candidates; ++c) {
            DesignRow row = coverageCandidate(tally, levels, rng);
            const size_t gain = tally.newPairs(row), uses = tally.levelUseSum(row);
            if (best.empty() || gain > bestGain || (gain == bestGain && uses < bestUses)) {
                best = std::move(row);
                bestGain = gain;
                bestUses = uses;
            }
        }
        tally.add(best);
        design.push_back(std::move(best));
    }
    while (design.size() < options.minRows) {
        if (levels.empty()) {
            design.emplace_back();
            continue;
        }
        DesignRow best;
        size_t bestScore = 0;
        for (int c = 0; c < candidates; ++c) {
            DesignRow row = paddingCandidate(tally, levels, rng);
            const size_t score = tally.pairUseSum(row);
            if (best.empty() || score < bestScore) {
                best = std::move(row);
                bestScore = score;
            }
        }
        tally.add(best);
        design.push_back(std::move(best));
    }
    return design;
}

std::vector<LevelPair> uncoveredPairs(const Design& design, const std::vector<int>& levels) {
    checkLevels(levels);
    Tally tally(levels);
    for (const auto& row : design) {
        checkRow(row, levels);
        tally.add(row);
    }
    return tally.uncoveredPairs();
}

std::vector<std::pair<int, int>> unusedLevels(const Design& design, const std::vector<int>& levels) {
    const auto usage = levelUsage(design, levels);
    std::vector<std::pair<int, int>> out;
    for (size_t f = 0; f < usage.size(); ++f)
        for (size_t v = 0; v < usage[f].size(); ++v)
            if (usage[f][v] == 0) out.emplace_back(int(f), int(v));
    return out;
}

std::vector<std::vector<size_t>> levelUsage(const Design& design, const std::vector<int>& levels) {
    checkLevels(levels);
    std::vector<std::vector<size_t>> usage(levels.size());
    for (size_t f = 0; f < levels.size(); ++f) usage[f].assign(size_t(levels[f]), 0);
    for (const auto& row : design) {
        checkRow(row, levels);
        for (size_t f = 0; f < row.size(); ++f) ++usage[f][size_t(row[f])];
    }
    return usage;
}

}  // namespace tsunagari::experiments
