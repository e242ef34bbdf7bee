// Fractional factorial designs: a deterministic strength-2 covering array (every pair of levels of every pair of factors in some row), padded to a minimum size with level-balancing rows.
//
// Used for the lesson robustness grid: instead of the full factorial (4·3·3·3·4·2 = 864
// cells), a few dozen cells in which every level of every factor, and every combination of
// two levels of two factors, occurs at least once.
//
// Construction (coveringDesign):
// 1. Coverage, AETG-style: while some pair is uncovered, build `candidates` rows and keep
//    the one covering most uncovered pairs. A candidate row starts from an uncovered pair
//    drawn at random, then fills the other factors in a random order, each with the level
//    covering most uncovered pairs with the factors already set (ties: the level used least
//    so far, then a random one). Ties between candidates: fewer uses of the chosen levels,
//    then the earlier candidate.
// 2. Padding, up to minRows: each row takes, for every factor, a level used least so far
//    (ties: the level whose pairs with the factors already set occur least, then a random
//    one); of `candidates` such rows the one whose pairs occur least is kept.
// All random choices come from tsunagari::Rng seeded with `seed`, so a design depends only
// on (levels, minRows, seed, candidates): the same on every platform and build.
//
// Balance: padding rows always take least-used levels, so once enough padding rows are
// added every factor's level counts differ by at most one. The tests check, for the
// robustness grid at 60 rows, that every level of a factor with L levels appears between
// ⌊rows/L⌋ and ⌈rows/L⌉ times.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tsunagari::experiments {

// A design: one row per cell, row[f] = the level (0-based) of factor f.
using DesignRow = std::vector<int>;
using Design = std::vector<DesignRow>;

// A named factor with named levels, for the callers that map levels to scenario changes.
struct Factor {
    std::string key;                   // e.g. "population"
    std::vector<std::string> levels;   // e.g. {"20", "60", "200", "1000"}
};

// The lesson robustness grid's factors, in this order: population {20, 60, 200, 1000},
// focal share {0.1, 0.5, 0.7}, cadence {weekly, fortnightly, monthly}, calendar
// {chapter-only, mixer-only, both}, policy {random, rotation, complementary, warm},
// length {1y, 2y}.
[[nodiscard]] std::vector<Factor> robustnessGridFactors();

[[nodiscard]] std::vector<int> levelCounts(const std::vector<Factor>& factors);   // number of levels of each factor

struct DesignOptions {
    size_t minRows = 0;        // pad to at least this many rows
    uint64_t seed = 1;         // seeds the random choices (tsunagari::Rng)
    int candidates = 40;       // candidate rows tried per added row, at least 1
};

// A covering array of strength 2 for factors with levels[f] levels each (every levels[f] ≥
// 1; std::invalid_argument otherwise), with at least options.minRows rows. With a single
// factor every level is covered; with none the rows are empty.
[[nodiscard]] Design coveringDesign(const std::vector<int>& levels, const DesignOptions& options = {});

// One pair of levels of two factors (factorA < factorB).
struct LevelPair {
    int factorA = 0, levelA = 0;
    int factorB = 0, levelB = 0;
    friend bool operator==(const LevelPair&, const LevelPair&) = default;
};

// The pairs no row of `design` covers, in order of (factorA, factorB, levelA, levelB).
// Throws std::invalid_argument if a row has the wrong length or a level out of range.
[[nodiscard]] std::vector<LevelPair> uncoveredPairs(const Design& design, const std::vector<int>& levels);

// The levels of a single factor that no row uses (needed for the one-factor case, where
// there are no pairs), as (factor, level) pairs.
[[nodiscard]] std::vector<std::pair<int, int>> unusedLevels(const Design& design, const std::vector<int>& levels);

// How often each level of each factor occurs: result[f][level].
[[nodiscard]] std::vector<std::vector<size_t>> levelUsage(const Design& design, const std::vector<int>& levels);

}  // namespace tsunagari::experiments
