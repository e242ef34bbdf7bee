// Applying `--set` and `--seed` to a scenario document and blaming errors on their cause.
#include "scenario_settings.h"

#include <nlohmann/json.hpp>

#include "scenario_io.h"

namespace tsunagari {

Scenario scenarioWithSettings(const nlohmann::json& fileDoc, const std::vector<std::string>& settings,
                              std::optional<uint64_t> seed, const std::string& source) {
    nlohmann::json doc = fileDoc;
    for (const auto& setting : settings) applySetting(doc, setting);
    if (seed) doc["seed"] = *seed;
    try {
        return scenarioFromJson(doc, source);
    } catch (const ScenarioError& withSettings) {
        if (settings.empty()) throw;
        // Validating the file alone again costs as much as the first time, and only on an error.
        try {
            (void)scenarioFromJson(fileDoc, source);
        } catch (const ScenarioError& fileAlone) {
            if (std::string(fileAlone.what()) == withSettings.what()) throw withSettings;
        }
        throw ScenarioError("<--set>", withSettings.path, withSettings.message);
    }
}

}  // namespace tsunagari
