// Tournament and evolution specs: the shipped examples load, the resolved spec loads back to
// the same spec, and every bad spec is one line naming the file, the JSON path and what was expected.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiments/member_fitness.h"
#include "experiments/tournament_spec.h"
#include "scenario_io.h"

using namespace tsunagari;
using namespace tsunagari::experiments;
using nlohmann::json;

namespace {

const std::string kExamples = std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/experiments/";

// A valid tournament spec with an inline setting, edited per case.
json validTournament() {
    return json::parse(R"({
      "title": {"en": "T", "ja": "T"},
      "scenario": {"calendar": [{"name": "weekly", "kind": "chapter", "every_days": 7}]},
      "strategies": ["hard_seller", {"label": "grateful", "archetype": "slow_trust_builder", "traits": {"gratitude": 1}}],
      "members_per_strategy": 4, "replicates": 3, "seed": 9, "length": {"weeks": 10}
    })");
}

json validEvolution() {
    json doc = validTournament();
    doc.erase("length");
    doc["seasons"] = 3;
    doc["season_length"] = {{"events", 4}};
    doc["dynamics"] = "moran";
    doc["turnover"] = 2;
    doc["fitness"] = "referrals_received";
    return doc;
}

std::string errorOf(const json& doc, SpecKind kind) {
    try {
        (void)tournamentSpecFromJson(doc, "spec.json", kind);
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "(accepted)";
}

struct BadCase {
    const char* edit;        // a JSON merge patch applied to the valid spec
    const char* expected;    // the whole message
};

}  // namespace

TEST_CASE("tournament spec: the shipped examples load and a resolved spec loads back to the same spec") {
    for (const char* name : {"tournament_chapter.json", "tournament_mixer.json"}) {
        INFO(name);
        const TournamentSpec spec = loadTournamentSpec(kExamples + name, SpecKind::Tournament);
        CHECK(spec.strategies.size() == 8);
        const TournamentSpec again = tournamentSpecFromJson(json::parse(tournamentSpecToJson(spec).dump()), "again.json", SpecKind::Tournament);
        CHECK(tournamentSpecToJson(again) == tournamentSpecToJson(spec));
    }
    for (const char* name : {"evolution_chapter.json", "evolution_mixer.json"}) {
        INFO(name);
        const TournamentSpec spec = loadTournamentSpec(kExamples + name, SpecKind::Evolution);
        REQUIRE(spec.evolution);
        const TournamentSpec again = tournamentSpecFromJson(json::parse(tournamentSpecToJson(spec).dump()), "again.json", SpecKind::Evolution);
        CHECK(tournamentSpecToJson(again) == tournamentSpecToJson(spec));
    }
}

TEST_CASE("tournament spec: strategies become equal cohorts with their traits in spec order") {
    const TournamentSpec spec = tournamentSpecFromJson(validTournament(), "spec.json", SpecKind::Tournament);
    const Scenario s = tournamentScenario(spec, 77);
    CHECK(s.seed == 77);
    REQUIRE(s.population.size() == 2);
    CHECK(s.population[0].label == "hard_seller");
    CHECK(s.population[1].label == "grateful");
    CHECK(s.population[0].count == 4);
    CHECK(s.population[1].count == 4);
    CHECK(s.population[1].traits[Trait::Gratitude] == 1.0);
    CHECK(s.population[1].traits[Trait::PitchPressure] == findArchetype("slow_trust_builder")->traits[Trait::PitchPressure]);
    CHECK(spec.length.unit == LengthUnit::Weeks);
}

