// Reading and checking experiment specs, and expanding them into settings.
#include "experiments/experiment_spec.h"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <filesystem>

#include "metric_names.h"
#include "report.h"
#include "scenario_io.h"
#include "spec_reader.h"

namespace tsunagari::experiments {

using nlohmann::json;

namespace {

const std::vector<std::string> kSpecKeys{"$schema", "title", "scenario", "replicates", "seed", "length",
                                         "vary",    "settings", "set", "per_event", "metrics"};
const std::vector<std::string> kRangeKeys{"from", "to", "step"};

std::string quotedKey(const std::string& path, const std::string& key) { return path + "[" + json(key).dump() + "]"; }

bool isWhole(double d) { return std::floor(d) == d && std::fabs(d) < 1e15; }

double roundedTo12Digits(double d) {   // to_chars and from_chars never consult the locale
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::general, 12).ptr;
    double rounded = d;
    std::from_chars(buffer, end, rounded);
    return rounded;
}

// A range's values; the path itself is checked by applying them to the scenario later.
std::vector<json> readRange(const SpecReader& r, const json& v, const std::string& path) {
    r.expectKeys(v, path, kRangeKeys);
    for (const std::string& key : kRangeKeys) (void)r.required(v, path, key);
    r.expect(v["from"].is_number(), v["from"], path + ".from", "a number");
    const double from = v["from"].get<double>();
    r.expect(v["to"].is_number() && v["to"].get<double>() >= from, v["to"], path + ".to",
             "a number >= from (" + formatNumber(from) + ")");
    const double to = v["to"].get<double>();
    r.expect(v["step"].is_number() && v["step"].get<double>() > 0, v["step"], path + ".step", "a number > 0");
    const double step = v["step"].get<double>();
    // A little slack so 0 to 1 in steps of 0.1 ends at 1 despite rounding.
    const double count = std::floor((to - from) / step * (1 + 1e-12) + 1e-9) + 1;
    if (!(count <= double(kMaxSettings)))
        r.fail(path, "expected at most " + std::to_string(kMaxSettings) + " values, found a range of " + formatNumber(count));
    const bool whole = isWhole(from) && isWhole(step);
    std::vector<json> values;
    for (int k = 0; k < int(count); ++k) {
        const double value = from + k * step;
        if (whole) values.emplace_back(int64_t(value));
        else values.emplace_back(roundedTo12Digits(value));   // 0.30000000000000004 → 0.3
    }
    return values;
}

std::vector<Override> readSet(const SpecReader& r, const json& v) {
    r.expect(v.is_object(), v, "set", "an object from --set paths to values");
    std::vector<Override> set;
    for (const auto& [path, value] : v.items()) set.emplace_back(path, value);
    return set;
}

std::vector<VariedPath> readVary(const SpecReader& r, const json& v) {
    r.expect(v.is_object(), v, "vary", "an object from --set paths to lists or ranges");
    std::vector<VariedPath> vary;
    size_t settings = 1;
    for (const auto& [path, values] : v.items()) {
        const std::string where = quotedKey("vary", path);
        VariedPath varied{path, {}};
        if (values.is_array()) {
            if (values.empty()) r.fail(where, "expected a non-empty list of values, found []");
            varied.values.assign(values.begin(), values.end());
        } else if (values.is_object()) {
            varied.values = readRange(r, values, where);
        } else {
            r.fail(where, "expected a list of values or a range {\"from\", \"to\", \"step\"}, found " + shownJson(values));
        }
        settings *= varied.values.size();
        if (settings > kMaxSettings)
            r.fail(where, "expected at most " + std::to_string(kMaxSettings) + " settings in all, found more");
        vary.push_back(std::move(varied));
    }
    return vary;
}

std::vector<std::vector<Override>> readListed(const SpecReader& r, const json& v) {
    r.expect(v.is_array() && !v.empty() && v.size() <= kMaxSettings, v, "settings",
             "a list of 1 to " + std::to_string(kMaxSettings) + " objects from --set paths to values");
    std::vector<std::vector<Override>> listed;
    for (size_t i = 0; i < v.size(); ++i) {
        r.expect(v[i].is_object(), v[i], indexPath("settings", i), "an object from --set paths to values");
        listed.emplace_back(readSet(r, v[i]));
    }
    return listed;
}

std::vector<int> readMetrics(const SpecReader& r, const json& v) {
    r.expect(v.is_array() && !v.empty(), v, "metrics", "a non-empty list of metric names");
    std::vector<std::string> valid;
    for (const MetricName& metric : metricNames()) valid.emplace_back(metric.key);
    std::vector<bool> chosen(valid.size(), false);
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string where = indexPath("metrics", i);
        const std::string name = r.choice(v[i], where, "metric", valid);
        const auto metric = metricIndex(name);
        if (chosen[size_t(*metric)]) r.fail(where, "metric \"" + name + "\" is listed twice");
        chosen[size_t(*metric)] = true;
    }
    std::vector<int> metrics;   // in the order of metricNames(), whatever order they were listed in
    for (int m = 0; m < int(chosen.size()); ++m)
        if (chosen[size_t(m)]) metrics.push_back(m);
    return metrics;
}

