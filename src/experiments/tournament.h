// Axelrod-style tournaments: every strategy in one mixed population, over replicates run in
// parallel, ranked by referrals received and by closed business.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "replicates.h"
#include "statistics.h"
#include "tournament_spec.h"
#include "world.h"

namespace tsunagari::experiments {

// One replicate's final figures, one GroupFigures per strategy in spec order.
struct TournamentReplicate {
    uint64_t seed = 0;                        // deriveSeed(spec.seed, replicate)
    std::vector<GroupFigures> strategies;
};

// Replicate `index`: the tournament scenario seeded with deriveSeed(spec.seed, index), run for
// spec.length; the figures of its last event (as a run's events.csv ends).
[[nodiscard]] TournamentReplicate runTournamentReplicate(const TournamentSpec& spec, size_t index);

// All spec.replicates replicates on worker threads (results do not depend on their number).
[[nodiscard]] ReplicateRun<TournamentReplicate> runTournament(const TournamentSpec& spec, const ReplicateOptions& options);

// The metrics strategies are ranked by, in this order.
inline const std::vector<std::string> kRankingMetrics{"referrals_received", "closed_business"};

struct RankingRow {
    int rank = 0;                             // 1 = highest mean; equal means keep spec order
    std::string strategy;
    std::string metric;
    Summary summary;                          // over replicates of the strategy's per-member mean
};
// One block per ranking metric, each in rank order.
[[nodiscard]] std::vector<RankingRow> rankStrategies(const TournamentSpec& spec, const std::vector<TournamentReplicate>& replicates);

// results.csv: replicate,seed,strategy,metric,value (replicate, strategy, metric order).
[[nodiscard]] std::string tournamentResultsCsv(const TournamentSpec& spec, const std::vector<TournamentReplicate>& replicates);
// ranking.csv: rank,strategy,metric,n,mean,sd,ci_low,ci_high.
[[nodiscard]] std::string rankingCsv(const std::vector<RankingRow>& ranking);
// The ranking as aligned text, one table per metric.
[[nodiscard]] std::string rankingTable(const std::vector<RankingRow>& ranking);

}  // namespace tsunagari::experiments
