// Tournaments and evolution: byte-identical outputs for any number of jobs, the ranking
// against a hand computation, the core's membership changes, the Moran and imitation steps,
// determinism of an evolution for a seed, and the two commands end to end.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiments/evolution.h"
#include "experiments/tournament.h"
#include "scenario_build.h"
#include "snapshot.h"
#include "test_files.h"

using namespace tsunagari;
using namespace tsunagari::experiments;
namespace fs = std::filesystem;
using namespace test_files;

namespace {

// A small weekly chapter with 1-to-1s where three habit sets compete.
TournamentSpec smallSpec(SpecKind kind) {
    nlohmann::json doc = nlohmann::json::parse(R"({
      "title": {"en": "Small", "ja": "小"},
      "scenario": {"matchmaking": "rotation", "calendar": [
        {"name": "weekly chapter", "kind": "chapter", "every_days": 7, "rounds": 3, "group_size": 5, "hours": 1.5, "attendance": 1},
        {"name": "1-to-1s", "kind": "one_to_ones", "first_day": 3, "every_days": 7, "hours": 1, "attendance": 1}]},
      "strategies": ["hard_seller", "slow_trust_builder", {"label": "thankful", "archetype": "gratitude_giver"}],
      "members_per_strategy": 5, "replicates": 5, "seed": 3
    })");
    if (kind == SpecKind::Tournament) {
        doc["length"] = {{"weeks", 30}};
    } else {
        doc["seasons"] = 4;
        doc["season_length"] = {{"weeks", 12}};
        doc["dynamics"] = "moran";
        doc["turnover"] = 3;
        doc["fitness"] = "referrals_received";
    }
    return tournamentSpecFromJson(doc, "small.json", kind);
}

ReplicateOptions withJobs(unsigned jobs) {
    ReplicateOptions o;
    o.jobs = jobs;
    return o;
}

// A chapter of `members` average members run for `events` events, for the membership tests.
World chapterWorld(int members, int events) {
    Scenario s;
    s.title = {"Membership", "メンバー"};
    s.description = {"d", "d"};
    s.seed = 11;
    s.population = {cohortOf("average", "average", members / 2), cohortOf("gratitude_giver", "thankful", members - members / 2)};
    s.calendar = {seriesOf("weekly", EventKind::Chapter, 0, 7, 1.5, 3, 4, 1.0)};
    World world(s);
    world.runEvents(events);
    return world;
}

int activeCount(const World& world) {
    int n = 0;
    for (const auto& a : world.attendees()) n += a.active;
    return n;
}

size_t rememberedTies(const World& world, uint32_t id) {
    size_t n = 0;
    for (const auto& tie : world.relationships().outEdges(id)) n += world.stage(id, tie.to) != Stage::Stranger;
    return n;
}


}  // namespace

TEST_CASE("tournament: results are byte-identical for 1 2 and 4 jobs and differ with the seed") {
    const TournamentSpec spec = smallSpec(SpecKind::Tournament);
    const auto one = runTournament(spec, withJobs(1)).values();
    const std::string csv = tournamentResultsCsv(spec, one);
    const std::string ranking = rankingCsv(rankStrategies(spec, one));
    for (unsigned jobs : {2u, 4u}) {
        const auto many = runTournament(spec, withJobs(jobs)).values();
        CHECK(tournamentResultsCsv(spec, many) == csv);
        CHECK(rankingCsv(rankStrategies(spec, many)) == ranking);
    }
    CHECK(one[0].seed == deriveSeed(3, 0));
    CHECK(one[0].strategies[0].members == 5);
    TournamentSpec other = spec;
    other.seed = 4;
    CHECK(tournamentResultsCsv(other, runTournament(other, withJobs(2)).values()) != csv);
    // 5 replicates x 3 strategies x 13 metrics, and a header.
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 5 * 3 * 13);
}