// "path: message" of an error found inside the scenario or a --set, for a message about the spec.
std::string nested(const ScenarioError& e) { return (e.path.empty() ? "" : e.path + ": ") + e.message; }

// Applies overrides in order and checks the scenario; a failure names the spec's `where`.
Scenario checkedScenario(const ExperimentSpec& spec, json doc, const std::vector<Override>& overrides,
                         const std::string& where) {
    try {
        for (const auto& [path, value] : overrides) applySetting(doc, path + "=" + overrideText(value));
    } catch (const ScenarioError& e) {
        throw ScenarioError(spec.file, where, "cannot be set: " + nested(e));
    }
    try {
        return scenarioFromJson(doc, spec.scenarioName);
    } catch (const ScenarioError& e) {
        throw ScenarioError(spec.file, where, "makes an invalid scenario: " + nested(e));
    }
}

int eventsOf(const ExperimentSpec& spec, const Scenario& scenario, const std::string& where) {
    if (!spec.length) return scenario.events;
    const int events = eventsIn(scenario, *spec.length);
    if (events > kMaxEvents)
        throw ScenarioError(spec.file, where,
                            "the length is " + std::to_string(events) + " events, more than the limit of " + std::to_string(kMaxEvents));
    return events;
}

}  // namespace

std::optional<int> metricIndex(const std::string& name) {
    const MetricName* metric = findMetricName(name);
    if (!metric) return std::nullopt;
    return int(metric - metricNames().data());
}

