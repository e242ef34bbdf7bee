// The evolution of habits over seasons: the tournament population plays a season, then the
// members with the poorest fitness leave for newcomers copying a member drawn in proportion
// to fitness (Moran), or adopt the habits of the most successful member they know (imitation).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "replicates.h"
#include "tournament_spec.h"
#include "world.h"

namespace tsunagari::experiments {

// One season of one replicate, per strategy in spec order.
struct SeasonRecord {
    std::vector<int> members;         // following the strategy after the season's changes (season 0: at the start)
    std::vector<double> meanFitness;  // mean season fitness of those who followed it during the season; NaN if none (and in season 0)
};

struct EvolutionReplicate {
    uint64_t seed = 0;                // deriveSeed(spec.seed, replicate)
    std::vector<SeasonRecord> seasons;   // 0 .. spec.evolution->seasons
};

// The season's fitness of every active member (index = attendee id; 0 for others): a running
// total's gain since `before` (the totals at the season's start, by id), or a state's value now.
[[nodiscard]] std::vector<double> seasonFitness(const World& world, const std::string& metric, const std::vector<double>& before);
// The running totals `seasonFitness` subtracts, by attendee id (0 for state metrics).
[[nodiscard]] std::vector<double> runningTotals(const World& world, const std::string& metric);

// The change after a season (see docs/tournaments.md for the exact rules). `rng` breaks ties
// between equal fitness and draws Moran parents.
void moranStep(World& world, const std::vector<double>& fitness, int turnover, Rng& rng);
void imitationStep(World& world, const std::vector<double>& fitness, int turnover, Rng& rng);

// Replicate `index` of an evolution spec, seeded with deriveSeed(spec.seed, index).
[[nodiscard]] EvolutionReplicate runEvolutionReplicate(const TournamentSpec& spec, size_t index);
[[nodiscard]] ReplicateRun<EvolutionReplicate> runEvolution(const TournamentSpec& spec, const ReplicateOptions& options);

// seasons.csv: replicate,season,strategy,members,mean_fitness (mean_fitness empty when undefined).
[[nodiscard]] std::string seasonsCsv(const TournamentSpec& spec, const std::vector<EvolutionReplicate>& replicates);
// seasons_summary.csv: season,strategy,n,mean_share,ci_low,ci_high (shares 0-1 over replicates).
[[nodiscard]] std::string seasonsSummaryCsv(const TournamentSpec& spec, const std::vector<EvolutionReplicate>& replicates);
// Shares at the start, the middle season and the end, as aligned text.
[[nodiscard]] std::string sharesTable(const TournamentSpec& spec, const std::vector<EvolutionReplicate>& replicates);

}  // namespace tsunagari::experiments
