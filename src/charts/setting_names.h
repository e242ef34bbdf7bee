// Short names for a sweep's settings (from settings.csv), so ticks and legends say "random",
// "rotation" rather than "calendar[2].matchmaking=random; calendar[3].matchmaking=random; ...".
#pragma once
#include <map>
#include <string>
#include <vector>

namespace tsunagari::charts {

// One row of settings.csv: a setting's override of one path (path empty: no override).
struct SettingRow {
    std::string setting, label, path, value;
};

struct SettingName {
    std::string label;      // the full label, e.g. "a=1; b=x"
    std::string shortName;  // a tick or legend entry under `SettingNames::title`, e.g. "1"
    std::string described;  // the setting on its own, e.g. in a chart title: "a=1"
};

struct SettingNames {
    std::string title;                         // names the x axis or the legend of the settings
    std::map<std::string, SettingName> bySetting;  // by setting number

    // The short name of a setting (its number, else its label as given).
    [[nodiscard]] std::string shortName(const std::string& setting, const std::string& label) const;
    // A setting named by its full label as it stands alone, e.g. the comparison's baseline.
    [[nodiscard]] std::string described(const std::string& label) const;
};

// Paths with the same value in every setting are left out; paths that always change together
// are one (named by their common last part, e.g. "matchmaking"). With one such changing path
// the names are its values and `title` is the path; with several, "path=value, ..." by their
// last parts. When that leaves two settings with one name, the full labels under `fallbackTitle`.
[[nodiscard]] SettingNames shortSettingNames(const std::vector<SettingRow>& rows, const std::string& fallbackTitle);

}  // namespace tsunagari::charts
