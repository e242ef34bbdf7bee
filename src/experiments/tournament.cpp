// Tournament replicates, the ranking and its CSV and text forms.
#include "tournament.h"

#include <algorithm>
#include <numeric>

#include "metric_names.h"
#include "report.h"

namespace tsunagari::experiments {

TournamentReplicate runTournamentReplicate(const TournamentSpec& spec, size_t index) {
    TournamentReplicate out;
    out.seed = deriveSeed(spec.seed, index);
    World world(tournamentScenario(spec, out.seed));
    world.runEvents(eventsIn(world.scenario(), spec.length));
    // Cohorts have distinct labels, so group g is strategy g.
    const std::vector<GroupFigures> figures = world.history().empty() ? world.groupFigures() : world.history().back().groups;
    out.strategies.assign(figures.begin(), figures.begin() + long(spec.strategies.size()));
    return out;
}

ReplicateRun<TournamentReplicate> runTournament(const TournamentSpec& spec, const ReplicateOptions& options) {
    return runReplicates(size_t(spec.replicates), [&spec](size_t i) { return runTournamentReplicate(spec, i); }, options);
}

std::vector<RankingRow> rankStrategies(const TournamentSpec& spec, const std::vector<TournamentReplicate>& replicates) {
    std::vector<RankingRow> out;
    for (const std::string& metric : kRankingMetrics) {
        std::vector<RankingRow> block;
        for (size_t s = 0; s < spec.strategies.size(); ++s) {
            std::vector<double> values;
            for (const auto& r : replicates) values.push_back(findMetricName(metric)->value(r.strategies[s]));
            block.push_back({0, spec.strategies[s].label, metric, summarize(values)});
        }
        std::stable_sort(block.begin(), block.end(),
                         [](const RankingRow& a, const RankingRow& b) { return a.summary.mean > b.summary.mean; });
        for (size_t i = 0; i < block.size(); ++i) block[i].rank = int(i + 1);
        out.insert(out.end(), block.begin(), block.end());
    }
    return out;
}

std::string tournamentResultsCsv(const TournamentSpec& spec, const std::vector<TournamentReplicate>& replicates) {
    std::string csv = "replicate,seed,strategy,metric,value\n";
    for (size_t r = 0; r < replicates.size(); ++r)
        for (size_t s = 0; s < spec.strategies.size(); ++s)
            for (const auto& metric : metricNames())
                csv += std::to_string(r) + ',' + std::to_string(replicates[r].seed) + ',' + csvField(spec.strategies[s].label) +
                       ',' + metric.key + ',' + formatNumber(metric.value(replicates[r].strategies[s])) + '\n';
    return csv;
}

std::string rankingCsv(const std::vector<RankingRow>& ranking) {
    std::string csv = "rank,strategy,metric,n,mean,sd,ci_low,ci_high\n";
    for (const auto& row : ranking) {
        const Summary& s = row.summary;
        csv += std::to_string(row.rank) + ',' + csvField(row.strategy) + ',' + row.metric + ',' + std::to_string(s.n) + ',' +
               formatNumber(s.mean) + ',' + formatNumber(s.sd) + ',' + formatNumber(s.ciLow) + ',' + formatNumber(s.ciHigh) + '\n';
    }
    return csv;
}

std::string rankingTable(const std::vector<RankingRow>& ranking) {
    size_t width = 8;
    for (const auto& row : ranking) width = std::max(width, row.strategy.size());
    auto pad = [](std::string s, size_t n) { return s.size() < n ? s + std::string(n - s.size(), ' ') : s; };
    auto padLeft = [](std::string s, size_t n) { return s.size() < n ? std::string(n - s.size(), ' ') + s : s; };
    std::string out;
    for (size_t i = 0; i < ranking.size(); ++i) {
        const RankingRow& row = ranking[i];
        if (i == 0 || ranking[i - 1].metric != row.metric) {
            if (i > 0) out += '\n';
            out += "By " + row.metric + " (mean per member, " + std::to_string(row.summary.n) + " replicates, 95% CI)\n";
            out += "rank  " + pad("strategy", width) + "      mean        sd  95% CI\n";
        }
        const Summary& s = row.summary;
        const bool hasInterval = s.n > 1;
        std::string interval = "-";
        if (hasInterval) interval.assign("[").append(formatFixed(s.ciLow, 2)).append(", ").append(formatFixed(s.ciHigh, 2)).append("]");
        out += pad(std::to_string(row.rank), 4) + "  " + pad(row.strategy, width) + padLeft(formatFixed(s.mean, 2), 10) +
               padLeft(hasInterval ? formatFixed(s.sd, 2) : "-", 10) + "  " + interval + '\n';
    }
    return out;
}

}  // namespace tsunagari::experiments
