// Reading, checking and writing tournament and evolution specs.
#include "tournament_spec.h"

#include <filesystem>
#include <set>

#include "member_fitness.h"
#include "report.h"
#include "scenario_io.h"
#include "spec_reader.h"

namespace tsunagari::experiments {

using nlohmann::json;

namespace {

const std::vector<std::string> kCommonKeys{"$schema", "title", "scenario", "strategies", "members_per_strategy",
                                           "replicates", "seed"};
const std::vector<std::string> kTournamentOnlyKeys{"length"};
const std::vector<std::string> kEvolutionOnlyKeys{"seasons", "season_length", "dynamics", "turnover", "fitness"};
const std::vector<std::string> kStrategyKeys{"label", "archetype", "traits"};

constexpr int kMaxReplicates = 100'000;
constexpr int kMaxSeasons = 10'000;
constexpr int kMaxStrategies = 1'000;

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The key a wrong-command spec uses, for a message that points to the other command.
std::string otherCommandKey(const json& doc, const std::vector<std::string>& keys) {
    for (const auto& key : keys)
        if (doc.contains(key)) return key;
    return "";
}

// A scenario file (relative to the spec's directory) or a scenario object inline, which may
// leave out its title and description (the spec's are used) and its population (replaced anyway).
Scenario setting(const SpecReader& r, const json& v, const Bilingual& specTitle) {
    if (v.is_string()) {
        const std::string name = v.get<std::string>();
        const std::filesystem::path file = std::filesystem::path(r.source()).parent_path() / name;
        std::error_code ec;
        if (name.empty() || !std::filesystem::is_regular_file(file, ec))
            r.fail("scenario", "expected a scenario file (relative to this spec's folder), found " + shownJson(v) +
                                   ": no such file");
        return loadScenarioFile(file.string());   // its own errors name that file
    }
    if (!v.is_object()) r.fail("scenario", "expected a scenario file name or a scenario object, found " + shownJson(v));
    json given = v;
    if (!given.contains("title")) given["title"] = {{"en", specTitle.en}, {"ja", specTitle.ja}};
    if (!given.contains("description")) given["description"] = {{"en", ""}, {"ja", ""}};
    if (!given.contains("population")) given["population"] = json::array({{{"archetype", "average"}}});
    try {
        return scenarioFromJson(given, r.source());
    } catch (const ScenarioError& e) {
        r.fail(e.path.empty() ? "scenario" : childPath("scenario", e.path), e.message);
    }
}

Strategy strategy(const SpecReader& r, const json& v, const std::string& path) {
    Strategy s;
    const json* traits = nullptr;
    std::string archetypePath = path;
    if (v.is_string()) {
        s.archetype = v.get<std::string>();
    } else if (v.is_object()) {
        r.expectKeys(v, path, kStrategyKeys);
        archetypePath = childPath(path, "archetype");
        s.archetype = r.text(r.required(v, path, "archetype"), archetypePath);
        if (v.contains("label")) s.label = r.text(v["label"], childPath(path, "label"));
        if (v.contains("traits")) traits = &v["traits"];
    } else {
        r.fail(path, "expected an archetype name or an object with label, archetype and traits, found " + shownJson(v));
    }
    const Archetype* preset = findArchetype(s.archetype);
    if (!preset) r.fail(archetypePath, unknownNameMessage("archetype", s.archetype, archetypeKeys()));
    s.traits = preset->traits;
    if (s.label.empty()) s.label = s.archetype;
    if (traits) {
        const std::string traitsPath = childPath(path, "traits");
        r.expectKeys(*traits, traitsPath, traitKeys());
        for (const auto& [key, value] : traits->items()) s.traits[*traitFromKey(key)] = r.numberIn(value, childPath(traitsPath, key), 0, 1);
    }
    return s;
}

std::vector<Strategy> strategies(const SpecReader& r, const json& v) {
    r.expectArray(v, "strategies");
    if (v.size() < 2) r.fail("strategies", "expected at least two strategies, found " + shownJson(v));
    if (v.size() > size_t(kMaxStrategies))
        r.fail("strategies", "expected at most " + std::to_string(kMaxStrategies) + " strategies, found " + std::to_string(v.size()));
    std::vector<Strategy> out;
    std::set<std::string> labels;
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string path = indexPath("strategies", i);
        out.push_back(strategy(r, v[i], path));
        if (!labels.insert(out.back().label).second)
            r.fail(path, "duplicate strategy label \"" + out.back().label + "\" (give each a distinct \"label\")");
    }
    return out;
}

// A length that holds no event of the setting's calendar would run nothing.
void requireEvents(const SpecReader& r, const Scenario& s, const RunLength& length, const std::string& path) {
    if (eventsIn(s, length) < 1)
        r.fail(path, "expected a length holding at least one event of the scenario's calendar, found none in " +
                         formatNumber(length.amount) + " " + lengthUnitName(length.unit));
}

nlohmann::ordered_json lengthJson(const RunLength& length) {
    const bool whole = length.unit == LengthUnit::Events || length.unit == LengthUnit::Days;
    nlohmann::ordered_json out;
    if (whole) out[lengthUnitName(length.unit)] = int64_t(length.amount);
    else out[lengthUnitName(length.unit)] = length.amount;
    return out;
}

}  // namespace

