// Checked reading of experiment specs: paths, "did you mean", ranges.
#include "spec_reader.h"

#include <algorithm>
#include <cmath>

namespace tsunagari::experiments {

using nlohmann::json;

namespace {

constexpr size_t kShownChars = 40;   // a found value is cut here, so a message stays one short line

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string quoted(const std::string& s) { return json(s).dump(-1, ' ', false, json::error_handler_t::replace); }

// Shortest readable limit: 1 rather than 1.000000.
std::string limit(double d) {
    if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    return json(d).dump();
}

}  // namespace

std::string childPath(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

std::string indexPath(const std::string& path, size_t index) { return path + "[" + std::to_string(index) + "]"; }

std::string shownValue(const json& v) {
    std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() <= kShownChars) return text;
    size_t cut = kShownChars - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;   // keep UTF-8 whole
    return text.substr(0, cut) + "...";
}

std::string unknownName(const std::string& what, const std::string& found, const std::vector<std::string>& valid) {
    const std::string message = "unknown " + what + " " + quoted(found);
    const std::string* best = nullptr;
    size_t bestDistance = std::max<size_t>(2, found.size() / 3) + 1;   // close enough to be a typo
    for (const auto& candidate : valid) {
        const size_t d = editDistance(found, candidate);
        if (d < bestDistance && d < found.size()) {
            best = &candidate;
            bestDistance = d;
        }
    }
    if (best) return message + "; did you mean " + quoted(*best) + "?";
    std::string list;
    for (const auto& name : valid) list += (list.empty() ? "" : ", ") + name;
    return message + "; expected one of: " + list;
}

void SpecReader::fail(const std::string& path, const std::string& message) const {
    throw ScenarioError(m_source, path, message);
}

void SpecReader::expectKeys(const json& v, const std::string& path, const std::vector<std::string>& allowed) const {
    if (!v.is_object()) fail(path, "expected an object, found " + shownValue(v));
    for (const auto& [key, value] : v.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) fail(path, unknownName("key", key, allowed));
}

void SpecReader::expectArray(const json& v, const std::string& path) const {
    if (!v.is_array()) fail(path, "expected an array, found " + shownValue(v));
}

const json& SpecReader::required(const json& object, const std::string& path, const std::string& key) const {
    const auto it = object.find(key);
    if (it == object.end()) fail(path, "missing required key " + quoted(key));
    return *it;
}

std::string SpecReader::text(const json& v, const std::string& path) const {
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
        fail(path, "expected a non-empty string, found " + shownValue(v));
    return v.get<std::string>();
}

double SpecReader::numberIn(const json& v, const std::string& path, double min, double max) const {
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < min || v.get<double>() > max)
        fail(path, "expected a number in [" + limit(min) + ", " + limit(max) + "], found " + shownValue(v));
    return v.get<double>();
}

int SpecReader::wholeIn(const json& v, const std::string& path, int min, int max) const {
    const bool whole = v.is_number() && std::floor(v.get<double>()) == v.get<double>();
    if (!whole || v.get<double>() < min || v.get<double>() > max)
        fail(path, "expected a whole number in [" + limit(min) + ", " + limit(max) + "], found " + shownValue(v));
    return int(v.get<double>());
}

uint64_t SpecReader::seed(const json& v, const std::string& path) const {
    if (v.is_number_unsigned()) return v.get<uint64_t>();
    if (v.is_number_integer() && v.get<int64_t>() >= 0) return uint64_t(v.get<int64_t>());
    fail(path, "expected a whole number >= 0, found " + shownValue(v));
}

std::string SpecReader::choice(const json& v, const std::string& path, const std::string& what,
                               const std::vector<std::string>& valid) const {
    if (!v.is_string()) fail(path, "expected a string naming a " + what + ", found " + shownValue(v));
    const std::string name = v.get<std::string>();
    if (std::find(valid.begin(), valid.end(), name) == valid.end()) fail(path, unknownName(what, name, valid));
    return name;
}

}  // namespace tsunagari::experiments
