// The end of a season: the player's figures beside what each built-in habit (the shipped
// archetypes) achieves in the same seat, with the same seed and the same season length.
// Each habit's season is run afresh with the seat's traits set to the archetype's.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "play/seat_figures.h"
#include "scenario.h"

namespace tsunagari::play {

struct ComparisonRow {
    std::string key;          // "you" or an archetype key
    std::string nameEn, nameJa;
    SeatFigures figures;
    std::vector<TrustPoint> trust;   // others' mean trust in the seat after each event (the first: before any)
};

// One row per archetype, in the archetypes' order.
[[nodiscard]] std::vector<ComparisonRow> habitRows(const Scenario& scenario, uint32_t seat);
// The player's row first, then the habits.
[[nodiscard]] std::vector<ComparisonRow> comparison(const SeatFigures& player, const std::vector<TrustPoint>& playerTrust,
                                                    const Scenario& scenario, uint32_t seat);

// The table as aligned text, and as JSON (for --out).
[[nodiscard]] std::string comparisonText(const std::vector<ComparisonRow>& rows, bool japanese);
[[nodiscard]] nlohmann::json comparisonJson(const std::vector<ComparisonRow>& rows);

}  // namespace tsunagari::play