TEST_CASE("tournament spec: every bad tournament spec is one line naming the file and path") {
    const BadCase cases[] = {
        {R"({"title": null})", "spec.json: missing required key \"title\""},
        {R"({"title": {"en": ""}})", "spec.json: title.en: expected a non-empty string, found \"\""},
        {R"({"titel": 1})", "spec.json: unknown key \"titel\"; did you mean \"title\"?"},
        {R"({"scenario": 5})", "spec.json: scenario: expected a scenario file name or a scenario object, found 5"},
        {R"({"scenario": "no_such_file.json"})",
         "spec.json: scenario: expected a scenario file (relative to this spec's folder), found \"no_such_file.json\": no such file"},
        {R"({"scenario": {"calendar": [{"name": "w", "kind": "chapterr"}]}})",
         "spec.json: scenario.calendar[0].kind: unknown event kind \"chapterr\"; did you mean \"chapter\"?"},
        {R"({"scenario": {"calendar": []}})", "spec.json: scenario.calendar: expected at least one calendar entry, found []"},
        {R"({"strategies": "hard_seller"})", "spec.json: strategies: expected an array, found \"hard_seller\""},
        {R"({"strategies": ["hard_seller"]})", "spec.json: strategies: expected at least two strategies, found [\"hard_seller\"]"},
        {R"({"strategies": ["hard_seler", "average"]})",
         "spec.json: strategies[0]: unknown archetype \"hard_seler\"; did you mean \"hard_seller\"?"},
        {R"({"strategies": ["average", 3]})",
         "spec.json: strategies[1]: expected an archetype name or an object with label, archetype and traits, found 3"},
        {R"({"strategies": ["average", {"label": "x"}]})", "spec.json: strategies[1]: missing required key \"archetype\""},
        {R"({"strategies": ["average", {"archetype": "average", "lable": "x"}]})",
         "spec.json: strategies[1]: unknown key \"lable\"; did you mean \"label\"?"},
        {R"({"strategies": ["average", {"archetype": "average", "traits": {"gratitud": 1}}]})",
         "spec.json: strategies[1].traits: unknown key \"gratitud\"; did you mean \"gratitude\"?"},
        {R"({"strategies": ["average", {"archetype": "average", "traits": {"gratitude": 1.5}}]})",
         "spec.json: strategies[1].traits.gratitude: expected a number in [0, 1], found 1.5"},
        {R"({"strategies": ["average", "average"]})",
         "spec.json: strategies[1]: duplicate strategy label \"average\" (give each a distinct \"label\")"},
        {R"({"strategies": ["average", {"archetype": "hard_seller", "label": "average"}]})",
         "spec.json: strategies[1]: duplicate strategy label \"average\" (give each a distinct \"label\")"},
        {R"({"members_per_strategy": 0})", "spec.json: members_per_strategy: expected a whole number in [1, 500000], found 0"},
        {R"({"members_per_strategy": 2.5})", "spec.json: members_per_strategy: expected a whole number in [1, 500000], found 2.5"},
        {R"({"members_per_strategy": null})", "spec.json: missing required key \"members_per_strategy\""},
        {R"({"replicates": 0})", "spec.json: replicates: expected a whole number in [1, 100000], found 0"},
        {R"({"replicates": "20"})", "spec.json: replicates: expected a whole number in [1, 100000], found \"20\""},
        {R"({"seed": -1})", "spec.json: seed: expected a whole number >= 0, found -1"},
        {R"({"seed": 1.5})", "spec.json: seed: expected a whole number >= 0, found 1.5"},
        {R"({"length": null})", "spec.json: missing required key \"length\""},
        {R"({"length": 52})", "spec.json: length: expected an object, found 52"},
        {R"({"length": {"weeks": null, "years": 1, "days": 3}})",
         "spec.json: length: expected exactly one of events, days, weeks, months, years, found {\"days\":3,\"years\":1}"},
        {R"({"length": {"weeks": null}})", "spec.json: length: expected exactly one of events, days, weeks, months, years, found {}"},
        {R"({"length": {"weeks": null, "yaers": 1}})", "spec.json: length: unknown key \"yaers\"; did you mean \"years\"?"},
        {R"({"length": {"weeks": null, "events": 2.5}})", "spec.json: length.events: expected a whole number in [1, 1000000], found 2.5"},
        {R"({"length": {"weeks": -1}})", "spec.json: length.weeks: expected a number in [0.001, 1000000], found -1"},
        {R"({"length": {"weeks": null, "days": 1}, "scenario": {"calendar": [{"name": "w", "kind": "chapter", "first_day": 5}]}})",
         "spec.json: length: expected a length holding at least one event of the scenario's calendar, found none in 1 days"},
        {R"({"seasons": 3})", "spec.json: key \"seasons\" belongs to an evolution spec (tsunagari-cli evolve)"},
    };
    for (const auto& c : cases) {
        json doc = validTournament();
        doc.merge_patch(json::parse(c.edit));
        INFO(c.edit);
        CHECK(errorOf(doc, SpecKind::Tournament) == c.expected);
    }
    CHECK(errorOf(json::array(), SpecKind::Tournament) == "spec.json: expected an object at the top level, found []");
}

