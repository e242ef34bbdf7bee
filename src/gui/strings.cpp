// Loads the UI string tables and picks text for the current language.
#include "strings.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "attendee_names.h"
#include "metric_names.h"
#include "professions.h"
#include "traits.h"

namespace tsunagari {

bool Strings::readTable(const std::string& path, Table& table, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = path + ": cannot open";
        return false;
    }
    try {
        const auto doc = nlohmann::json::parse(in);
        if (!doc.is_object()) {
            error = path + ": expected an object of key -> text";
            return false;
        }
        table.clear();
        for (const auto& [key, value] : doc.items())
            if (value.is_string()) table.emplace(key, value.get<std::string>());
    } catch (const nlohmann::json::exception& e) {
        error = path + ": " + e.what();
        return false;
    }
    return true;
}

bool Strings::load(const std::string& directory, std::string& error) {
    if (!readTable(directory + "/en.json", m_en, error) || !readTable(directory + "/ja.json", m_ja, error)) return false;
    // Metric column names come from the core's table, which the charts share.
    for (const MetricName& m : metricNames()) {
        m_en.emplace(joinKey("col.", m.key), m.nameEn);
        m_ja.emplace(joinKey("col.", m.key), m.nameJa);
    }
    return true;
}

const char* Strings::operator()(std::string_view key) const {
    if (m_language == Language::Japanese) {
        if (auto it = m_ja.find(key); it != m_ja.end()) return it->second.c_str();
    }
    if (auto it = m_en.find(key); it != m_en.end()) return it->second.c_str();
    return keep(key);
}

const char* Strings::english(std::string_view key) const {
    if (auto it = m_en.find(key); it != m_en.end()) return it->second.c_str();
    return keep(key);
}

const char* Strings::keep(std::string_view text) const {
    auto it = m_missing.find(text);
    if (it == m_missing.end()) it = m_missing.emplace(text).first;
    return it->c_str();
}

std::string Strings::joinKey(std::string_view prefix, std::string_view key) {
    std::string joined;
    joined.reserve(prefix.size() + key.size());
    return joined.append(prefix).append(key);
}

const char* Strings::get(std::string_view prefix, std::string_view key) const { return (*this)(joinKey(prefix, key)); }

const char* Strings::localised(std::string_view prefix, std::string_view key, const char* english) const {
    if (!japanese()) return english;
    const auto it = m_ja.find(joinKey(prefix, key));
    return it != m_ja.end() ? it->second.c_str() : english;
}

const char* Strings::cohortName(const Cohort& cohort) const {
    if (japanese() && !cohort.labelJa.empty()) return cohort.labelJa.c_str();
    return archetypeName(cohort.label);
}

const char* Strings::groupName(const std::vector<Cohort>& cohorts, const std::string& label) const {
    for (const Cohort& c : cohorts)   // a group is the cohorts sharing a label
        if (c.label == label && !c.labelJa.empty()) return cohortName(c);
    return archetypeName(label);
}

const char* Strings::seriesName(const CalendarEntry& entry) const {
    return japanese() && !entry.nameJa.empty() ? entry.nameJa.c_str() : entry.name.c_str();
}

const char* Strings::archetypeName(std::string_view archetypeKey) const {
    if (const Archetype* a = findArchetype(archetypeKey)) return japanese() ? a->nameJa : a->nameEn;
    return keep(archetypeKey);
}

const char* Strings::professionName(int profession) const {
    const auto& all = professions();
    if (profession < 0 || profession >= int(all.size())) return "?";
    return japanese() ? all[size_t(profession)].nameJa : all[size_t(profession)].nameEn;
}

std::string Strings::attendeeName(const std::string& name) const { return japanese() ? japaneseName(name) : name; }

}  // namespace tsunagari
