// Seasons of play, the Moran and imitation steps between them, and their outputs.
#include "evolution.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "member_fitness.h"
#include "report.h"
#include "statistics.h"

namespace tsunagari::experiments {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Active members, poorest first; equal fitness in a random order (not by id, which would
// favour the founders over newcomers).
std::vector<uint32_t> poorestFirst(const World& world, const std::vector<double>& fitness, Rng& rng) {
    std::vector<uint32_t> members;
    for (const auto& a : world.attendees())
        if (a.active) members.push_back(a.id);
    rng.shuffle(members);
    std::stable_sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) { return fitness[a] < fitness[b]; });
    return members;
}

std::vector<int> membersByStrategy(const World& world, size_t strategies) {
    std::vector<int> out(strategies, 0);
    for (const auto& a : world.attendees())
        if (a.active) ++out[size_t(a.group)];
    return out;
}

double share(int members, int total) { return total > 0 ? double(members) / total : 0.0; }

}  // namespace

std::vector<double> runningTotals(const World& world, const std::string& metric) {
    const MemberMetric& m = memberMetric(metric);
    std::vector<double> out(world.attendees().size(), 0.0);
    if (m.runningTotal)
        for (const auto& a : world.attendees()) out[a.id] = m.of(a);
    return out;
}

std::vector<double> seasonFitness(const World& world, const std::string& metric, const std::vector<double>& before) {
    const MemberMetric& m = memberMetric(metric);
    std::vector<double> out(world.attendees().size(), 0.0);
    for (const auto& a : world.attendees()) {
        if (!a.active) continue;
        const double start = m.runningTotal && a.id < before.size() ? before[a.id] : 0.0;   // newcomers start from 0
        out[a.id] = m.of(a) - start;
    }
    return out;
}

void moranStep(World& world, const std::vector<double>& fitness, int turnover, Rng& rng) {
    const std::vector<uint32_t> ranked = poorestFirst(world, fitness, rng);
    const size_t leaving = std::min(size_t(turnover), ranked.size() - 1);   // someone must stay to be copied
    const std::vector<uint32_t> stayers(ranked.begin() + std::ptrdiff_t(leaving), ranked.end());
    double total = 0;
    for (uint32_t id : stayers) total += fitness[id];
    for (size_t i = 0; i < leaving; ++i) {
        uint32_t parent = stayers[rng.below(uint32_t(stayers.size()))];   // all fitness 0: uniform
        if (total > 0) {
            double draw = rng.uniform() * total;
            for (uint32_t id : stayers) {
                parent = id;
                draw -= fitness[id];
                if (draw < 0) break;
            }
        }
        world.replaceMember(ranked[i], parent);
    }
}

void imitationStep(World& world, const std::vector<double>& fitness, int turnover, Rng& rng) {
    const std::vector<uint32_t> ranked = poorestFirst(world, fitness, rng);
    const size_t imitating = std::min(size_t(turnover), ranked.size());
    std::vector<uint8_t> isImitator(world.attendees().size(), 0);
    for (size_t i = 0; i < imitating; ++i) isImitator[ranked[i]] = 1;
    // Decide every choice before any change, so the order of the poorest does not matter.
    std::vector<std::pair<uint32_t, uint32_t>> choices;
    for (size_t i = 0; i < imitating; ++i) {
        const uint32_t member = ranked[i];
        std::vector<uint32_t> known;
        for (const auto& tie : world.relationships().outEdges(member))
            if (world.attendees()[tie.to].active && !isImitator[tie.to] && world.stage(member, tie.to) != Stage::Stranger)
                known.push_back(tie.to);
        rng.shuffle(known);   // equal fitness: a random one of them
        uint32_t best = member;
        for (uint32_t id : known)
            if (fitness[id] > fitness[best]) best = id;
        if (best != member) choices.emplace_back(member, best);
    }
    for (const auto& [member, model] : choices) world.imitate(member, model);
}