std::string overrideText(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

ExperimentSpec experimentSpecFromJson(const json& doc, const std::string& file) {
    SpecReader r(file);
    r.expectKeys(doc, "", kSpecKeys);
    ExperimentSpec spec;
    spec.file = file;
    const json& scenario = r.required(doc, "", "scenario");
    if (scenario.is_string()) {
        const std::string relative = r.text(scenario, "scenario");
        spec.scenarioName = (std::filesystem::path(file).parent_path() / relative).lexically_normal().string();
        try {
            spec.scenario = readJsonFile(spec.scenarioName);
        } catch (const ScenarioError& e) {
            r.fail("scenario", e.what());   // "FILE: cannot open: ..." names the scenario file
        }
    } else if (scenario.is_object()) {
        spec.scenarioName = file + " (scenario)";
        spec.scenario = scenario;
    } else {
        r.fail("scenario", "expected a scenario file name or a scenario object, found " + shownJson(scenario));
    }
    if (doc.contains("title")) spec.title = r.bilingual(doc["title"], "title");
    if (doc.contains("replicates")) spec.replicates = r.wholeIn(doc["replicates"], "replicates", 2, kMaxReplicates);
    if (doc.contains("seed")) spec.seed = r.seed(doc["seed"], "seed");
    if (doc.contains("length")) spec.length = r.runLength(doc["length"], "length");
    if (doc.contains("set")) spec.set = readSet(r, doc["set"]);
    if (doc.contains("vary")) spec.vary = readVary(r, doc["vary"]);
    if (doc.contains("settings")) {
        if (doc.contains("vary")) r.fail("settings", "give either \"vary\" or \"settings\", not both");
        spec.listed = readListed(r, doc["settings"]);
    }
    if (doc.contains("per_event")) spec.perEvent = r.flag(doc["per_event"], "per_event");
    if (doc.contains("metrics")) spec.metrics = readMetrics(r, doc["metrics"]);
    else for (int m = 0; m < int(metricNames().size()); ++m) spec.metrics.push_back(m);
    for (const auto& [path, value] : spec.set)
        if (std::any_of(spec.vary.begin(), spec.vary.end(), [&](const VariedPath& v) { return v.path == path; }))
            r.fail(quotedKey("set", path), "the path is also in \"vary\"; give it in one of them");
    // Each replicate's seed comes from the spec's "seed"; a seed set here would be overwritten.
    const auto setsSeed = [](const auto& overrides) {
        return std::any_of(overrides.begin(), overrides.end(), [](const Override& o) { return o.first == "seed"; });
    };
    if (setsSeed(spec.set)) r.fail(quotedKey("set", "seed"), "the seed is set per replicate from the spec's \"seed\"");
    for (const auto& varied : spec.vary)
        if (varied.path == "seed") r.fail(quotedKey("vary", "seed"), "the seed is set per replicate from the spec's \"seed\"");
    for (size_t i = 0; i < spec.listed.size(); ++i)
        if (setsSeed(spec.listed[i]))
            r.fail(quotedKey("settings[" + std::to_string(i) + "]", "seed"), "the seed is set per replicate from the spec's \"seed\"");
    // Each override alone, so a bad one is named exactly; combinations are checked by expandSettings.
    const Scenario base = checkedScenario(spec, spec.scenario, spec.set, "set");
    if (!doc.contains("title")) spec.title = base.title;
    json withSet = spec.scenario;
    for (const auto& [path, value] : spec.set) applySetting(withSet, path + "=" + overrideText(value));
    for (const auto& varied : spec.vary)
        for (size_t i = 0; i < varied.values.size(); ++i) {
            const std::string where = quotedKey("vary", varied.path) + "[" + std::to_string(i) + "]";
            eventsOf(spec, checkedScenario(spec, withSet, {{varied.path, varied.values[i]}}, where), "length");
        }
    for (size_t i = 0; i < spec.listed.size(); ++i)
        eventsOf(spec, checkedScenario(spec, withSet, spec.listed[i], "settings[" + std::to_string(i) + "]"), "length");
    eventsOf(spec, base, "length");
    return spec;
}

ExperimentSpec loadExperimentSpec(const std::string& path) { return experimentSpecFromJson(readJsonFile(path), path); }

namespace {

std::string labelOf(const std::vector<Override>& values) {
    std::string label;
    for (const auto& [path, value] : values) label += (label.empty() ? "" : "; ") + path + "=" + overrideText(value);
    return label.empty() ? "baseline" : label;
}

Setting settingOf(const ExperimentSpec& spec, std::vector<Override> values, const std::string& where) {
    Setting setting;
    setting.label = labelOf(values);
    std::vector<Override> overrides = spec.set;
    overrides.insert(overrides.end(), values.begin(), values.end());
    setting.scenario = checkedScenario(spec, spec.scenario, overrides, where + ", " + setting.label + ")");
    setting.events = eventsOf(spec, setting.scenario, where + ", " + setting.label + ")");
    setting.values = std::move(values);
    return setting;
}

}  // namespace

std::vector<Setting> expandSettings(const ExperimentSpec& spec) {
    std::vector<Setting> settings;
    if (!spec.listed.empty()) {
        for (size_t i = 0; i < spec.listed.size(); ++i)
            settings.push_back(settingOf(spec, spec.listed[i], "settings[" + std::to_string(i) + "] (setting " + std::to_string(i)));
        return settings;
    }
    size_t count = 1;
    for (const auto& varied : spec.vary) count *= varied.values.size();
    settings.reserve(count);
    for (size_t index = 0; index < count; ++index) {
        // Odometer: the last path changes fastest.
        size_t rest = index;
        std::vector<Override> values(spec.vary.size());
        for (size_t p = spec.vary.size(); p-- > 0;) {
            const auto& varied = spec.vary[p];
            values[p] = {varied.path, varied.values[rest % varied.values.size()]};
            rest /= varied.values.size();
        }
        settings.push_back(settingOf(spec, std::move(values), "vary (setting " + std::to_string(index)));
    }
    return settings;
}

json resolvedSpecJson(const ExperimentSpec& spec) {
    json doc;
    doc["title"] = {{"en", spec.title.en}, {"ja", spec.title.ja}};
    doc["scenario"] = spec.scenario;
    doc["replicates"] = spec.replicates;
    doc["seed"] = spec.seed;
    if (spec.length) doc["length"] = {{lengthUnitName(spec.length->unit), spec.length->amount}};
    doc["set"] = json::object();
    for (const auto& [path, value] : spec.set) doc["set"][path] = value;
    doc["vary"] = json::object();
    for (const auto& varied : spec.vary) doc["vary"][varied.path] = varied.values;
    if (!spec.listed.empty()) {
        doc.erase("vary");
        doc["settings"] = json::array();
        for (const auto& listed : spec.listed) {
            json setting = json::object();
            for (const auto& [path, value] : listed) setting[path] = value;
            doc["settings"].push_back(setting);
        }
    }
    doc["per_event"] = spec.perEvent;
    doc["metrics"] = json::array();
    for (int m : spec.metrics) doc["metrics"].push_back(metricNames()[size_t(m)].key);
    return doc;
}

}  // namespace tsunagari::experiments
