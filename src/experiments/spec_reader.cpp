// Checked reading of specs and stories: paths, "did you mean", ranges.
#include "spec_reader.h"

#include <algorithm>
#include <cmath>

#include "length_flags.h"

namespace tsunagari::experiments {

using nlohmann::json;

namespace {

const std::vector<std::string> kLengthUnits{"events", "days", "weeks", "months", "years"};
constexpr double kShortestCalendarLength = 1e-3;   // weeks, months or years

// Shortest readable limit: 1 rather than 1.000000.
std::string limit(double d) {
    if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    return json(d).dump();
}

}  // namespace

std::string childPath(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

std::string indexPath(const std::string& path, size_t index) { return path + "[" + std::to_string(index) + "]"; }

void SpecReader::fail(const std::string& path, const std::string& message) const {
    throw ScenarioError(m_source, path, message);
}

void SpecReader::expect(bool ok, const json& v, const std::string& path, const std::string& expected) const {
    if (!ok) fail(path, "expected " + expected + ", found " + shownJson(v));
}

void SpecReader::expectKeys(const json& v, const std::string& path, const std::vector<std::string>& allowed) const {
    expect(v.is_object(), v, path, "an object");
    for (const auto& [key, value] : v.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            fail(path, unknownNameMessage("key", key, allowed));
}

void SpecReader::expectArray(const json& v, const std::string& path) const { expect(v.is_array(), v, path, "an array"); }

const json& SpecReader::array(const json& v, const std::string& path, size_t min, size_t max) const {
    if (!v.is_array() || v.size() < min || v.size() > max)
        fail(path, "expected an array of " + std::to_string(min) + " to " + std::to_string(max) + " items, found " +
                       (v.is_array() ? std::to_string(v.size()) + " items" : shownJson(v)));
    return v;
}

const json& SpecReader::required(const json& object, const std::string& path, const std::string& key) const {
    const auto it = object.find(key);
    if (it == object.end()) fail(path, "missing required key " + json(key).dump());
    return *it;
}

std::string SpecReader::text(const json& v, const std::string& path) const {
    expect(v.is_string() && !v.get_ref<const std::string&>().empty(), v, path, "a non-empty string");
    return v.get<std::string>();
}

Bilingual SpecReader::bilingual(const json& v, const std::string& path) const {
    expectKeys(v, path, {"en", "ja"});
    return {text(required(v, path, "en"), childPath(path, "en")), text(required(v, path, "ja"), childPath(path, "ja"))};
}

bool SpecReader::flag(const json& v, const std::string& path) const {
    expect(v.is_boolean(), v, path, "true or false");
    return v.get<bool>();
}

double SpecReader::numberIn(const json& v, const std::string& path, double min, double max) const {
    const bool ok = v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= min && v.get<double>() <= max;
    expect(ok, v, path, "a number in [" + limit(min) + ", " + limit(max) + "]");
    return v.get<double>();
}

int SpecReader::wholeIn(const json& v, const std::string& path, int min, int max) const {
    const bool ok = v.is_number() && std::floor(v.get<double>()) == v.get<double>() && v.get<double>() >= min &&
                    v.get<double>() <= max;
    expect(ok, v, path, "a whole number in [" + limit(min) + ", " + limit(max) + "]");
    return int(v.get<double>());
}

uint64_t SpecReader::seed(const json& v, const std::string& path) const {
    expect(v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0), v, path,
           "a whole number >= 0");   // as a scenario's seed
    return v.is_number_unsigned() ? v.get<uint64_t>() : uint64_t(v.get<int64_t>());
}

std::string SpecReader::choice(const json& v, const std::string& path, const std::string& what,
                               const std::vector<std::string>& valid) const {
    expect(v.is_string(), v, path, "a string naming a " + what);
    const std::string name = v.get<std::string>();
    if (std::find(valid.begin(), valid.end(), name) == valid.end()) fail(path, unknownNameMessage(what, name, valid));
    return name;
}

RunLength SpecReader::runLength(const json& v, const std::string& path, double cap) const {
    expectKeys(v, path, kLengthUnits);
    if (v.size() != 1) fail(path, "expected exactly one of events, days, weeks, months, years, found " + shownJson(v));
    const std::string key = v.begin().key();
    const std::string amountPath = childPath(path, key);
    const LengthUnit unit = *lengthUnitNamed(key);
    const double max = std::min(maxLengthAmount(unit), cap);
    if (unit == LengthUnit::Events || unit == LengthUnit::Days) return {unit, double(wholeIn(v.begin().value(), amountPath, 1, int(max)))};
    return {unit, numberIn(v.begin().value(), amountPath, kShortestCalendarLength, max)};
}

}  // namespace tsunagari::experiments
