// A scenario file with `--set` settings and `--seed` applied, validated, and each error
// blamed on what caused it: the file, or "<--set>".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenario.h"

namespace tsunagari {

// `fileDoc` as read from `source`; `settings` are "path=value" in order. Throws ScenarioError
// naming `source` when the file alone fails the same way, and "<--set>" otherwise.
[[nodiscard]] Scenario scenarioWithSettings(const nlohmann::json& fileDoc, const std::vector<std::string>& settings,
                                            std::optional<uint64_t> seed, const std::string& source);

}  // namespace tsunagari
