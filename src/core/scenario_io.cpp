// Reading, checking and writing scenario files: every user mistake becomes one ScenarioError.
#include "scenario_io.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <system_error>
#include <variant>

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "capped_read.h"
#include "json_text.h"
#include "professions.h"
#include "text_encoding.h"

namespace tsunagari {

using nlohmann::json;

namespace {

// [SECTION] Paths and messages

std::string childPath(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

std::string indexPath(const std::string& path, size_t index) { return path + "[" + std::to_string(index) + "]"; }

// Dumping never throws on bad UTF-8 (a `--set` value comes straight from the command line).
std::string dumpCompact(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string jsonQuoted(const std::string& s) { return dumpCompact(json(s)); }

constexpr size_t kShownChars = 40;  // a found value is shown up to this length, so messages stay one line

// Compact JSON of a value; stops once the budget is spent, which also bounds the recursion
// depth on maliciously nested input.
void render(const json& v, std::string& out) {
    if (out.size() > kShownChars) return;
    if (v.is_object() || v.is_array()) {
        out += v.is_object() ? '{' : '[';
        for (auto it = v.begin(); it != v.end() && out.size() <= kShownChars; ++it) {
            if (it != v.begin()) out += ',';
            if (v.is_object()) out += jsonQuoted(it.key()) + ':';
            render(*it, out);
        }
        out += v.is_object() ? '}' : ']';
    } else if (v.is_number_float() && !std::isfinite(v.get<double>())) {
        double d = v.get<double>();
        out += std::isnan(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
    } else {
        out += dumpCompact(v);
    }
}

std::string shown(const json& v) {
    std::string out;
    render(v, out);
    if (out.size() <= kShownChars) return out;
    size_t cut = kShownChars - 3;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return out.substr(0, cut) + "...";
}

// A name cut to kShownChars at a character boundary; a calendar name may be megabytes long.
std::string clipped(const std::string& name) {
    if (name.size() <= kShownChars) return name;
    size_t cut = kShownChars - 3;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    return name.substr(0, cut) + "...";
}

// Shortest readable form of a limit: 1 rather than 1.0, 1000000 rather than 1e+06.
std::string number(double d) {
    if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
    return json(d).dump();
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Suggestions cost length x length per candidate, so hostile input (a megabyte-long name,
// thousands of calendar entries) is bounded: longer names and later candidates are not tried.
constexpr size_t kSuggestedChars = 64;
constexpr size_t kSuggestionCandidates = 200;

// The valid name nearest to `found`, when it is close enough to be a likely typo.
std::optional<std::string> nearest(const std::string& found, const std::vector<std::string>& valid) {
    std::optional<std::string> best;
    if (found.size() > kSuggestedChars) return best;
    size_t bestDistance = std::max<size_t>(2, found.size() / 3) + 1;
    for (size_t i = 0; i < valid.size() && i < kSuggestionCandidates; ++i) {
        const std::string& candidate = valid[i];
        size_t lengthGap = candidate.size() > found.size() ? candidate.size() - found.size() : found.size() - candidate.size();
        if (candidate.size() > kSuggestedChars || lengthGap >= bestDistance) continue;  // cannot be nearer
        size_t d = editDistance(found, candidate);
        if (d < bestDistance && d < found.size()) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

std::string listed(const std::vector<std::string>& valid) {
    constexpr size_t kListed = 40;  // a long list of calendar names would swamp the message
    std::string out;
    for (size_t i = 0; i < valid.size() && i < kListed; ++i) out += (i ? ", " : "") + clipped(valid[i]);
    if (valid.size() > kListed) out += ", ... (" + std::to_string(valid.size() - kListed) + " more)";
    return out;
}

// `unknown archetype "hardseller"; did you mean "hard_seller"?`, or the list of valid names.
// Without `suggest` (validate has listed enough errors) only the found name is given.
std::string unknown(const std::string& what, const std::string& found, const std::vector<std::string>& valid,
                    bool suggest = true) {
    std::string message = "unknown " + what + " " + shown(json(found));
    if (!suggest) return message;
    if (auto near = nearest(found, valid)) return message + "; did you mean " + jsonQuoted(*near) + "?";
    return message + "; expected one of: " + listed(valid);
}

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when it is broken.
size_t utf8Length(const std::string& s, size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > s.size()) return 0;
    for (size_t k = 1; k < length; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return length;
}

// what() must be one printable line even when the input had raw newlines or broken UTF-8.
std::string oneLine(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        size_t length = utf8Length(s, i);
        if (length == 0) out += '?';
        else if (s[i] == '\n' || s[i] == '\r') out += ' ';
        else out += printableText(s.substr(i, length));  // no escape codes reach a terminal
        i += std::max<size_t>(length, 1);
    }
    return out;
}

// [SECTION] Tables of valid names

const std::vector<std::string> kTopKeys{"$schema", "title", "description", "seed", "events", "matchmaking",
                                        "population", "calendar", "params", "mechanisms"};
const std::vector<std::string> kBilingualKeys{"en", "ja"};
const std::vector<std::string> kCohortKeys{"archetype", "count", "label", "label_ja", "traits", "professions", "names", "joins"};
const std::vector<std::string> kEntryKeys{"name",   "name_ja",    "kind",  "first_day",  "every_days", "occurrences",
                                          "rounds", "group_size", "hours", "attendance", "matchmaking"};

// Day limits far beyond any workshop that keep first_day + kMaxEvents * every_days within an int.
constexpr int kMaxFirstDay = 36'500;
constexpr int kMaxEveryDays = 1'000;
static_assert(kMaxFirstDay + int64_t(kMaxEvents) * kMaxEveryDays <= std::numeric_limits<int>::max());

std::vector<std::string> policyKeys() {
    std::vector<std::string> keys;
    for (int i = 0; i < int(Policy::Count); ++i) keys.emplace_back(policyKey(Policy(i)));
    return keys;
}

std::vector<std::string> eventKindKeys() {
    std::vector<std::string> keys;
    for (int i = 0; i < int(EventKind::Count); ++i) keys.emplace_back(eventKindKey(EventKind(i)));
    return keys;
}

std::vector<std::string> professionKeys() {
    std::vector<std::string> keys;
    for (const auto& p : professions()) keys.emplace_back(p.key);
    return keys;
}

std::vector<std::string> paramKeys() {
    std::vector<std::string> keys;
    for (int i = 0; i < kParamCount; ++i) keys.emplace_back(paramInfo(Param(i)).key);
    return keys;
}

std::vector<std::string> mechanismKeys() {
    std::vector<std::string> keys;
    for (int i = 0; i < kMechanismCount; ++i) keys.emplace_back(mechanismInfo(Mechanism(i)).key);
    return keys;
}

// [SECTION] Checked reading of JSON values

struct Range {
    double min, max;
    bool integer = false;
    bool openMin = false;  // (0, 24] for hours

    std::string describe() const {
        return std::string(integer ? "a whole number in " : "a number in ") + (openMin ? "(" : "[") + number(min) +
               ", " + number(max) + "]";
    }
    bool contains(double d) const {
        return std::isfinite(d) && (openMin ? d > min : d >= min) && d <= max && (!integer || std::floor(d) == d);
    }
};

// Reads one document; knows the source name so every error can say where it is. Given a
// list, independent parts are read on after an error (validate lists them all); without
// one the first error is thrown, the same error the list would start with.
class Reader {
public:
    explicit Reader(std::string source, ScenarioErrors* errors = nullptr) : source_(std::move(source)), errors_(errors) {}

    [[noreturn]] void fail(const std::string& path, const std::string& message) const {
        throw ScenarioError(source_, path, message);
    }

    // Runs one independent check; false when it failed (and was listed).
    template <class Check>
    bool attempt(Check check) const {
        if (!errors_) {
            check();
            return true;
        }
        try {
            check();
            return true;
        } catch (const ScenarioError& e) {
            if (errors_->listed.size() < kMaxListedErrors) errors_->listed.push_back(e);
            ++errors_->total;
            return false;
        }
    }

    size_t errorCount() const { return errors_ ? errors_->total : 0; }

    // Names the nearest valid name only while errors are still listed: bounded work per error.
    std::string unknownName(const std::string& what, const std::string& found, const std::vector<std::string>& valid) const {
        return unknown(what, found, valid, !errors_ || errors_->listed.size() < kMaxListedErrors);
    }

    void expectObject(const json& v, const std::string& path) const {
        if (!v.is_object()) fail(path, "expected an object, found " + shown(v));
    }

    void expectArray(const json& v, const std::string& path) const {
        if (!v.is_array()) fail(path, "expected an array, found " + shown(v));
    }

    // An object with only the given keys; a typo is reported with the nearest valid key.
    void expectKeys(const json& v, const std::string& path, const std::vector<std::string>& allowed) const {
        expectObject(v, path);
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string& key = it.key();  // a named variable: lambdas cannot capture bindings in clang 14
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                attempt([&] { fail(path, unknownName("key", key, allowed)); });
        }
    }

    const json& required(const json& object, const std::string& path, const std::string& key) const {
        auto it = object.find(key);
        if (it == object.end()) fail(path, "missing required key " + jsonQuoted(key));
        return *it;
    }

    std::string text(const json& v, const std::string& path, bool nonEmpty) const {
        if (!v.is_string() || (nonEmpty && v.get_ref<const std::string&>().empty()))
            fail(path, std::string(nonEmpty ? "expected a non-empty string" : "expected a string") + ", found " +
                           shown(v));
        return v.get<std::string>();
    }

    double numberIn(const json& v, const std::string& path, const Range& range) const {
        if (!v.is_number() || !range.contains(v.get<double>()))
            fail(path, "expected " + range.describe() + ", found " + shown(v));
        return v.get<double>();
    }

    int wholeIn(const json& v, const std::string& path, int min, int max) const {
        return static_cast<int>(numberIn(v, path, Range{double(min), double(max), true}));
    }

    bool flag(const json& v, const std::string& path) const {
        if (!v.is_boolean()) fail(path, "expected true or false, found " + shown(v));
        return v.get<bool>();
    }

    // Seeds use the full unsigned 64-bit range, beyond what a double holds exactly.
    uint64_t seed(const json& v, const std::string& path) const {
        if (v.is_number_unsigned()) return v.get<uint64_t>();
        // A document built in code holds small seeds as signed integers.
        if (v.is_number_integer() && v.get<int64_t>() >= 0) return uint64_t(v.get<int64_t>());
        if (v.is_number_float()) {
            double d = v.get<double>();
            if (std::isfinite(d) && d >= 0 && std::floor(d) == d && d < 18446744073709551616.0) return uint64_t(d);
        }
        fail(path, "expected a whole number >= 0, found " + shown(v));
    }

    Policy policy(const json& v, const std::string& path) const {
        std::string key = text(v, path, false);
        Policy p = Policy::Random;
        if (!policyFromKey(key, p)) fail(path, unknownName("matchmaking policy", key, policyKeys()));
        return p;
    }

    std::vector<std::string> texts(const json& v, const std::string& path) const {
        expectArray(v, path);
        std::vector<std::string> out;
        for (size_t i = 0; i < v.size(); ++i) out.push_back(text(v[i], indexPath(path, i), true));
        return out;
    }

private:
    std::string source_;
    ScenarioErrors* errors_;
};

// [SECTION] Sections of a scenario

Bilingual bilingual(const Reader& r, const json& v, const std::string& path, bool nonEmpty) {
    r.expectKeys(v, path, kBilingualKeys);
    return {r.text(r.required(v, path, "en"), childPath(path, "en"), nonEmpty),
            r.text(r.required(v, path, "ja"), childPath(path, "ja"), nonEmpty)};
}

void readTraits(const Reader& r, const json& v, const std::string& path, Traits& traits) {
    r.expectObject(v, path);
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& key = it.key();
        const json& value = *it;
        r.attempt([&] {
            auto trait = traitFromKey(key);
            if (!trait) r.fail(path, r.unknownName("key", key, traitKeys()));
            traits[*trait] = r.numberIn(value, childPath(path, key), Range{0, 1});
        });
    }
}

Cohort cohort(const Reader& r, const json& v, const std::string& path) {
    r.expectKeys(v, path, kCohortKeys);
    Cohort c;
    r.attempt([&] {
        c.archetype = r.text(r.required(v, path, "archetype"), childPath(path, "archetype"), false);
        const Archetype* archetype = findArchetype(c.archetype);
        if (!archetype) r.fail(childPath(path, "archetype"), r.unknownName("archetype", c.archetype, archetypeKeys()));
        c.traits = archetype->traits;
        c.label = c.archetype;
    });
    const bool countRead = r.attempt([&] {
        if (v.contains("count")) c.count = r.wholeIn(v["count"], childPath(path, "count"), 0, kMaxAttendees);
    });
    r.attempt([&] {
        if (v.contains("label")) c.label = r.text(v["label"], childPath(path, "label"), true);
    });
    r.attempt([&] {
        if (v.contains("label_ja")) c.labelJa = r.text(v["label_ja"], childPath(path, "label_ja"), true);
    });
    r.attempt([&] {
        if (v.contains("traits")) readTraits(r, v["traits"], childPath(path, "traits"), c.traits);
    });
    r.attempt([&] {
        if (!v.contains("professions")) return;
        const std::string listPath = childPath(path, "professions");
        c.professions = r.texts(v["professions"], listPath);
        for (size_t i = 0; i < c.professions.size(); ++i)
            if (professionFromKey(c.professions[i]) < 0)
                r.fail(indexPath(listPath, i), r.unknownName("profession", c.professions[i], professionKeys()));
    });
    r.attempt([&] {
        if (!v.contains("names")) return;
        c.names = r.texts(v["names"], childPath(path, "names"));
        if (countRead && c.names.size() > size_t(c.count))
            r.fail(childPath(path, "names"), std::to_string(c.names.size()) + " names given for a cohort of " +
                                                 std::to_string(c.count));
    });
    r.attempt([&] {
        if (v.contains("joins")) c.joins = r.texts(v["joins"], childPath(path, "joins"));
    });
    return c;
}

// The window shows one Japanese label per cohort label, so two translations of one label
// would silently lose one.
void checkLabels(const Reader& r, const std::vector<Cohort>& cohorts, const std::string& path) {
    std::map<std::string_view, size_t> translated;  // label -> first cohort giving it a label_ja
    for (size_t i = 0; i < cohorts.size(); ++i) {
        const Cohort& c = cohorts[i];
        if (c.labelJa.empty()) continue;
        const size_t firstIndex = translated.emplace(c.label, i).first->second;
        const std::string& first = cohorts[firstIndex].labelJa;
        if (first != c.labelJa)
            r.attempt([&] {
                r.fail(childPath(indexPath(path, i), "label_ja"),
                       "expected " + shown(json(first)) + " as in " + indexPath(path, firstIndex) +
                           " (cohorts sharing the label " + shown(json(c.label)) + " share its label_ja), found " +
                           shown(json(c.labelJa)));
            });
    }
}

std::vector<Cohort> population(const Reader& r, const json& v, const std::string& path) {
    r.expectArray(v, path);
    if (v.empty()) r.fail(path, "expected at least one cohort, found []");
    if (v.size() > size_t(kMaxCohorts))
        r.fail(path, "expected at most " + std::to_string(kMaxCohorts) + " cohorts, found " + std::to_string(v.size()));
    std::vector<Cohort> cohorts;
    long long total = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        // A cohort with errors is kept (as far as it was read) so later paths keep their indices.
        Cohort c;
        r.attempt([&] { c = cohort(r, v[i], indexPath(path, i)); });
        cohorts.push_back(std::move(c));
        const bool wasWithin = total <= kMaxAttendees;
        total += cohorts.back().count;
        if (wasWithin && total > kMaxAttendees)
            r.attempt([&] {
                r.fail(path, "expected at most " + std::to_string(kMaxAttendees) + " attendees in total, found " +
                                 std::to_string(total) + " by " + indexPath(path, i));
            });
    }
    checkLabels(r, cohorts, path);
    return cohorts;
}

CalendarEntry calendarEntry(const Reader& r, const json& v, const std::string& path) {
    r.expectKeys(v, path, kEntryKeys);
    CalendarEntry e;
    e.name = r.text(r.required(v, path, "name"), childPath(path, "name"), true);
    if (v.contains("name_ja")) e.nameJa = r.text(v["name_ja"], childPath(path, "name_ja"), true);
    std::string kindPath = childPath(path, "kind");
    std::string kind = r.text(r.required(v, path, "kind"), kindPath, false);
    if (!eventKindFromKey(kind, e.kind)) r.fail(kindPath, r.unknownName("event kind", kind, eventKindKeys()));
    auto whole = [&](const char* key, int& out, int min, int max) {
        if (v.contains(key)) out = r.wholeIn(v[key], childPath(path, key), min, max);
    };
    whole("first_day", e.firstDay, 0, kMaxFirstDay);
    whole("every_days", e.everyDays, 1, kMaxEveryDays);
    whole("occurrences", e.occurrences, 0, kMaxEvents);
    whole("rounds", e.rounds, 1, kMaxRounds);
    whole("group_size", e.groupSize, 2, kMaxGroupSize);
    if (v.contains("hours")) e.hours = r.numberIn(v["hours"], childPath(path, "hours"), Range{0, 24, false, true});
    if (v.contains("attendance")) e.attendance = r.numberIn(v["attendance"], childPath(path, "attendance"), Range{0, 1});
    if (v.contains("matchmaking")) {
        e.policy = r.policy(v["matchmaking"], childPath(path, "matchmaking"));
        e.hasPolicy = true;
    }
    return e;
}

std::vector<CalendarEntry> calendar(const Reader& r, const json& v, const std::string& path) {
    r.expectArray(v, path);
    if (v.empty()) r.fail(path, "expected at least one calendar entry, found []");
    if (v.size() > size_t(kMaxCalendarEntries))
        r.fail(path, "expected at most " + std::to_string(kMaxCalendarEntries) + " calendar entries, found " +
                         std::to_string(v.size()));
    std::vector<CalendarEntry> entries;
    std::map<std::string, size_t> seen;  // name -> index of its first use
    for (size_t i = 0; i < v.size(); ++i) {
        std::string entryPath = indexPath(path, i);
        r.attempt([&] {
            CalendarEntry entry = calendarEntry(r, v[i], entryPath);
            auto [it, fresh] = seen.emplace(entry.name, i);
            if (!fresh)
                r.fail(childPath(entryPath, "name"), "duplicate name " + shown(json(it->first)) + ", already used by " +
                                                         indexPath(path, it->second));
            entries.push_back(std::move(entry));
        });
    }
    return entries;
}

// Each cohort's `joins` must name calendar entries; checked once both lists are read, with a
// set so many cohorts and many entries cost n log n, not their product.
void checkJoins(const Reader& r, const Scenario& s) {
    std::vector<std::string> names;
    for (const auto& e : s.calendar) names.push_back(e.name);
    const std::set<std::string_view> known(names.begin(), names.end());
    for (size_t i = 0; i < s.population.size(); ++i) {
        const auto& joins = s.population[i].joins;
        for (size_t j = 0; j < joins.size(); ++j)
            if (!known.count(joins[j]))
                r.attempt([&] {
                    r.fail(indexPath(indexPath("population", i) + ".joins", j),
                           r.unknownName("calendar entry", joins[j], names));
                });
    }
}

Params params(const Reader& r, const json& v, const std::string& path) {
    r.expectObject(v, path);
    Params p;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& key = it.key();
        const json& value = *it;
        r.attempt([&] {
            auto param = paramFromKey(key);
            if (!param) r.fail(path, r.unknownName("key", key, paramKeys()));
            const ParamInfo& info = paramInfo(*param);
            p[*param] = r.numberIn(value, childPath(path, key), Range{info.min, info.max, info.integer});
        });
    }
    // Orderings the model relies on: a delay window and the ladder of relationship stages.
    if (p[Param::ComplaintDelayMinDays] > p[Param::ComplaintDelayMaxDays])
        r.fail(path, "expected complaint_delay_min_days <= complaint_delay_max_days, found " +
                         number(p[Param::ComplaintDelayMinDays]) + " > " + number(p[Param::ComplaintDelayMaxDays]));
    if (p[Param::StageKnown] > p[Param::StageFriend] || p[Param::StageFriend] > p[Param::StageCollaborator])
        r.fail(path, "expected stage_known <= stage_friend <= stage_collaborator, found " +
                         number(p[Param::StageKnown]) + ", " + number(p[Param::StageFriend]) + ", " +
                         number(p[Param::StageCollaborator]));
    return p;
}

Mechanisms mechanisms(const Reader& r, const json& v, const std::string& path) {
    r.expectObject(v, path);
    Mechanisms m;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string& key = it.key();
        const json& value = *it;
        r.attempt([&] {
            auto mechanism = mechanismFromKey(key);
            if (!mechanism) r.fail(path, r.unknownName("key", key, mechanismKeys()));
            m[*mechanism] = r.flag(value, childPath(path, key));
        });
    }
    return m;
}

// [SECTION] Syntax errors and files

std::string errnoText(int err) { return std::generic_category().message(err); }

// A name beside `path` that no other writer (thread or process) will pick at the same moment.
std::string temporaryName(const std::string& path) {
    static std::atomic<uint64_t> counter{0};
    uint64_t mix = uint64_t(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                   (uint64_t(::getpid()) << 40) ^ (counter.fetch_add(1) * 0x9E3779B97F4A7C15ull);
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, ".tmp-%012llx", static_cast<unsigned long long>(mix & 0xFFFFFFFFFFFFull));
    return path + suffix;
}

// [SECTION] `--set` paths

using Step = std::variant<std::string, size_t>;  // a key, or an array index

// "population[1].traits.gratitude" -> population, 1, traits, gratitude; nullopt when malformed.
std::optional<std::vector<Step>> parseSettingPath(const std::string& text) {
    std::vector<Step> steps;
    size_t i = 0;
    auto readKey = [&] {
        size_t start = i;
        while (i < text.size() && text[i] != '.' && text[i] != '[' && text[i] != ']') ++i;
        if (i == start) return false;
        steps.emplace_back(text.substr(start, i - start));
        return true;
    };
    if (!readKey()) return std::nullopt;
    while (i < text.size()) {
        if (text[i] == '.') {
            ++i;
            if (!readKey()) return std::nullopt;
        } else if (text[i] == '[') {
            size_t start = ++i;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
            if (i == start || i - start > 9 || i >= text.size() || text[i] != ']') return std::nullopt;
            steps.emplace_back(size_t(std::stoul(text.substr(start, i - start))));
            ++i;
        } else {
            return std::nullopt;
        }
    }
    return steps;
}

std::string stepPath(const std::string& path, const Step& step) {
    if (const auto* key = std::get_if<std::string>(&step)) return childPath(path, *key);
    return indexPath(path, std::get<size_t>(step));
}


// The whole document; every independent part is read on after an error when `r` lists them.
Scenario readScenario(const Reader& r, const json& doc) {
    if (!doc.is_object()) r.fail("", "expected an object at the top level, found " + shown(doc));
    r.expectKeys(doc, "", kTopKeys);
    Scenario s;
    r.attempt([&] {
        if (doc.contains("$schema")) r.text(doc["$schema"], "$schema", false);
    });
    r.attempt([&] { s.title = bilingual(r, r.required(doc, "", "title"), "title", true); });
    r.attempt([&] { s.description = bilingual(r, r.required(doc, "", "description"), "description", false); });
    r.attempt([&] {
        if (doc.contains("seed")) s.seed = r.seed(doc["seed"], "seed");
    });
    r.attempt([&] {
        if (doc.contains("events")) s.events = r.wholeIn(doc["events"], "events", 1, kMaxEvents);
    });
    r.attempt([&] {
        if (doc.contains("matchmaking")) s.matchmaking = r.policy(doc["matchmaking"], "matchmaking");
    });
    r.attempt([&] { s.population = population(r, r.required(doc, "", "population"), "population"); });
    const size_t errorsBeforeCalendar = r.errorCount();
    r.attempt([&] { s.calendar = calendar(r, r.required(doc, "", "calendar"), "calendar"); });
    // Unread calendar entries would make every join to them look unknown.
    if (r.errorCount() == errorsBeforeCalendar) checkJoins(r, s);
    r.attempt([&] {
        if (doc.contains("params")) s.params = params(r, doc["params"], "params");
    });
    r.attempt([&] {
        if (doc.contains("mechanisms")) s.mechanisms = mechanisms(r, doc["mechanisms"], "mechanisms");
    });
    return s;
}

}  // namespace

// [SECTION] Public API

ScenarioError::ScenarioError(std::string file_, std::string path_, std::string message_)
    : std::runtime_error(oneLine(file_ + ": " + (path_.empty() ? "" : path_ + ": ") + message_)),
      file(std::move(file_)),
      path(std::move(path_)),
      message(std::move(message_)) {}

Scenario scenarioFromJson(const json& doc, const std::string& sourceName) { return readScenario(Reader(sourceName), doc); }

ScenarioErrors scenarioErrors(const json& doc, const std::string& sourceName) {
    ScenarioErrors errors;
    const Reader r(sourceName, &errors);
    r.attempt([&] { (void)readScenario(r, doc); });
    return errors;
}

std::vector<std::string> scenarioWarnings(const json& doc, const std::string& sourceName) {
    std::vector<std::string> warnings;
    const json* population = doc.is_object() && doc.contains("population") ? &doc["population"] : nullptr;
    if (!population || !population->is_array()) return warnings;
    for (size_t i = 0; i < population->size(); ++i) {
        const json& c = (*population)[i];
        if (c.is_object() && c.contains("joins") && c["joins"].is_array() && c["joins"].empty())
            warnings.push_back(oneLine(sourceName + ": " + indexPath("population", i) +
                                       ".joins: warning: [] means every calendar entry, as leaving joins out does; "
                                       "name the entries these attendees are members of"));
    }
    return warnings;
}

json readJsonFile(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw ScenarioError(path, "", "cannot read: it is a directory");
    std::string content;
    if (const std::string problem = readFileCapped(path, kMaxScenarioFileBytes, content); !problem.empty())
        throw ScenarioError(path, "", problem);
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) throw ScenarioError(path, "", "the file is empty");
    return parseJsonText(content, path);
}

std::string shownJson(const json& value) { return shown(value); }

std::string unknownNameMessage(const std::string& what, const std::string& found, const std::vector<std::string>& valid) {
    return unknown(what, found, valid);
}

Scenario loadScenarioFile(const std::string& path) { return scenarioFromJson(readJsonFile(path), path); }

void applySetting(json& doc, const std::string& assignment) {
    const std::string source = "<--set>";
    size_t equals = assignment.find('=');
    if (equals == std::string::npos)
        throw ScenarioError(source, "", "expected PATH=VALUE, found " + jsonQuoted(assignment));
    std::string pathText = assignment.substr(0, equals);
    auto steps = parseSettingPath(pathText);
    if (!steps)
        throw ScenarioError(source, "", "expected a path like population[1].traits.gratitude before '=', found " +
                                            jsonQuoted(pathText));
    if (auto bad = firstInvalidUtf8(pathText))
        throw ScenarioError(source, "", "expected UTF-8 text, found byte " + hexByte(uint8_t(pathText[*bad])) +
                                            " in the path " + jsonQuoted(pathText));
    if (steps->size() > kMaxJsonDepth)
        throw ScenarioError(source, "", "expected a path of at most " + std::to_string(kMaxJsonDepth) + " steps, found " +
                                            std::to_string(steps->size()));
    std::string valueText = assignment.substr(equals + 1);
    if (auto bad = firstInvalidUtf8(valueText))
        throw ScenarioError(source, pathText, "expected UTF-8 text, found byte " + hexByte(uint8_t(valueText[*bad])) +
                                                  " at byte " + std::to_string(*bad + 1) + " of the value");
    json value = valueText;
    if (json::accept(valueText)) {
        try {
            value = parseJsonText(valueText, source);
        } catch (const ScenarioError& e) {  // e.g. a value nested too deeply: blame this setting's path
            throw ScenarioError(source, pathText, e.message);
        }
    }
    if (nestedDeeperThan(value, kMaxJsonDepth - steps->size()))
        throw ScenarioError(source, pathText, "the value would nest deeper than " + std::to_string(kMaxJsonDepth) +
                                                  " levels in the document");
    // Copying a document is recursive; one built in code may not have passed through parseJsonText.
    if (nestedDeeperThan(doc, kMaxJsonDepth))
        throw ScenarioError(source, "", "the document nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");

    json result = doc;  // work on a copy so a failed setting leaves the document untouched
    if (!result.is_object()) throw ScenarioError(source, "", "expected an object at the top level, found " + shown(result));
    json* node = &result;
    std::string path;
    for (size_t i = 0; i < steps->size(); ++i) {
        const Step& step = (*steps)[i];
        bool last = i + 1 == steps->size();
        if (const auto* key = std::get_if<std::string>(&step)) {
            if (!node->is_object())
                throw ScenarioError(source, path, "cannot set key " + jsonQuoted(*key) + " inside " + shown(*node));
            // A missing key is created: as the value itself, or as an object to descend into.
            if (!node->contains(*key) && !last && std::holds_alternative<std::string>((*steps)[i + 1]))
                (*node)[*key] = json::object();
            if (!node->contains(*key) && !last)
                throw ScenarioError(source, childPath(path, *key), "missing, so it cannot be indexed");
            node = &(*node)[*key];
        } else {
            size_t index = std::get<size_t>(step);
            if (!node->is_array())
                throw ScenarioError(source, path, "cannot index [" + std::to_string(index) + "] into " + shown(*node));
            if (index >= node->size())
                throw ScenarioError(source, indexPath(path, index),
                                    "index out of range; the array has " + std::to_string(node->size()) +
                                        (node->size() == 1 ? " item" : " items"));
            node = &(*node)[index];
        }
        path = stepPath(path, step);
    }
    *node = std::move(value);
    doc = std::move(result);
}

json scenarioToJson(const Scenario& s) {
    json doc;
    doc["title"] = {{"en", s.title.en}, {"ja", s.title.ja}};
    doc["description"] = {{"en", s.description.en}, {"ja", s.description.ja}};
    doc["seed"] = s.seed;
    doc["events"] = s.events;
    doc["matchmaking"] = policyKey(s.matchmaking);
    doc["population"] = json::array();
    for (const auto& c : s.population) {
        json traits = json::object();
        for (int i = 0; i < kTraitCount; ++i) traits[traitInfo(Trait(i)).key] = c.traits[Trait(i)];
        json cohort = {{"archetype", c.archetype}, {"count", c.count},             {"label", c.label},
                       {"traits", traits},         {"professions", c.professions}, {"names", c.names}};
        if (!c.joins.empty()) cohort["joins"] = c.joins;  // left out means every entry; [] is warned about
        if (!c.labelJa.empty()) cohort["label_ja"] = c.labelJa;
        doc["population"].push_back(cohort);
    }
    doc["calendar"] = json::array();
    for (const auto& e : s.calendar) {
        json entry = {{"name", e.name},           {"kind", eventKindKey(e.kind)}, {"first_day", e.firstDay},
                      {"every_days", e.everyDays}, {"occurrences", e.occurrences}, {"rounds", e.rounds},
                      {"group_size", e.groupSize}, {"hours", e.hours},             {"attendance", e.attendance}};
        if (!e.nameJa.empty()) entry["name_ja"] = e.nameJa;
        if (e.hasPolicy) entry["matchmaking"] = policyKey(e.policy);
        doc["calendar"].push_back(entry);
    }
    doc["params"] = json::object();
    for (int i = 0; i < kParamCount; ++i) doc["params"][paramInfo(Param(i)).key] = s.params[Param(i)];
    doc["mechanisms"] = json::object();
    for (int i = 0; i < kMechanismCount; ++i) doc["mechanisms"][mechanismInfo(Mechanism(i)).key] = s.mechanisms[Mechanism(i)];
    return doc;
}

void writeFileAtomic(const std::string& path, const std::string& content) {
    auto failure = [&](int err) { return std::runtime_error("cannot write " + path + ": " + errnoText(err)); };
    std::string temporary;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
        temporary = temporaryName(path);
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) throw failure(errno);
    }
    if (fd < 0) throw failure(EEXIST);
    auto abandon = [&](int err) {
        ::close(fd);
        ::unlink(temporary.c_str());
        return failure(err);
    };
    for (size_t done = 0; done < content.size();) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno != EINTR) throw abandon(errno);
        if (n == 0) throw abandon(EIO);  // a regular file that accepts nothing is full or broken
        if (n > 0) done += size_t(n);
    }
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(temporary.c_str());
        throw failure(err);
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(temporary.c_str());
        throw failure(err);
    }
}

}  // namespace tsunagari