TEST_CASE("tournament: a replicate's figures are those of the last event of a plain run of its scenario") {
    const TournamentSpec spec = smallSpec(SpecKind::Tournament);
    const TournamentReplicate r = runTournamentReplicate(spec, 2);
    World world(tournamentScenario(spec, deriveSeed(spec.seed, 2)));
    world.runEvents(eventsIn(world.scenario(), spec.length));
    CHECK(world.eventsDone() == 60);   // 30 weeks of a chapter and of 1-to-1s
    for (size_t s = 0; s < 3; ++s) {
        CHECK(r.strategies[s].referralsReceived == world.history().back().groups[s].referralsReceived);
        CHECK(r.strategies[s].closedBusiness == world.history().back().groups[s].closedBusiness);
    }
}

TEST_CASE("tournament: the ranking equals a hand computation from the results") {
    TournamentSpec spec = smallSpec(SpecKind::Tournament);
    // Referrals received per replicate: hard_seller 1, 2, 3; slow_trust_builder 4, 4, 7; thankful 2, 2, 2.
    // Closed business: hard_seller 30, 30, 30; slow_trust_builder 10, 20, 30; thankful 0, 0, 60.
    const double received[3][3] = {{1, 2, 3}, {4, 4, 7}, {2, 2, 2}};
    const double business[3][3] = {{30, 30, 30}, {10, 20, 30}, {0, 0, 60}};
    std::vector<TournamentReplicate> replicates(3);
    for (size_t r = 0; r < 3; ++r) {
        replicates[r].seed = r;
        replicates[r].strategies.resize(3);
        for (size_t s = 0; s < 3; ++s) {
            replicates[r].strategies[s].referralsReceived = received[s][r];
            replicates[r].strategies[s].closedBusiness = business[s][r];
        }
    }
    const auto ranking = rankStrategies(spec, replicates);
    REQUIRE(ranking.size() == 6);
    // t(0.975, 2) = 4.302652729749464; half-width = t * sd / sqrt(3).
    const double t2 = 4.302652729749464;
    CHECK(ranking[0].strategy == "slow_trust_builder");
    CHECK(ranking[0].summary.mean == doctest::Approx(5));
    CHECK(ranking[0].summary.sd == doctest::Approx(std::sqrt(3.0)));
    CHECK(ranking[0].summary.ciLow == doctest::Approx(5 - t2 * std::sqrt(3.0) / std::sqrt(3.0)));
    // hard_seller and thankful tie at a mean of 2: spec order decides.
    CHECK(ranking[1].strategy == "hard_seller");
    CHECK(ranking[1].summary.ciHigh == doctest::Approx(2 + t2 * 1.0 / std::sqrt(3.0)));
    CHECK(ranking[2].strategy == "thankful");
    CHECK(ranking[2].summary.ciLow == 2);
    // Closed business: means 30, 20, 20; the tie between slow_trust_builder and thankful keeps spec order.
    CHECK(ranking[3].metric == "closed_business");
    CHECK(ranking[3].strategy == "hard_seller");
    CHECK(ranking[3].summary.sd == 0);
    CHECK(ranking[4].strategy == "slow_trust_builder");
    CHECK(ranking[5].strategy == "thankful");
    CHECK(ranking[5].summary.sd == doctest::Approx(std::sqrt(1200.0)));
    const std::string csv = rankingCsv(ranking);
    CHECK(csv.substr(0, csv.find('\n', csv.find('\n') + 1) + 1) ==
          "rank,strategy,metric,n,mean,sd,ci_low,ci_high\n1,slow_trust_builder,referrals_received,3,5,1.73205,0.697347,9.30265\n");
}