EvolutionReplicate runEvolutionReplicate(const TournamentSpec& spec, size_t index) {
    const EvolutionSettings& e = *spec.evolution;
    EvolutionReplicate out;
    out.seed = deriveSeed(spec.seed, index);
    World world(tournamentScenario(spec, out.seed));
    Rng rng(deriveSeed(out.seed, 0));   // the dynamics' own stream: the world's draws stay those of a plain run
    const size_t strategies = spec.strategies.size();
    const int seasonEvents = eventsIn(world.scenario(), e.seasonLength);
    out.seasons.push_back({membersByStrategy(world, strategies), std::vector<double>(strategies, kNaN)});
    for (int season = 1; season <= e.seasons; ++season) {
        const std::vector<double> before = runningTotals(world, e.fitness);
        world.runEvents(seasonEvents);
        const std::vector<double> fitness = seasonFitness(world, e.fitness, before);
        SeasonRecord record;
        std::vector<double> sum(strategies, 0.0);
        std::vector<int> count(strategies, 0);
        for (const auto& a : world.attendees())
            if (a.active) {
                sum[size_t(a.group)] += fitness[a.id];
                ++count[size_t(a.group)];
            }
        for (size_t s = 0; s < strategies; ++s) record.meanFitness.push_back(count[s] > 0 ? sum[s] / count[s] : kNaN);
        if (e.dynamics == Dynamics::Moran) moranStep(world, fitness, e.turnover, rng);
        else imitationStep(world, fitness, e.turnover, rng);
        record.members = membersByStrategy(world, strategies);
        out.seasons.push_back(std::move(record));
    }
    return out;
}

ReplicateRun<EvolutionReplicate> runEvolution(const TournamentSpec& spec, const ReplicateOptions& options) {
    return runReplicates(size_t(spec.replicates), [&spec](size_t i) { return runEvolutionReplicate(spec, i); }, options);
}

std::string seasonsCsv(const TournamentSpec& spec, const std::vector<EvolutionReplicate>& replicates) {
    std::string csv = "replicate,season,strategy,members,mean_fitness\n";
    for (size_t r = 0; r < replicates.size(); ++r)
        for (size_t season = 0; season < replicates[r].seasons.size(); ++season)
            for (size_t s = 0; s < spec.strategies.size(); ++s) {
                const SeasonRecord& rec = replicates[r].seasons[season];
                csv += std::to_string(r) + ',' + std::to_string(season) + ',' + csvField(spec.strategies[s].label) + ',' +
                       std::to_string(rec.members[s]) + ',' +
                       (std::isnan(rec.meanFitness[s]) ? std::string() : formatNumber(rec.meanFitness[s])) + '\n';
            }
    return csv;
}

namespace {

// Each strategy's share in `season` over replicates.
Summary shareSummary(const std::vector<EvolutionReplicate>& replicates, size_t season, size_t strategy, int total) {
    std::vector<double> shares;
    for (const auto& r : replicates) shares.push_back(share(r.seasons[season].members[strategy], total));
    return summarize(shares);
}

}  // namespace

std::string seasonsSummaryCsv(const TournamentSpec& spec, const std::vector<EvolutionReplicate>& replicates) {
    std::string csv = "season,strategy,n,mean_share,ci_low,ci_high\n";
    const size_t seasons = replicates.empty() ? 0 : replicates.front().seasons.size();
    for (size_t season = 0; season < seasons; ++season)
        for (size_t s = 0; s < spec.strategies.size(); ++s) {
            const Summary sum = shareSummary(replicates, season, s, spec.members());
            csv += std::to_string(season) + ',' + csvField(spec.strategies[s].label) + ',' + std::to_string(sum.n) + ',' +
                   formatNumber(sum.mean) + ',' + formatNumber(sum.ciLow) + ',' + formatNumber(sum.ciHigh) + '\n';
        }
    return csv;
}

std::string sharesTable(const TournamentSpec& spec, const std::vector<EvolutionReplicate>& replicates) {
    const int last = spec.evolution->seasons;
    std::vector<int> shown{0, last / 2, last};
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    size_t width = 8;
    for (const auto& s : spec.strategies) width = std::max(width, s.label.size());
    auto pad = [](std::string s, size_t n) { return s.size() < n ? s + std::string(n - s.size(), ' ') : s; };
    constexpr size_t kColumn = 24;
    std::string out = "Share of members by strategy (mean over " + std::to_string(replicates.size()) +
                      " replicates, 95% CI)\n" + pad("strategy", width);
    for (int season : shown) out += "  " + pad("season " + std::to_string(season), kColumn);
    out += '\n';
    for (size_t s = 0; s < spec.strategies.size(); ++s) {
        out += pad(spec.strategies[s].label, width);
        for (int season : shown) {
            const Summary sum = shareSummary(replicates, size_t(season), s, spec.members());
            std::string cell = formatFixed(sum.mean, 3);
            if (sum.n > 1) cell += " [" + formatFixed(sum.ciLow, 3) + ", " + formatFixed(sum.ciHigh, 3) + "]";
            out += "  " + pad(cell, kColumn);
        }
        out += '\n';
    }
    return out;
}

}  // namespace tsunagari::experiments
