// A tournament or evolution spec: the setting (a scenario whose calendar and parameters are
// used), the strategies that compete in it, their cohort size, replicates, seed and length.
// Read and checked like scenario files: every problem is one ScenarioError naming the file
// and the JSON path (scenarios/tournament.schema.json describes the format).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "calendar_length.h"
#include "scenario.h"

namespace tsunagari::experiments {

// One competing habit set: an archetype, possibly with trait overrides, under a label.
struct Strategy {
    std::string label;          // the group label in every output; the archetype key when not given
    std::string archetype;
    Traits traits;              // the archetype's preset with the overrides applied
};

enum class Dynamics { Moran, Imitation };
[[nodiscard]] const char* dynamicsKey(Dynamics d);   // "moran", "imitation"

// What `evolve` adds: seasons of play, each followed by departures or imitation.
struct EvolutionSettings {
    int seasons = 10;
    RunLength seasonLength;
    Dynamics dynamics = Dynamics::Moran;
    int turnover = 1;           // members who leave (Moran) or may imitate (imitation) after each season
    std::string fitness;        // a member metric name (member_fitness.h)
};

struct TournamentSpec {
    Bilingual title;
    Scenario setting;           // calendar, params, mechanisms and matchmaking used; population replaced
    std::vector<Strategy> strategies;
    int membersPerStrategy = 10;
    int replicates = 20;
    uint64_t seed = 1;
    RunLength length;           // tournaments only
    std::optional<EvolutionSettings> evolution;   // set for evolution specs
    [[nodiscard]] int members() const { return membersPerStrategy * int(strategies.size()); }
};

enum class SpecKind { Tournament, Evolution };

// Parses and checks `doc`; `source` names the file in messages, and a `scenario` given as a
// file name is read relative to the directory of `source`. Throws ScenarioError.
[[nodiscard]] TournamentSpec tournamentSpecFromJson(const nlohmann::json& doc, const std::string& source, SpecKind kind);
[[nodiscard]] TournamentSpec loadTournamentSpec(const std::string& path, SpecKind kind);

// The spec resolved: the setting inline, every strategy with all its traits. Loading it gives
// the same spec, so an output folder can be rerun from this file alone.
[[nodiscard]] nlohmann::ordered_json tournamentSpecToJson(const TournamentSpec& spec);

// The setting with one cohort of membersPerStrategy per strategy, in spec order (professions
// dealt within each cohort, so every strategy has the same trade mix), seeded with `seed`.
[[nodiscard]] Scenario tournamentScenario(const TournamentSpec& spec, uint64_t seed);

}  // namespace tsunagari::experiments
