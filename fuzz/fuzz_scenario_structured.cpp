// libFuzzer target, structure-aware: the input is a recipe for a scenario text, not the text,
// so a few bytes reach what the 16 KB byte-level fuzzer cannot: nesting past the depth limit,
// thousands of cohorts, names tens of kilobytes long, duplicate keys, trailing bytes, and
// `--set` settings applied on top.
//
// Contract checked (anything else aborts so libFuzzer records it):
//  - parseJsonText, scenarioErrors and scenarioWithSettings throw only ScenarioError, one line;
//  - what parseJsonText accepts, nlohmann's own parser reads to the same document;
//  - scenarioErrors lists at most kMaxListedErrors, and its first error is scenarioFromJson's.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>
#include <nlohmann/json.hpp>

#include "json_text.h"
#include "scenario_io.h"
#include "scenario_settings.h"
#include "world.h"

namespace {

using nlohmann::json;
using tsunagari::ScenarioError;

[[noreturn]] void contractBroken(const char* what, const std::string& detail = "") {
    std::fprintf(stderr, "fuzz_scenario_structured: contract broken: %s %s\n", what, detail.c_str());
    std::abort();
}

void expectOneLine(const ScenarioError& e) {
    if (std::strchr(e.what(), '\n') != nullptr) contractBroken("error is not one line:", e.what());
}

// A short text picked from a few interesting ones, or raw bytes (control characters, broken UTF-8).
std::string pickText(FuzzedDataProvider& in) {
    static const char* const kTexts[] = {"chapter", "mixer", "guest", "ゲスト", "来客", "hard_seller",
                                         "gratitude_giver", "\x1b[31m", "\xff", ""};
    switch (in.ConsumeIntegralInRange(0, 3)) {
        case 0: return in.ConsumeRandomLengthString(64);
        case 1: return std::string(in.ConsumeIntegralInRange<size_t>(0, 40000), char(in.ConsumeIntegralInRange('a', 'z')));
        default: return kTexts[in.ConsumeIntegralInRange<size_t>(0, std::size(kTexts) - 1)];
    }
}

// A JSON string literal of pickText, escaped by nlohmann unless the bytes are to stay raw.
std::string quoted(FuzzedDataProvider& in) {
    const std::string text = pickText(in);
    if (in.ConsumeBool()) return "\"" + text + "\"";   // raw: may break the syntax or the UTF-8
    return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string number(FuzzedDataProvider& in) {
    static const char* const kNumbers[] = {"0", "1", "-1", "0.5", "1e-400", "1e309", "-1e309", "1000000", "1000001",
                                           "18446744073709551616", "2.0", "1e2", "-0"};
    return kNumbers[in.ConsumeIntegralInRange<size_t>(0, std::size(kNumbers) - 1)];
}

std::string nested(FuzzedDataProvider& in) {
    const size_t depth = in.ConsumeIntegralInRange<size_t>(0, 100);
    return std::string(depth, '[') + std::string(depth, ']');
}

std::string value(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 4)) {
        case 0: return number(in);
        case 1: return quoted(in);
        case 2: return nested(in);
        case 3: return in.ConsumeBool() ? "true" : "[]";
        default: return "{}";
    }
}

std::string cohort(FuzzedDataProvider& in) {
    std::string text = "{\"archetype\": " + quoted(in);
    if (in.ConsumeBool()) text += ", \"count\": " + number(in);
    if (in.ConsumeBool()) text += ", \"label\": " + quoted(in);
    if (in.ConsumeBool()) text += ", \"label_ja\": " + quoted(in);
    if (in.ConsumeBool()) text += ", \"joins\": [" + (in.ConsumeBool() ? quoted(in) : "") + "]";
    if (in.ConsumeIntegralInRange(0, 7) == 0) text += ", \"count\": 1";        // a duplicate key, sometimes
    if (in.ConsumeIntegralInRange(0, 7) == 0) text += ", \"traits\": " + value(in);
    return text + "}";
}

std::string calendarEntry(FuzzedDataProvider& in) {
    std::string text = "{\"name\": " + quoted(in) + ", \"kind\": " + (in.ConsumeBool() ? "\"mixer\"" : quoted(in));
    if (in.ConsumeBool()) text += ", \"rounds\": " + number(in);
    return text + "}";
}