const char* dynamicsKey(Dynamics d) { return d == Dynamics::Moran ? "moran" : "imitation"; }

TournamentSpec tournamentSpecFromJson(const json& doc, const std::string& source, SpecKind kind) {
    const SpecReader r(source);
    const bool evolution = kind == SpecKind::Evolution;
    if (!doc.is_object()) r.fail("", "expected an object at the top level, found " + shownJson(doc));
    const std::string misplaced = otherCommandKey(doc, evolution ? kTournamentOnlyKeys : kEvolutionOnlyKeys);
    if (!misplaced.empty())
        r.fail("", "key \"" + misplaced + "\" belongs to " + (evolution ? "a tournament spec (tsunagari-cli tournament)"
                                                                       : "an evolution spec (tsunagari-cli evolve)"));
    r.expectKeys(doc, "", kCommonKeys + (evolution ? kEvolutionOnlyKeys : kTournamentOnlyKeys));
    TournamentSpec spec;
    if (doc.contains("$schema")) (void)r.text(doc["$schema"], "$schema");
    spec.title = r.bilingual(r.required(doc, "", "title"), "title");
    spec.setting = setting(r, r.required(doc, "", "scenario"), spec.title);
    spec.strategies = strategies(r, r.required(doc, "", "strategies"));
    const int maxPerStrategy = kMaxAttendees / int(spec.strategies.size());
    spec.membersPerStrategy = r.wholeIn(r.required(doc, "", "members_per_strategy"), "members_per_strategy", 1, maxPerStrategy);
    if (doc.contains("replicates")) spec.replicates = r.wholeIn(doc["replicates"], "replicates", 1, kMaxReplicates);
    if (doc.contains("seed")) spec.seed = r.seed(doc["seed"], "seed");
    if (!evolution) {
        spec.length = r.runLength(r.required(doc, "", "length"), "length");
        requireEvents(r, spec.setting, spec.length, "length");
        return spec;
    }
    EvolutionSettings e;
    e.seasons = r.wholeIn(r.required(doc, "", "seasons"), "seasons", 1, kMaxSeasons);
    e.seasonLength = r.runLength(r.required(doc, "", "season_length"), "season_length");
    requireEvents(r, spec.setting, e.seasonLength, "season_length");
    e.dynamics = r.choice(r.required(doc, "", "dynamics"), "dynamics", "dynamics", {"moran", "imitation"}) == "moran"
                     ? Dynamics::Moran : Dynamics::Imitation;
    e.turnover = r.wholeIn(r.required(doc, "", "turnover"), "turnover", 1, spec.members() - 1);
    e.fitness = r.choice(r.required(doc, "", "fitness"), "fitness", "fitness metric", memberMetricNames());
    spec.evolution = e;
    return spec;
}

TournamentSpec loadTournamentSpec(const std::string& path, SpecKind kind) {
    return tournamentSpecFromJson(readJsonFile(path), path, kind);
}

nlohmann::ordered_json tournamentSpecToJson(const TournamentSpec& spec) {
    nlohmann::ordered_json doc;
    doc["title"] = {{"en", spec.title.en}, {"ja", spec.title.ja}};
    doc["scenario"] = scenarioToJson(tournamentScenario(spec, spec.seed));
    doc["strategies"] = nlohmann::ordered_json::array();
    for (const auto& s : spec.strategies) {
        nlohmann::ordered_json traits = nlohmann::ordered_json::object();
        for (int i = 0; i < kTraitCount; ++i) traits[traitInfo(Trait(i)).key] = s.traits[Trait(i)];
        doc["strategies"].push_back({{"label", s.label}, {"archetype", s.archetype}, {"traits", traits}});
    }
    doc["members_per_strategy"] = spec.membersPerStrategy;
    doc["replicates"] = spec.replicates;
    doc["seed"] = spec.seed;
    if (!spec.evolution) {
        doc["length"] = lengthJson(spec.length);
        return doc;
    }
    const EvolutionSettings& e = *spec.evolution;
    doc["seasons"] = e.seasons;
    doc["season_length"] = lengthJson(e.seasonLength);
    doc["dynamics"] = dynamicsKey(e.dynamics);
    doc["turnover"] = e.turnover;
    doc["fitness"] = e.fitness;
    return doc;
}

Scenario tournamentScenario(const TournamentSpec& spec, uint64_t seed) {
    Scenario s = spec.setting;
    s.seed = seed;
    s.population.clear();
    for (const auto& strategy : spec.strategies) {
        Cohort c;
        c.label = strategy.label;
        c.archetype = strategy.archetype;
        c.count = spec.membersPerStrategy;
        c.traits = strategy.traits;
        s.population.push_back(std::move(c));
    }
    return s;
}

}  // namespace tsunagari::experiments
