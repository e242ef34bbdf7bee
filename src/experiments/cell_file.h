// Finished cells of a sweep on disk, exactly: a shard's output and an interrupted sweep's
// partial results. JSON Lines: the first line is a manifest naming the sweep (its spec hash,
// its number of cells, the shard's slice), then one line per cell in increasing cell order,
// numbers written so they read back to the same doubles (so merged or resumed output is
// byte-identical to an uninterrupted sweep).
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "experiments/sweep_plan.h"

namespace tsunagari::experiments {

// "--shard I/N": cell c belongs to shard I (1-based) when c % N == I − 1, so every shard holds
// a similar mix of settings.
struct ShardSlice {
    int index = 1;
    int count = 1;
    [[nodiscard]] bool holds(size_t cell) const { return cell % size_t(count) == size_t(index - 1); }
};

struct CellFile {
    std::string specHash;
    size_t cellsTotal = 0;                       // cells of the whole sweep
    std::optional<ShardSlice> shard;
    std::map<size_t, CellFigures> cells;         // by cell index
};

[[nodiscard]] std::string cellFileText(const CellFile& file);
// Throws ScenarioError naming `name` and the line on any malformed content.
[[nodiscard]] CellFile parseCellFile(const std::string& text, const std::string& name);
[[nodiscard]] CellFile readCellFile(const std::string& path);

}  // namespace tsunagari::experiments