// Many copies of one generated item: the cheap way to thousands of cohorts or entries.
template <class Item>
std::string list(FuzzedDataProvider& in, size_t most, Item item) {
    const std::string first = item(in);
    const size_t copies = in.ConsumeIntegralInRange<size_t>(0, most);
    std::string text = "[" + first;
    constexpr size_t kMostBytes = 4 << 20;   // beyond the 16 KB cap, but each run stays fast
    for (size_t i = 0; i < copies && text.size() < kMostBytes; ++i)
        text += "," + (in.ConsumeIntegralInRange(0, 15) == 0 ? item(in) : first);
    return text + "]";
}

std::string scenarioText(FuzzedDataProvider& in) {
    std::string text = "{\"title\": {\"en\": " + quoted(in) + ", \"ja\": " + quoted(in) +
                       "}, \"description\": {\"en\": \"\", \"ja\": \"\"}";
    text += ", \"population\": " + list(in, 5000, cohort);
    text += ", \"calendar\": " + list(in, 400, calendarEntry);
    if (in.ConsumeBool()) text += ", \"events\": " + number(in);
    if (in.ConsumeBool()) text += ", \"params\": {\"busy_chance\": " + value(in) + "}";
    if (in.ConsumeIntegralInRange(0, 5) == 0) text += ", \"mechanisms\": {\"forgetting\": " + value(in) + "}";
    text += "}";
    if (in.ConsumeIntegralInRange(0, 9) == 0) text += std::string(1, '\0') + in.ConsumeRandomLengthString(32);
    if (in.ConsumeIntegralInRange(0, 9) == 0) text = "\xFF\xFE" + text;
    return text;
}

std::vector<std::string> settings(FuzzedDataProvider& in) {
    static const char* const kPaths[] = {"seed", "events", "title.en", "population[0].count", "population[0].label_ja",
                                         "population[1].joins", "params.busy_chance", "mechanisms.forgetting",
                                         "calendar[0].name", "a.b.c.d.e.f.g.h", "population[99999].count"};
    std::vector<std::string> out;
    const int count = in.ConsumeIntegralInRange(0, 3);
    for (int i = 0; i < count; ++i) {
        std::string path = in.ConsumeBool() ? kPaths[in.ConsumeIntegralInRange<size_t>(0, std::size(kPaths) - 1)]
                                            : in.ConsumeRandomLengthString(16);
        if (in.ConsumeIntegralInRange(0, 9) == 0)
            for (int k = in.ConsumeIntegralInRange(0, 80); k > 0; --k) path += ".x";
        out.push_back(path + "=" + (in.ConsumeBool() ? value(in) : in.ConsumeRandomLengthString(16)));
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    const std::string text = scenarioText(in);
    const std::vector<std::string> sets = settings(in);

    json doc;
    try {
        doc = tsunagari::parseJsonText(text, "<fuzz>");
    } catch (const ScenarioError& e) {
        expectOneLine(e);
        return 0;
    }
    if (json::parse(text, nullptr, false) != doc) contractBroken("nlohmann reads the accepted text differently");

    const tsunagari::ScenarioErrors errors = tsunagari::scenarioErrors(doc, "<fuzz>");
    if (errors.listed.size() > tsunagari::kMaxListedErrors || errors.total < errors.listed.size())
        contractBroken("error list out of bounds");
    for (const auto& e : errors.listed) expectOneLine(e);
    std::string single;
    try {
        (void)tsunagari::scenarioFromJson(doc, "<fuzz>");
    } catch (const ScenarioError& e) {
        single = e.what();
    }
    if (single != (errors.listed.empty() ? "" : errors.listed.front().what()))
        contractBroken("validate's first error differs from loading's:", single);

    try {
        const tsunagari::Scenario scenario = tsunagari::scenarioWithSettings(doc, sets, std::nullopt, "<fuzz>");
        int attendees = 0;
        for (const auto& c : scenario.population) attendees += c.count;
        if (attendees <= 200 && scenario.calendar.size() <= 20) {
            tsunagari::World world(scenario);
            world.runEvents(1);
        }
    } catch (const ScenarioError& e) {
        expectOneLine(e);
    }
    return 0;
}
