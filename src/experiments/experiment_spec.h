// Experiment specs: a scenario, fixed and varied `--set` paths, replicates, a base seed and a
// length, read from their own JSON file and checked like scenarios (every problem is one
// ScenarioError naming the spec file, the JSON path and what was expected).
//
// Settings are the full factorial of the varied paths: paths in alphabetical order, the
// last path changing fastest (an odometer), values in the order listed (a range ascending);
// or, with "settings" instead of "vary", the listed settings in their order.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "calendar_length.h"
#include "scenario.h"

namespace tsunagari::experiments {

// One `--set` path and the JSON value it is given.
using Override = std::pair<std::string, nlohmann::json>;

struct VariedPath {
    std::string path;                     // e.g. "population[0].traits.gratitude"
    std::vector<nlohmann::json> values;   // a range is expanded into its values
};

struct ExperimentSpec {
    std::string file;                     // the spec's path, for messages
    Bilingual title;
    nlohmann::json scenario;              // the scenario document, before any override
    std::string scenarioName;             // its file, or "SPEC (scenario)" when written inline
    int replicates = 10;
    uint64_t seed = 1;                    // base seed: replicate i runs deriveSeed(seed, i)
    std::optional<RunLength> length;      // nullopt: the scenario's own "events"
    std::vector<Override> set;            // applied first, in path order
    std::vector<VariedPath> vary;         // in path order
    // Instead of `vary`: settings listed one by one (compare's --vs), each its own overrides.
    std::vector<std::vector<Override>> listed;
    bool perEvent = false;
    std::vector<int> metrics;             // indices into metricNames(), in that order
};

// One combination of varied values, and the scenario it runs.
struct Setting {
    std::string label;                    // "path=value; path=value", or "baseline" when nothing varies
    std::vector<Override> values;         // one per varied path, in path order (a listed setting's own)
    Scenario scenario;                    // checked, with the set and varied overrides applied
    int events = 0;                       // the spec's length in events for this scenario
};

inline constexpr int kMaxReplicates = 100'000;
inline constexpr size_t kMaxSettings = 10'000;

// Reads a spec; `scenario` is a path relative to the spec file or an inline document.
[[nodiscard]] ExperimentSpec loadExperimentSpec(const std::string& path);
[[nodiscard]] ExperimentSpec experimentSpecFromJson(const nlohmann::json& doc, const std::string& file);

// Every setting in order, each scenario checked; errors name the spec file and the
// `set` or `vary` entry that made the scenario invalid.
[[nodiscard]] std::vector<Setting> expandSettings(const ExperimentSpec& spec);

// The position of a metric ("referrals_received") in metricNames(), nullopt if unknown.
[[nodiscard]] std::optional<int> metricIndex(const std::string& name);

// A value as a `--set` value and as shown in labels: strings bare, everything else as JSON.
[[nodiscard]] std::string overrideText(const nlohmann::json& value);

// The spec as a self-contained spec document: the scenario inline, ranges expanded into
// lists, every optional key written. Loading it again gives the same settings and cells.
[[nodiscard]] nlohmann::json resolvedSpecJson(const ExperimentSpec& spec);

}  // namespace tsunagari::experiments
