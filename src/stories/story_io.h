// Reading and checking story files (scenarios/stories/*.json). Every problem is one
// ScenarioError naming the story file, the JSON path and what was expected; the
// scenarios a story names are loaded and checked too, so a story that loads can be told.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "stories/story.h"

namespace tsunagari::stories {

// `folder` resolves the scenario paths written in the story (the story file's folder).
[[nodiscard]] Story storyFromJson(const nlohmann::json& doc, const std::string& sourceName, const std::string& folder);
[[nodiscard]] Story loadStoryFile(const std::string& path);

// Two rooms side by side from one scenario file (with `settings` applied to both): as it
// is, and with `changes`; one step that runs the scenario's own number of events. Errors
// name `<--compare>` and the change that failed.
[[nodiscard]] Story sideBySideStory(const std::string& scenarioPath, const std::vector<std::string>& settings,
                                    const std::vector<std::string>& changes);

}  // namespace tsunagari::stories
