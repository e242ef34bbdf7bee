// Experiment specs: what a good spec expands to (settings in the documented order, ranges,
// lengths), and one line naming the file and the JSON path for every bad spec.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "experiments/experiment_spec.h"
#include "experiments/sweep_plan.h"
#include "scenario_io.h"

using namespace tsunagari;
using namespace tsunagari::experiments;
namespace fs = std::filesystem;

namespace {

// A spec file beside a copy of lesson 2's scenario, so "scenario" can be relative.
fs::path writeSpec(const std::string& text) {
    static int counter = 0;
    const fs::path dir = fs::temp_directory_path() / ("tsunagari-spec-test-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::copy_file(fs::path(TSUNAGARI_SOURCE_DIR) / "scenarios/l2_gratitude.json", dir / "l2.json",
                  fs::copy_options::overwrite_existing);
    const fs::path spec = dir / ("spec" + std::to_string(counter++) + ".json");
    std::ofstream(spec, std::ios::binary) << text;
    return spec;
}

// The one-line error of loading and expanding a spec, "" if it is good.
std::string specError(const std::string& text, std::string& file) {
    const fs::path spec = writeSpec(text);
    file = spec.string();
    try {
        (void)planSweep(loadExperimentSpec(spec.string()));
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("sweep spec: settings are the factorial in path order with the last path fastest") {
    const fs::path spec = writeSpec(R"({"scenario": "l2.json", "replicates": 3, "seed": 5, "length": {"weeks": 4},
        "vary": {"population[1].count": {"from": 4, "to": 8, "step": 2}, "matchmaking": ["random", "warm"]},
        "set": {"params.busy_chance": 0.25}, "metrics": ["collaborators", "contacts"]})");
    const SweepPlan plan = planSweep(loadExperimentSpec(spec.string()));
    REQUIRE(plan.settings.size() == 6);
    CHECK(plan.settings[0].label == "matchmaking=random; population[1].count=4");
    CHECK(plan.settings[1].label == "matchmaking=random; population[1].count=6");
    CHECK(plan.settings[3].label == "matchmaking=warm; population[1].count=4");
    CHECK(plan.settings[5].scenario.population[1].count == 8);
    CHECK(plan.settings[5].scenario.matchmaking == Policy::Warm);
    CHECK(plan.settings[5].scenario.params[Param(0)] == plan.settings[0].scenario.params[Param(0)]);
    // Four weeks of a weekly chapter and weekly 1-to-1s from days 0 and 3: 8 events.
    CHECK(plan.settings[0].events == 8);
    CHECK(plan.cells() == 18);
    CHECK(plan.spec.metrics == std::vector<int>{1, 2});   // events.csv's order, not the listed one
    CHECK(plan.seedOf(2) != plan.seedOf(1));
}

TEST_CASE("sweep spec: a fractional range ends on its last value despite rounding") {
    const fs::path spec = writeSpec(R"({"scenario": "l2.json", "vary": {"population[0].traits.gratitude": {"from": 0, "to": 1, "step": 0.1}}})");
    const ExperimentSpec loaded = loadExperimentSpec(spec.string());
    REQUIRE(loaded.vary.size() == 1);
    REQUIRE(loaded.vary[0].values.size() == 11);
    CHECK(loaded.vary[0].values[3].dump() == "0.3");
    CHECK(loaded.vary[0].values[10].dump() == "1.0");
}

TEST_CASE("sweep spec: every bad spec gets one line naming the file and the path") {
    struct Case {
        const char* spec;
        const char* expected;   // after "FILE: "
    };
    const Case cases[] = {
        {R"({"scenario": "l2.json", "replicate": 3})", R"(unknown key "replicate"; did you mean "replicates"?)"},
        {R"({"replicates": 3})", R"(missing required key "scenario")"},
        {R"({"scenario": 3})", "scenario: expected a scenario file name or a scenario object, found 3"},
        {R"({"scenario": "missing.json"})", "cannot open"},
        {R"({"scenario": "l2.json", "replicates": 1})", "replicates: expected a whole number in [2, 100000], found 1"},
        {R"({"scenario": "l2.json", "replicates": 2.5})", "replicates: expected a whole number in [2, 100000], found 2.5"},
        {R"({"scenario": "l2.json", "replicates": "10"})", R"(replicates: expected a whole number in [2, 100000], found "10")"},
        {R"({"scenario": "l2.json", "seed": -1})", "seed: expected a whole number >= 0, found -1"},
        {R"({"scenario": "l2.json", "title": {"en": "x"}})", R"(title: missing required key "ja")"},
        {R"({"scenario": "l2.json", "title": {"en": "x", "ja": ""}})", R"(title.ja: expected a non-empty string, found "")"},
        {R"({"scenario": "l2.json", "length": {"years": 1, "days": 3}})", "length: expected exactly one of events, days, weeks, months, years, found {\"days\":3,\"years\":1}"},
        {R"({"scenario": "l2.json", "length": {"yeers": 1}})", R"(length: unknown key "yeers"; did you mean "years"?)"},
        {R"({"scenario": "l2.json", "length": {"days": 1.5}})", "length.days: expected a whole number in [1, 10000000], found 1.5"},
        {R"({"scenario": "l2.json", "length": {"years": 0}})", "length.years: expected a number in [0.001, 10000], found 0"},
        {R"({"scenario": "l2.json", "length": {"events": 2000000}})", "length.events: expected a whole number in [1, 1000000], found 2000000"},
        {R"({"scenario": "l2.json", "vary": []})", "vary: expected an object from --set paths to lists or ranges, found []"},
        {R"({"scenario": "l2.json", "vary": {"seed": []}})", R"(vary["seed"]: expected a non-empty list of values, found [])"},
        {R"({"scenario": "l2.json", "vary": {"seed": 3}})", R"(vary["seed"]: expected a list of values or a range)"},
        {R"({"scenario": "l2.json", "vary": {"seed": {"from": 1, "to": 3}}})", R"(vary["seed"]: missing required key "step")"},
        {R"({"scenario": "l2.json", "vary": {"seed": {"from": 1, "to": 3, "stp": 1}}})", R"(vary["seed"]: unknown key "stp"; did you mean "step"?)"},
        {R"({"scenario": "l2.json", "vary": {"seed": {"from": 1, "to": 3, "step": 0}}})", R"(vary["seed"].step: expected a number > 0, found 0)"},
        {R"({"scenario": "l2.json", "vary": {"seed": {"from": 3, "to": 1, "step": 1}}})", R"(vary["seed"].to: expected a number >= from (3), found 1)"},
        {R"({"scenario": "l2.json", "vary": {"seed": {"from": "a", "to": 1, "step": 1}}})", R"(vary["seed"].from: expected a number, found "a")"},
        {R"({"scenario": "l2.json", "vary": {"seed": {"from": 0, "to": 1000000, "step": 1}}})", R"(vary["seed"]: expected at most 10000 values)"},
        {R"({"scenario": "l2.json", "vary": {"population[0].traits.gratitude": [0.5, 2]}})",
         R"(vary["population[0].traits.gratitude"][1]: makes an invalid scenario: population[0].traits.gratitude: expected a number in [0, 1], found 2)"},
        {R"({"scenario": "l2.json", "vary": {"population[0].traits.gratitud": [0.5]}})",
         R"(vary["population[0].traits.gratitud"][0]: makes an invalid scenario: population[0].traits: unknown key "gratitud"; did you mean "gratitude"?)"},
        {R"({"scenario": "l2.json", "vary": {"population[9].count": [1]}})",
         R"(vary["population[9].count"][0]: cannot be set: population[9]: index out of range; the array has 3 items)"},
        {R"({"scenario": "l2.json", "vary": {"matchmaking": ["random", "warmm"]}})", R"(vary["matchmaking"][1]: makes an invalid scenario: matchmaking: unknown matchmaking policy "warmm"; did you mean "warm"?)"},
        {R"({"scenario": "l2.json", "set": {"params.busy_chanse": 0.5}})", R"(set: makes an invalid scenario: params: unknown key "busy_chanse"; did you mean "busy_chance"?)"},
        {R"({"scenario": "l2.json", "set": [1]})", "set: expected an object from --set paths to values, found [1]"},
        {R"({"scenario": "l2.json", "set": {"seed": 1}, "vary": {"seed": [1, 2]}})", R"(set["seed"]: the path is also in "vary")"},
        {R"({"scenario": "l2.json", "vary": {"seed": [1, 2]}})", R"(vary["seed"]: the seed is set per replicate from the spec's "seed")"},
        {R"({"scenario": "l2.json", "settings": [{}, {"seed": 3}]})", R"(settings[1]["seed"]: the seed is set per replicate)"},
        {R"({"scenario": "l2.json", "vary": {"seed": [1]}, "settings": [{}]})", R"(settings: give either "vary" or "settings", not both)"},
        {R"({"scenario": "l2.json", "settings": [3]})", "settings[0]: expected an object from --set paths to values, found 3"},
        {R"({"scenario": "l2.json", "settings": [{}, {"matchmaking": "nobody"}]})", R"(settings[1]: makes an invalid scenario: matchmaking: unknown matchmaking policy "nobody")"},
        {R"({"scenario": "l2.json", "per_event": "yes"})", R"(per_event: expected true or false, found "yes")"},
        {R"({"scenario": "l2.json", "metrics": []})", "metrics: expected a non-empty list of metric names, found []"},
        {R"({"scenario": "l2.json", "metrics": ["collaborator"]})", R"(metrics[0]: unknown metric "collaborator"; did you mean "collaborators"?)"},
        {R"({"scenario": "l2.json", "metrics": ["contacts", "contacts"]})", R"(metrics[1]: metric "contacts" is listed twice)"},
        {R"({"scenario": "l2.json", "metrics": "contacts"})", R"(metrics: expected a non-empty list of metric names, found "contacts")"},
        {R"({"scenario": "l2.json",)", "syntax error"},
        {R"([1, 2])", "expected an object, found [1,2]"},
    };
    for (const auto& c : cases) {
        std::string file;
        const std::string error = specError(c.spec, file);
        const std::string context = std::string(c.spec) + " gave " + error;
        INFO(context);
        CHECK(error.rfind(file + ": ", 0) == 0);
        CHECK(error.find(c.expected) != std::string::npos);
        CHECK(error.find('\n') == std::string::npos);
    }
}
