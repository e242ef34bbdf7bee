// A played season as JSON: the scenario, seed and seat, every choice in order, others' trust
// in the seat per event, the state hash and the comparison with the habits. The same file
// is a choices file (choice_script.h) that plays the season again, seed and seat included.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "play/habit_comparison.h"
#include "play/play_session.h"

namespace tsunagari::play {

[[nodiscard]] nlohmann::json seasonJson(const PlaySession& session, const std::vector<ComparisonRow>& rows,
                                        const std::string& scenarioPath);
[[nodiscard]] std::string stateHashText(uint64_t hash);   // 16 hex digits, as the window and summary.json print it

}  // namespace tsunagari::play