TEST_CASE("tournament spec: every bad evolution spec is one line naming the file and path") {
    const BadCase cases[] = {
        {R"({"length": {"years": 1}})", "spec.json: key \"length\" belongs to a tournament spec (tsunagari-cli tournament)"},
        {R"({"seasons": null})", "spec.json: missing required key \"seasons\""},
        {R"({"seasons": 0})", "spec.json: seasons: expected a whole number in [1, 10000], found 0"},
        {R"({"season_length": null})", "spec.json: missing required key \"season_length\""},
        {R"({"season_length": {"events": null, "month": 6}})",
         "spec.json: season_length: unknown key \"month\"; did you mean \"months\"?"},
        {R"({"season_length": {"events": 0}})", "spec.json: season_length.events: expected a whole number in [1, 1000000], found 0"},
        {R"({"dynamics": "moarn"})", "spec.json: dynamics: unknown dynamics \"moarn\"; did you mean \"moran\"?"},
        {R"({"dynamics": "evolution"})", "spec.json: dynamics: unknown dynamics \"evolution\"; expected one of: moran, imitation"},
        {R"({"dynamics": 1})", "spec.json: dynamics: expected a string naming a dynamics, found 1"},
        {R"({"turnover": 0})", "spec.json: turnover: expected a whole number in [1, 7], found 0"},
        {R"({"turnover": 8})", "spec.json: turnover: expected a whole number in [1, 7], found 8"},
        {R"({"fitness": "referals_received"})",
         "spec.json: fitness: unknown fitness metric \"referals_received\"; did you mean \"referrals_received\"?"},
        {R"({"fitness": "complaints"})",
         "spec.json: fitness: unknown fitness metric \"complaints\"; expected one of: referrals_received, "
         "repeat_referrals_received, closed_business, collaborators, contacts, reputation, trust_received, clients_kept"},
    };
    for (const auto& c : cases) {
        json doc = validEvolution();
        doc.merge_patch(json::parse(c.edit));
        INFO(c.edit);
        CHECK(errorOf(doc, SpecKind::Evolution) == c.expected);
    }
}

TEST_CASE("tournament spec: a scenario file is read relative to the spec and its own errors name it") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("tsunagari-spec-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "setting.json") << R"({"title": {"en": "S", "ja": "S"}, "description": {"en": "", "ja": ""},
        "population": [{"archetype": "average"}], "calendar": [{"name": "w", "kind": "chapter", "rounds": 0}]})";
    json doc = validTournament();
    doc["scenario"] = "setting.json";
    const std::string spec = (dir / "spec.json").string();
    std::ofstream(spec) << doc.dump();
    try {
        (void)loadTournamentSpec(spec, SpecKind::Tournament);
        FAIL("accepted a setting with 0 rounds");
    } catch (const ScenarioError& e) {
        CHECK(std::string(e.what()) == (dir / "setting.json").string() + ": calendar[0].rounds: expected a whole number in [1, 100], found 0");
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("tournament spec: the schema lists the loader's fitness metrics and dynamics and every key the examples use") {
    std::ifstream in(std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/tournament.schema.json");
    const json schema = json::parse(in);
    const json& properties = schema["properties"];
    CHECK(properties["fitness"]["enum"].get<std::vector<std::string>>() == memberMetricNames());
    CHECK(properties["dynamics"]["enum"] == json::array({"moran", "imitation"}));
    for (const char* name : {"tournament_chapter.json", "tournament_mixer.json", "evolution_chapter.json", "evolution_mixer.json"}) {
        std::ifstream file(kExamples + name);
        const json example = json::parse(file);
        for (const auto& [key, value] : example.items()) {
            INFO(name << ": " << key);
            CHECK(properties.contains(key));
        }
    }
    // Every property of the schema is a key the loader takes: a spec using them all loads.
    json doc = validEvolution();
    doc["$schema"] = "tournament.schema.json";
    doc["replicates"] = 2;
    std::set<std::string> keys;
    for (const auto& [key, value] : doc.items()) keys.insert(key);
    keys.insert("length");
    std::set<std::string> schemaKeys;
    for (const auto& [key, value] : properties.items()) schemaKeys.insert(key);
    CHECK(schemaKeys == keys);
    CHECK(errorOf(doc, SpecKind::Evolution) == "(accepted)");
}
