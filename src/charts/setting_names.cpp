#include "setting_names.h"

#include <algorithm>
#include <optional>
#include <set>

namespace tsunagari::charts {

namespace {

// "calendar[2].matchmaking" -> "matchmaking".
std::string lastPart(const std::string& path) {
    const auto dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
}

// Paths whose values change, and change together: the same value (or none) in each setting.
struct Changing {
    std::vector<std::string> paths;
    std::vector<std::optional<std::string>> values;  // by setting
};

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : separator) + part;
    return text;
}

// How a group of changing paths is named: a lone path in full when it is the only one (it names
// the axis), else by its last part when no other group's path ends so.
std::string keyOf(const std::vector<Changing>& changing, size_t c) {
    const auto& paths = changing[c].paths;
    const std::string last = lastPart(paths.front());
    const bool shared = std::all_of(paths.begin(), paths.end(), [&](const auto& p) { return lastPart(p) == last; });
    bool unique = true;
    for (size_t other = 0; other < changing.size(); ++other)
        for (const auto& p : changing[other].paths)
            if (other != c && lastPart(p) == last) unique = false;
    if (paths.size() == 1) return changing.size() == 1 || !unique ? paths.front() : last;
    return shared && unique ? last : joined(paths, ", ");
}

}  // namespace

std::string SettingNames::shortName(const std::string& setting, const std::string& label) const {
    const auto it = bySetting.find(setting);
    return it != bySetting.end() ? it->second.shortName : label;
}

std::string SettingNames::described(const std::string& label) const {
    for (const auto& [setting, name] : bySetting)
        if (name.label == label) return name.described;
    return label;
}

SettingNames shortSettingNames(const std::vector<SettingRow>& rows, const std::string& fallbackTitle) {
    // Settings and paths in the order they first appear.
    std::vector<std::string> settings, labels, paths;
    std::vector<std::map<std::string, std::string>> values;
    for (const SettingRow& row : rows) {
        auto at = std::find(settings.begin(), settings.end(), row.setting);
        if (at == settings.end()) {
            settings.push_back(row.setting);
            labels.push_back(row.label);
            values.emplace_back();
            at = settings.end() - 1;
        }
        if (row.path.empty()) continue;
        values[size_t(at - settings.begin())][row.path] = row.value;
        if (std::find(paths.begin(), paths.end(), row.path) == paths.end()) paths.push_back(row.path);
    }
    SettingNames full{fallbackTitle, {}};
    for (size_t s = 0; s < settings.size(); ++s) full.bySetting[settings[s]] = {labels[s], labels[s], labels[s]};

    std::vector<Changing> changing;
    for (const std::string& path : paths) {
        std::vector<std::optional<std::string>> column;
        for (const auto& setting : values) {
            const auto it = setting.find(path);
            column.push_back(it != setting.end() ? std::optional(it->second) : std::nullopt);
        }
        const bool same = settings.size() >= 2 && column.front() &&
                          std::all_of(column.begin(), column.end(), [&](const auto& v) { return v == column.front(); });
        if (same) continue;  // says nothing about how the settings differ
        auto group = std::find_if(changing.begin(), changing.end(), [&](const Changing& c) { return c.values == column; });
        if (group == changing.end()) changing.push_back({{path}, column});
        else group->paths.push_back(path);
    }
    if (changing.empty()) return full;

    SettingNames names{changing.size() == 1 ? keyOf(changing, 0) : fallbackTitle, {}};
    std::set<std::string> seen;
    for (size_t s = 0; s < settings.size(); ++s) {
        std::vector<std::string> parts;
        for (size_t c = 0; c < changing.size(); ++c)
            if (changing[c].values[s]) parts.push_back(keyOf(changing, c) + "=" + *changing[c].values[s]);
        SettingName name{labels[s], joined(parts, ", "), joined(parts, ", ")};
        if (changing.size() == 1 && changing[0].values[s]) name.shortName = *changing[0].values[s];
        if (parts.empty()) name.shortName = name.described = labels[s];  // e.g. "baseline": no override
        // Two settings under one name, or one without a name: only the full labels tell them apart.
        if (name.shortName.empty() || !seen.insert(name.shortName).second) return full;
        names.bySetting[settings[s]] = name;
    }
    return names;
}

}  // namespace tsunagari::charts
