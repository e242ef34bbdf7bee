// Reading, checking and writing scenario files. Every problem becomes one ScenarioError
// naming the file, the JSON path and what was expected versus found.
#pragma once
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenario.h"

namespace tsunagari {

struct ScenarioError : std::runtime_error {
    ScenarioError(std::string file, std::string path, std::string message);
    std::string file;      // "scenarios/l1_hard_sellers.json", or "<--set>"
    std::string path;      // "population[2].traits.gratitude", "" for the whole document
    std::string message;   // "expected a number in [0, 1], found \"high\""
    // what() = "FILE: PATH: MESSAGE" (or "FILE: MESSAGE" when path is empty), one line.
};

// Parses and validates; throws ScenarioError. `sourceName` is used in messages.
[[nodiscard]] Scenario scenarioFromJson(const nlohmann::json& doc, const std::string& sourceName);

// Every error validation can find, in the order scenarioFromJson meets them (its error is the
// first): the first kMaxListedErrors in full, and how many there are in all.
inline constexpr size_t kMaxListedErrors = 20;
struct ScenarioErrors {
    std::vector<ScenarioError> listed;
    size_t total = 0;
};
[[nodiscard]] ScenarioErrors scenarioErrors(const nlohmann::json& doc, const std::string& sourceName);

// Lines about what is valid but probably not meant ("joins": [] means every entry).
[[nodiscard]] std::vector<std::string> scenarioWarnings(const nlohmann::json& doc, const std::string& sourceName);
[[nodiscard]] Scenario loadScenarioFile(const std::string& path);          // also reports I/O and syntax errors
[[nodiscard]] nlohmann::json readJsonFile(const std::string& path);        // syntax errors as ScenarioError

// Applies one `--set path=value` to a parsed document before validation. `path` uses dots
// and [i] ("params.busy_chance", "population[1].traits.gratitude", "seed"); `value` is
// parsed as JSON, or taken as a string when it is not valid JSON. Throws ScenarioError.
void applySetting(nlohmann::json& doc, const std::string& assignment);

// For other readers of JSON files (experiment specs), so their messages read the same: a
// found value shown compactly and briefly, and `unknown WHAT "x"; did you mean "y"?` (or
// the list of valid names).
[[nodiscard]] std::string shownJson(const nlohmann::json& value);
[[nodiscard]] std::string unknownNameMessage(const std::string& what, const std::string& found,
                                             const std::vector<std::string>& valid);

// The complete setup as a scenario document (every key written), loadable again.
[[nodiscard]] nlohmann::json scenarioToJson(const Scenario& scenario);

// Writes `content` to a temporary file beside `path` and renames it over `path`, so a
// failed write never damages an existing file. Throws std::runtime_error with a one-line reason.
void writeFileAtomic(const std::string& path, const std::string& content);

}  // namespace tsunagari