TEST_CASE("tournament: a replaced member leaves and the newcomer has no ties with the parent's habits and the leaver's trade") {
    World world = chapterWorld(12, 10);
    const uint32_t leaver = 0, parent = 11;
    REQUIRE(rememberedTies(world, leaver) > 0);
    const int cohortCounts = world.cohorts()[0].count + world.cohorts()[1].count;
    const uint32_t newcomer = world.replaceMember(leaver, parent);
    const Attendee& n = world.attendees()[newcomer];
    CHECK(newcomer == 12);
    CHECK_FALSE(world.attendees()[leaver].active);
    CHECK(n.active);
    CHECK(world.relationships().outEdges(newcomer).empty());
    CHECK(n.traits == world.attendees()[parent].traits);
    CHECK(n.group == world.attendees()[parent].group);
    CHECK(n.profession == world.attendees()[leaver].profession);
    CHECK(n.counters.referralsReceived == 0);
    CHECK(activeCount(world) == 12);
    CHECK(world.cohorts()[0].count + world.cohorts()[1].count == cohortCounts);
    CHECK(world.cohorts()[0].count == 5);
    // The world runs on, and a snapshot of it loads back to the same state.
    world.runEvents(3);
    CHECK(loadSnapshot(saveSnapshot(world), "mem").stateHash() == world.stateHash());
}

TEST_CASE("tournament: a member who imitates keeps their ties and clients and takes the model's traits") {
    World world = chapterWorld(12, 10);
    const uint32_t member = 1, model = 10;
    REQUIRE(world.attendees()[member].group != world.attendees()[model].group);
    std::vector<double> trustBefore;
    for (const auto& tie : world.relationships().outEdges(member)) trustBefore.push_back(world.trust(member, tie.to));
    const auto clients = world.attendees()[member].clientTrust;
    world.imitate(member, model);
    const Attendee& a = world.attendees()[member];
    CHECK(a.traits == world.attendees()[model].traits);
    CHECK(a.group == world.attendees()[model].group);
    CHECK(a.clientTrust == clients);
    std::vector<double> trustAfter;
    for (const auto& tie : world.relationships().outEdges(member)) trustAfter.push_back(world.trust(member, tie.to));
    CHECK(trustAfter == trustBefore);
    CHECK(activeCount(world) == 12);
    CHECK(world.cohorts()[0].count == 5);
    CHECK(world.cohorts()[1].count == 7);
    CHECK_THROWS_AS(world.imitate(member, 99), std::invalid_argument);
}

TEST_CASE("tournament: Moran newcomers copy the fit and imitators copy the fittest member they know") {
    SUBCASE("moran: the poorest leave, and only a member with fitness is copied") {
        World world = chapterWorld(12, 10);
        std::vector<double> fitness(12, 0.0);
        fitness[3] = 5;   // the only fit member: every newcomer copies them
        Rng rng(1);
        moranStep(world, fitness, 4, rng);
        CHECK(activeCount(world) == 12);
        CHECK(world.attendees().size() == 16);
        CHECK(world.attendees()[3].active);
        for (uint32_t id = 12; id < 16; ++id) CHECK(world.attendees()[id].group == world.attendees()[3].group);
    }
    SUBCASE("imitation: the poorest adopt the habits of the fittest member they remember") {
        World world = chapterWorld(12, 10);
        std::vector<double> fitness(12, 1.0);
        const uint32_t poorest = 0;
        fitness[poorest] = 0;
        uint32_t best = 0;
        for (const auto& tie : world.relationships().outEdges(poorest))
            if (world.stage(poorest, tie.to) != Stage::Stranger && world.attendees()[tie.to].group != world.attendees()[poorest].group)
                best = tie.to;
        REQUIRE(best != 0);
        fitness[best] = 9;
        const size_t ties = world.relationships().outEdges(poorest).size();
        Rng rng(1);
        imitationStep(world, fitness, 1, rng);
        CHECK(world.attendees()[poorest].group == world.attendees()[best].group);
        CHECK(world.attendees()[poorest].traits == world.attendees()[best].traits);
        CHECK(world.relationships().outEdges(poorest).size() == ties);
        CHECK(activeCount(world) == 12);
    }
}

