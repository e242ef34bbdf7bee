// The lesson grid's scenarios and runs: deterministic, one habit apart, any number of threads.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "experiments/lessons.h"

using namespace tsunagari;


TEST_CASE("lesson grid: each lesson's effect is the same for the same seed, and its scenario differs only in its habit") {
    experiments::Situation room;
    room.population = 40;
    room.years = 1;
    for (const auto& info : experiments::lessons()) {
        INFO("L" << info.number);
        const auto a = experiments::lessonEffect(info.number, room, true, 7);
        const auto b = experiments::lessonEffect(info.number, room, true, 7);
        CHECK(((a.effect == b.effect) || (a.effect != a.effect && b.effect != b.effect)));   // NaN equals NaN here
        const Scenario s = experiments::lessonScenario(info.number, room, true, 7);
        REQUIRE(s.population.size() >= 2);
        CHECK(s.population[0].count + s.population[1].count == room.population);
        if (info.number == 10) continue;   // chapter members and mixer goers differ in what they join; outsiders come to mixers
        int differing = 0;
        for (int t = 0; t < kTraitCount; ++t)
            differing += s.population[0].traits[Trait(t)] != s.population[1].traits[Trait(t)];
        CHECK(differing <= 2);   // the habit (L1: pitching and breadth) and nothing else
        CHECK(s.population[0].professions == s.population[1].professions);
    }
}

TEST_CASE("lesson grid: the same results for any number of worker threads") {
    experiments::GridOptions options;
    options.seeds = 2;
    options.cells = 1;   // the design's own coverage rows, about twenty
    options.lessonNumbers = {6};
    options.jobs = 1;
    const auto one = experiments::runGrid(options);
    options.jobs = 3;
    const auto three = experiments::runGrid(options);
    REQUIRE(one.size() == three.size());
    CHECK(experiments::gridMarkdown(one) == experiments::gridMarkdown(three));
}
