#include "run_record.h"

#include <nlohmann/json.hpp>

#include "scenario_io.h"

namespace tsunagari::cli {

namespace {

using Json = nlohmann::ordered_json;

Json orNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// The member `key` of `doc`, checked by `valid`; ScenarioError otherwise.
template <class Valid>
const nlohmann::json& member(const nlohmann::json& doc, const std::string& path, const std::string& key,
                             const char* expected, Valid valid) {
    if (!doc.contains(key)) throw ScenarioError(path, key, std::string("missing; expected ") + expected);
    const nlohmann::json& value = doc[key];
    if (!valid(value)) throw ScenarioError(path, key, std::string("expected ") + expected + ", found " + value.dump());
    return value;
}

}  // namespace

std::string recordJson(const RunRecord& r) {
    Json resumed = nullptr;
    if (!r.resumedFrom.empty()) resumed = {{"snapshot", r.resumedFrom}, {"event", r.resumedAtEvent}};
    const Json doc = {{"program", "tsunagari-cli"},
                      {"version", TSUNAGARI_VERSION},
                      {"command_line", r.commandLine},
                      {"source", r.source},
                      {"rerun_of", orNull(r.rerunOf)},
                      {"resumed_from", resumed},
                      {"overrides", r.overrides},
                      {"seed", r.seed},
                      {"length_asked", {{"unit", lengthUnitName(r.lengthAsked.unit)}, {"amount", r.lengthAsked.amount}}},
                      {"events_asked", r.eventsAsked},
                      {"events_run", r.eventsRun},
                      {"day", r.day}};
    return doc.dump(2) + '\n';
}

RunRecord readRunRecord(const std::string& path) {
    const nlohmann::json doc = readJsonFile(path);
    if (!doc.is_object()) throw ScenarioError(path, "", "expected a record.json object, found " + std::string(doc.type_name()));
    RunRecord r;
    r.source = member(doc, path, "source", "a string", [](const auto& v) { return v.is_string(); }).template get<std::string>();
    const auto& overrides = member(doc, path, "overrides", "an array of path=value strings", [](const auto& v) {
        if (!v.is_array()) return false;
        for (const auto& item : v)
            if (!item.is_string()) return false;
        return true;
    });
    for (const auto& item : overrides) r.overrides.push_back(item.template get<std::string>());
    const auto& length = member(doc, path, "length_asked", "an object with unit and amount", [](const auto& v) {
        return v.is_object() && v.contains("unit") && v["unit"].is_string() &&
               lengthUnitNamed(v["unit"].template get<std::string>()) && v.contains("amount") &&
               v["amount"].is_number() && v["amount"].template get<double>() >= 0;
    });
    r.lengthAsked = {*lengthUnitNamed(length["unit"].get<std::string>()), length["amount"].get<double>()};
    r.eventsAsked = member(doc, path, "events_asked", "a whole number of events from 0 to 1000000", [](const auto& v) {
                        return v.is_number_integer() && v.template get<int64_t>() >= 0 && v.template get<int64_t>() <= kMaxEvents;
                    }).template get<int>();
    return r;
}

}  // namespace tsunagari::cli