TEST_CASE("tournament: an evolution is deterministic for a seed and keeps its size whatever the jobs") {
    const TournamentSpec spec = smallSpec(SpecKind::Evolution);
    const EvolutionReplicate a = runEvolutionReplicate(spec, 1), b = runEvolutionReplicate(spec, 1);
    REQUIRE(a.seasons.size() == 5);
    for (size_t s = 0; s < a.seasons.size(); ++s) {
        CHECK(a.seasons[s].members == b.seasons[s].members);
        int total = 0;
        for (int m : a.seasons[s].members) total += m;
        CHECK(total == 15);
    }
    const std::string csv = seasonsCsv(spec, runEvolution(spec, withJobs(1)).values());
    for (unsigned jobs : {2u, 4u}) CHECK(seasonsCsv(spec, runEvolution(spec, withJobs(jobs)).values()) == csv);
    TournamentSpec imitation = spec;
    imitation.evolution->dynamics = Dynamics::Imitation;
    CHECK(seasonsCsv(imitation, runEvolution(imitation, withJobs(2)).values()) != csv);
    CHECK(csv.substr(0, csv.find('\n')) == "replicate,season,strategy,members,mean_fitness");
}

TEST_CASE("tournament: the commands write identical folders for --jobs 1 2 and 4 and fail in one line") {
    const fs::path dir = freshDir();
    const std::string spec = (dir / "spec.json").string();
    std::ofstream(spec) << tournamentSpecToJson(smallSpec(SpecKind::Tournament)).dump();
    const std::string evolution = (dir / "evolution.json").string();
    std::ofstream(evolution) << tournamentSpecToJson(smallSpec(SpecKind::Evolution)).dump();
    for (const std::string command : {"tournament", "evolve"}) {
        const std::string& file = command == "tournament" ? spec : evolution;
        for (const std::string jobs : {"1", "2", "4"}) {
            const CliResult r = cli({command, file, "--quiet", "--jobs", jobs, "--out", (dir / (command + jobs)).string()});
            CHECK(r.code == 0);
            CHECK(r.out.empty());
        }
        const char* const files[2][4] = {{"results.csv", "ranking.csv", "tournament.json", "record.json"},
                                          {"seasons.csv", "seasons_summary.csv", "tournament.json", "record.json"}};
        for (const std::string name : files[command == "tournament" ? 0 : 1]) {
            const std::string first = slurp(dir / (command + "1") / name);
            CHECK(!first.empty());
            if (name == "record.json") continue;   // holds the command line
            CHECK(slurp(dir / (command + "2") / name) == first);
            CHECK(slurp(dir / (command + "4") / name) == first);
        }
    }
    const CliResult shown = cli({"tournament", spec, "--replicates", "2", "--out", (dir / "t").string()});
    CHECK(shown.code == 0);
    CHECK(shown.out.find("1     ") != std::string::npos);
    CHECK(shown.out.find("By referrals_received (mean per member, 2 replicates, 95% CI)") != std::string::npos);
    const CliResult wrongKind = cli({"evolve", spec});
    CHECK(wrongKind.code == 2);
    CHECK(wrongKind.err == spec + ": key \"length\" belongs to a tournament spec (tsunagari-cli tournament)\n");
    const CliResult help = cli({"tournament", "--help"});
    CHECK(help.code == 0);
    CHECK(help.out.rfind("Usage: tsunagari-cli tournament SPEC [--out DIR] [--jobs N] [--replicates N] [--quiet]\n", 0) == 0);
    const CliResult helpEvolve = cli({"help", "evolve"}), evolveHelp = cli({"evolve", "--help"});
    CHECK(helpEvolve.code == 0);
    CHECK(evolveHelp.code == 0);
    CHECK(evolveHelp.out == helpEvolve.out);
    CHECK(evolveHelp.out.find("Moran") == std::string::npos);   // the option names are lower case
    CHECK(evolveHelp.out.find("(moran)") != std::string::npos);
    const CliResult missing = cli({"tournament"});
    CHECK(missing.code == 2);
    CHECK(missing.err == "tsunagari-cli tournament: missing SPEC (a tournament spec .json file)\n");
    const CliResult badJobs = cli({"tournament", spec, "--jobs", "0"});
    CHECK(badJobs.code == 2);
    CHECK(badJobs.err == "tsunagari-cli tournament: --jobs expects a whole number of worker threads from 1 to 1024, got '0'\n");
    fs::remove_all(dir);
}
