#include "folder_support.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "chart_text.h"

namespace tsunagari::charts {

std::vector<std::string> defaultMetrics() {
    return {"referrals_received", "repeat_referrals_received", "collaborators",
            "closed_business",    "trust_received",            "reputation"};
}

std::vector<std::string> chosenMetrics(const ChartOptions& options) {
    for (const auto& key : options.metrics) (void)ChartText::metric(key);
    return options.metrics.empty() ? defaultMetrics() : options.metrics;
}

ChartOptions withFolderGroupNames(const std::filesystem::path& dir, const ChartOptions& options) {
    ChartOptions named = options;
    if (options.language != ChartLanguage::Japanese) return named;
    std::ifstream in(dir / "scenario.json");
    if (!in) return named;
    // Only names are taken from it; the scenario itself was checked when it ran.
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (!doc.is_object() || !doc.contains("population") || !doc["population"].is_array()) return named;
    for (const auto& cohort : doc["population"]) {
        if (!cohort.is_object() || !cohort.contains("label_ja") || !cohort["label_ja"].is_string()) continue;
        const auto label = cohort.contains("label") && cohort["label"].is_string() ? cohort["label"].get<std::string>()
                           : cohort.contains("archetype") && cohort["archetype"].is_string()
                               ? cohort["archetype"].get<std::string>()
                               : std::string();
        if (!label.empty()) named.groupNames.emplace(label, cohort["label_ja"].get<std::string>());
    }
    return named;
}

}  // namespace tsunagari::charts
