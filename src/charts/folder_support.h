// What every folder's charts share: the metrics asked for, and group names from the folder's
// scenario.json (a cohort's label_ja) when the charts speak Japanese.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "charts.h"

namespace tsunagari::charts {

// The options' metrics, checked (ChartInputError for an unknown key), or the default set.
[[nodiscard]] std::vector<std::string> chosenMetrics(const ChartOptions& options);

// The options with Japanese names for the groups that the folder's scenario.json names in
// "label_ja"; names already in the options win. Unchanged when there is no such file.
[[nodiscard]] ChartOptions withFolderGroupNames(const std::filesystem::path& dir, const ChartOptions& options);

}  // namespace tsunagari::charts
