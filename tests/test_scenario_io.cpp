// Scenario files: each malformed file fails with its exact one-line error; --set, defaults,
// the round trip through scenarioToJson, and atomic writes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>

#include <sys/resource.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "professions.h"
#include "scenario_io.h"

using namespace tsunagari;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kMalformedDir = TSUNAGARI_SOURCE_DIR "/tests/malformed/";

// The smallest valid scenario: everything else takes its default.
constexpr const char* kMinimal = R"({
  "title": {"en": "Minimal", "ja": "最小"},
  "description": {"en": "", "ja": ""},
  "population": [{"archetype": "hard_seller"}],
  "calendar": [{"name": "weekly chapter", "kind": "chapter"}]
})";

// Every field away from its default, so the round trip has something to lose.
constexpr const char* kRich = R"({
  "$schema": "scenario.schema.json",
  "title": {"en": "Rich", "ja": "豊富"},
  "description": {"en": "All fields set.", "ja": "全項目を設定。"},
  "seed": 18446744073709551615,
  "events": 123,
  "matchmaking": "warm",
  "population": [
    {"archetype": "gratitude_giver", "count": 3, "label": "givers", "label_ja": "感謝する人",
     "traits": {"gratitude": 0.3333333333333333, "community": 1, "fee_appetite": 0.05},
     "professions": ["lawyer", "coach"], "names": ["Sato", "Suzuki"], "joins": ["weekly chapter", "yoga"]},
    {"archetype": "latecomer", "count": 2, "joins": ["yoga"]}
  ],
  "calendar": [
    {"name": "weekly chapter", "kind": "chapter", "first_day": 2, "every_days": 7, "occurrences": 10,
     "rounds": 5, "group_size": 6, "hours": 2.25, "attendance": 0.95},
    {"name": "yoga", "name_ja": "ヨガ", "kind": "community", "first_day": 0, "every_days": 14, "rounds": 1, "group_size": 2,
     "hours": 24, "attendance": 0, "matchmaking": "complementary"},
    {"name": "1-to-1s", "kind": "one_to_ones", "matchmaking": "random"}
  ],
  "params": {"busy_chance": 0.1, "job_days": 30, "complaint_delay_min_days": 42, "stage_known": 0.3,
             "stage_friend": 0.3, "stage_collaborator": 0.3, "job_value": 1e9},
  "mechanisms": {"forgetting": false, "warm_introductions": false}
})";

struct MalformedCase {
    const char* file;   // under tests/malformed/, without ".json"
    const char* error;  // what() after "PATH: "
};

const MalformedCase kMalformed[] = {
    {"calendar_attendance_percent", R"(calendar[0].attendance: expected a number in [0, 1], found 90)"},
    {"calendar_duplicate_name", R"(calendar[1].name: duplicate name "weekly chapter", already used by calendar[0])"},
    {"calendar_empty", R"(calendar: expected at least one calendar entry, found [])"},
    {"calendar_entry_not_object", R"(calendar[0]: expected an object, found "weekly chapter")"},
    {"calendar_every_days_zero", R"(calendar[0].every_days: expected a whole number in [1, 1000], found 0)"},
    {"calendar_first_day_negative", R"(calendar[1].first_day: expected a whole number in [0, 36500], found -3)"},
    {"calendar_group_size_too_big", R"(calendar[0].group_size: expected a whole number in [2, 50], found 51)"},
    {"calendar_hours_zero", R"(calendar[1].hours: expected a number in (0, 24], found 0)"},
    {"calendar_kind_typo", R"(calendar[1].kind: unknown event kind "one_to_one"; did you mean "one_to_ones"?)"},
    {"calendar_kind_unknown", R"(calendar[1].kind: unknown event kind "party"; expected one of: chapter, mixer, community, one_to_ones)"},
    {"calendar_missing_name", R"(calendar[1]: missing required key "name")"},
    {"calendar_policy_unknown", R"(calendar[1].matchmaking: unknown matchmaking policy "speed_dating"; expected one of: random, rotation, complementary, warm)"},
    {"calendar_rounds_fraction", R"(calendar[0].rounds: expected a whole number in [1, 100], found 2.5)"},
    {"calendar_unknown_key", R"(calendar[0]: unknown key "group_sise"; did you mean "group_size"?)"},
    {"cohort_archetype_typo", R"(population[1].archetype: unknown archetype "hardseller"; did you mean "hard_seller"?)"},
    {"cohort_archetype_unknown", R"(population[0].archetype: unknown archetype "networker"; expected one of: average, hard_seller, slow_trust_builder, gratitude_giver, careless_referrer, unreliable_professional, latecomer, community_member)"},
    {"cohort_count_fraction", R"(population[0].count: expected a whole number in [0, 1000000], found 2.5)"},
    {"cohort_count_negative", R"(population[1].count: expected a whole number in [0, 1000000], found -1)"},
    {"cohort_label_empty", R"(population[1].label: expected a non-empty string, found "")"},
    {"cohort_missing_archetype", R"(population[1]: missing required key "archetype")"},
    {"cohort_not_object", R"(population[2]: expected an object, found "hard_seller")"},
    {"cohort_unknown_key", R"(population[0]: unknown key "cout"; did you mean "count"?)"},
    {"description_not_object", R"(description: expected an object, found "A scenario")"},
    {"description_unknown_language", R"(description: unknown key "fr"; expected one of: en, ja)"},
    {"duplicate_calendar_key", R"(calendar[1]: duplicate key "kind")"},
    {"duplicate_top_key", R"(duplicate key "seed")"},
    {"duplicate_trait_key", R"(population[1].traits: duplicate key "gratitude")"},
    {"empty_file", R"(the file is empty)"},
    {"events_string", R"(events: expected a whole number in [1, 1000000], found "forty")"},
    {"events_zero", R"(events: expected a whole number in [1, 1000000], found 0)"},
    {"joins_unknown_entry", R"(population[0].joins[1]: unknown calendar entry "monthly mixr"; did you mean "monthly mixer"?)"},
    {"matchmaking_unknown", R"(matchmaking: unknown matchmaking policy "rotaton"; did you mean "rotation"?)"},
    {"mechanisms_not_bool", R"(mechanisms.forgetting: expected true or false, found 0)"},
    {"mechanisms_unknown_key", R"(mechanisms: unknown key "forgeting"; did you mean "forgetting"?)"},
    {"missing_calendar", R"(missing required key "calendar")"},
    {"missing_title", R"(missing required key "title")"},
    {"names_not_strings", R"(population[1].names[1]: expected a non-empty string, found 7)"},
    {"label_ja_empty", R"(population[1].label_ja: expected a non-empty string, found "")"},
    {"name_ja_number", R"(calendar[1].name_ja: expected a non-empty string, found 28)"},
    {"names_too_many", R"(population[1].names: 3 names given for a cohort of 2)"},
    {"number_overflow", R"(syntax error at line 10, column 11: the number 1e400 is too large for a double)"},
    {"params_bool", R"(params.memory_half_life_days: expected a number in [1, 3650], found true)"},
    {"params_complaint_delay_order", R"(params: expected complaint_delay_min_days <= complaint_delay_max_days, found 50 > 42)"},
    {"params_not_integer", R"(params.job_days: expected a whole number in [1, 365], found 14.5)"},
    {"params_not_object", R"(params: expected an object, found [1])"},
    {"params_out_of_range", R"(params.busy_chance: expected a number in [0, 1], found 1.2)"},
    {"params_stage_order", R"(params: expected stage_known <= stage_friend <= stage_collaborator, found 0.05, 0.6, 0.5)"},
    {"params_unknown_key", R"(params: unknown key "busy_chanse"; did you mean "busy_chance"?)"},
    {"population_empty", R"(population: expected at least one cohort, found [])"},
    {"population_not_array", R"(population: expected an array, found {"archetype":"slow_trust_builder","co...)"},
    {"profession_typo", R"(population[0].professions[1]: unknown profession "laywer"; did you mean "lawyer"?)"},
    {"profession_unknown", R"(population[0].professions[0]: unknown profession "astronaut"; expected one of: tax_accountant, lawyer, judicial_scrivener, web_designer, insurance, real_estate, printer, it_consultant, coach, photographer, builder, labour_consultant, administrative_scrivener, sme_consultant, financial_planner, graphic_designer, video_producer, advertising, recruiter, architect, interior_designer, landscaper, cleaning, moving, car_dealer, travel_agent, caterer, event_planner, translator, chiropractor, dentist, hair_salon, florist, office_supplies, security, patent_attorney)"},
    {"professions_not_array", R"(population[0].professions: expected an array, found "lawyer")"},
    {"schema_not_string", R"($schema: expected a string, found 1)"},
    {"seed_fraction", R"(seed: expected a whole number >= 0, found 1.5)"},
    {"seed_negative", R"(seed: expected a whole number >= 0, found -1)"},
    {"syntax_invalid_utf8", R"(invalid UTF-8 (byte 0xff) at line 3, column 19; if the file is Shift-JIS or another encoding, save it as UTF-8)"},
    {"syntax_trailing_comma", R"(syntax error at line 10, column 13: unexpected ','; expected string literal)"},
    {"syntax_truncated", R"(syntax error at line 27, column 3: unexpected end of input; expected string literal)"},
    {"syntax_unclosed_string", R"(syntax error at line 34, column 22: invalid string: control character U+000A (LF) must be escaped to \u000A or \n; last read: '"mixer,<U+000A>')"},
    {"title_empty_ja", R"(title.ja: expected a non-empty string, found "")"},
    {"title_not_string", R"(title.en: expected a non-empty string, found ["Broken"])"},
    {"too_many_attendees", R"(population: expected at most 1000000 attendees in total, found 1000005 by population[2])"},
    {"top_level_array", R"(expected an object at the top level, found [{"calendar":[{"kind":"chapter","name...)"},
    {"trait_not_number", R"(population[1].traits.gratitude: expected a number in [0, 1], found "high")"},
    {"trait_out_of_range", R"(population[1].traits.gratitude: expected a number in [0, 1], found 1.5)"},
    {"trait_typo", R"(population[1].traits: unknown key "gratitud"; did you mean "gratitude"?)"},
    {"traits_not_object", R"(population[1].traits: expected an object, found [0.2])"},
    {"unknown_top_key", R"(unknown key "populaton"; did you mean "population"?)"},
    {"whitespace_only", R"(the file is empty)"},
};

std::string errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "(no error)";
}

Scenario fromText(const std::string& text) { return scenarioFromJson(json::parse(text), "<test>"); }

void checkSame(const Scenario& a, const Scenario& b) {
    CHECK(a.title.en == b.title.en);
    CHECK(a.title.ja == b.title.ja);
    CHECK(a.description.en == b.description.en);
    CHECK(a.description.ja == b.description.ja);
    CHECK(a.seed == b.seed);
    CHECK(a.events == b.events);
    CHECK(a.matchmaking == b.matchmaking);
    REQUIRE(a.population.size() == b.population.size());
    for (size_t i = 0; i < a.population.size(); ++i) {
        const Cohort& x = a.population[i];
        const Cohort& y = b.population[i];
        CHECK(x.label == y.label);
        CHECK(x.labelJa == y.labelJa);
        CHECK(x.archetype == y.archetype);
        CHECK(x.count == y.count);
        CHECK(x.traits == y.traits);
        CHECK(x.professions == y.professions);
        CHECK(x.names == y.names);
        CHECK(x.joins == y.joins);
    }
    REQUIRE(a.calendar.size() == b.calendar.size());
    for (size_t i = 0; i < a.calendar.size(); ++i) {
        const CalendarEntry& x = a.calendar[i];
        const CalendarEntry& y = b.calendar[i];
        CHECK(x.name == y.name);
        CHECK(x.nameJa == y.nameJa);
        CHECK(x.kind == y.kind);
        CHECK(x.firstDay == y.firstDay);
        CHECK(x.everyDays == y.everyDays);
        CHECK(x.occurrences == y.occurrences);
        CHECK(x.rounds == y.rounds);
        CHECK(x.groupSize == y.groupSize);
        CHECK(x.hours == y.hours);
        CHECK(x.attendance == y.attendance);
        CHECK(x.hasPolicy == y.hasPolicy);
        CHECK(x.policy == y.policy);
    }
    CHECK(a.params == b.params);
    CHECK(a.mechanisms == b.mechanisms);
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fresh, empty directory of this test's own.
fs::path scratchDir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("tsunagari-io-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

size_t entriesIn(const fs::path& dir) {
    return size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("every malformed scenario file fails with its exact error line") {
    for (const auto& c : kMalformed) {
        std::string path = kMalformedDir + c.file + ".json";
        CAPTURE(path);
        CHECK(errorOf([&] { (void)loadScenarioFile(path); }) == path + ": " + c.error);
    }
}

TEST_CASE("every file in tests/malformed is in the table") {
    size_t files = 0;
    for (const auto& entry : fs::directory_iterator(kMalformedDir)) {
        std::string name = entry.path().stem().string();
        CAPTURE(name);
        CHECK(std::any_of(std::begin(kMalformed), std::end(kMalformed), [&](const auto& c) { return name == c.file; }));
        ++files;
    }
    CHECK(files == std::size(kMalformed));
    CHECK(files >= 28);
}

TEST_CASE("missing files and directories are reported, not crashed on") {
    std::string missing = kMalformedDir + "no_such_file.json";
    CHECK(errorOf([&] { (void)loadScenarioFile(missing); }) == missing + ": cannot open: No such file or directory");
    std::string dir = kMalformedDir;
    CHECK(errorOf([&] { (void)loadScenarioFile(dir); }) == dir + ": cannot read: it is a directory");
}

TEST_CASE("ScenarioError keeps its parts and renders one line") {
    ScenarioError withPath("a.json", "population[0]", "bad");
    CHECK(std::string(withPath.what()) == "a.json: population[0]: bad");
    CHECK(withPath.file == "a.json");
    CHECK(withPath.path == "population[0]");
    CHECK(withPath.message == "bad");
    CHECK(std::string(ScenarioError("a.json", "", "bad").what()) == "a.json: bad");
    CHECK(std::string(ScenarioError("a\nb.json", "", "x\ry\xff").what()) == "a b.json: x y?");
}

TEST_CASE("in-memory documents: non-finite numbers, deep nesting, the source name") {
    json doc = json::parse(kMinimal);
    doc["params"]["busy_chance"] = std::nan("");
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "<gui>"); }) ==
          "<gui>: params.busy_chance: expected a number in [0, 1], found NaN");
    doc["params"]["busy_chance"] = std::numeric_limits<double>::infinity();
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "<gui>"); }) ==
          "<gui>: params.busy_chance: expected a number in [0, 1], found Infinity");

    // A hundred thousand nested arrays where a number belongs: shown briefly, no stack overflow.
    std::string deep(100000, '[');
    deep += std::string(100000, ']');
    doc = json::parse(kMinimal);
    doc["events"] = json::parse(deep);
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "<gui>"); }) ==
          "<gui>: events: expected a whole number in [1, 1000000], found [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...");

    doc = json::parse(kMinimal);
    doc["description"]["en"] = 1;
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "<gui>"); }) == "<gui>: description.en: expected a string, found 1");
}

TEST_CASE("long found values are cut at a character boundary") {
    json doc = json::parse(kMinimal);
    doc["matchmaking"] = json::array({"日本語のタイトルがとても長い場合"});
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "<gui>"); }) ==
          "<gui>: matchmaking: expected a string, found [\"日本語のタイトルがとて...");
}

TEST_CASE("defaults fill everything a minimal scenario leaves out") {
    Scenario s = fromText(kMinimal);
    CHECK(s.seed == 1);
    CHECK(s.events == 40);
    CHECK(s.matchmaking == Policy::Rotation);
    REQUIRE(s.population.size() == 1);
    const Cohort& c = s.population[0];
    CHECK(c.archetype == "hard_seller");
    CHECK(c.label == "hard_seller");
    CHECK(c.count == 1);
    CHECK(c.traits == findArchetype("hard_seller")->traits);
    CHECK(c.professions.empty());
    CHECK(c.names.empty());
    CHECK(c.joins.empty());
    REQUIRE(s.calendar.size() == 1);
    const CalendarEntry& e = s.calendar[0];
    CHECK(e.kind == EventKind::Chapter);
    CHECK(e.firstDay == 0);
    CHECK(e.everyDays == 7);
    CHECK(e.occurrences == 0);
    CHECK(e.rounds == 3);
    CHECK(e.groupSize == 4);
    CHECK(e.hours == 1.5);
    CHECK(e.attendance == 0.9);
    CHECK_FALSE(e.hasPolicy);
    CHECK(s.params == Params());
    CHECK(s.mechanisms == Mechanisms());
}

TEST_CASE("trait overrides apply on top of the archetype preset") {
    Scenario s = fromText(kRich);
    Traits expected = findArchetype("gratitude_giver")->traits;
    expected[Trait::Gratitude] = 0.3333333333333333;
    expected[Trait::Community] = 1;
    expected[Trait::FeeAppetite] = 0.05;
    CHECK(s.population[0].traits == expected);
    CHECK(s.population[1].traits == findArchetype("latecomer")->traits);
    CHECK(s.seed == std::numeric_limits<uint64_t>::max());
    CHECK(s.calendar[1].hasPolicy);
    CHECK(s.calendar[1].policy == Policy::Complementary);
    CHECK(s.params[Param::JobDays] == 30);
    CHECK_FALSE(s.mechanisms[Mechanism::Forgetting]);
    CHECK(s.mechanisms[Mechanism::PitchBacklash]);
}

TEST_CASE("scenarioToJson round-trips field for field, also through text") {
    Scenario rich = fromText(kRich);
    checkSame(scenarioFromJson(scenarioToJson(rich), "<round trip>"), rich);
    checkSame(fromText(scenarioToJson(rich).dump(2)), rich);
    Scenario minimal = fromText(kMinimal);
    checkSame(scenarioFromJson(scenarioToJson(minimal), "<round trip>"), minimal);
}

TEST_CASE("every shipped scenario loads and round-trips") {
    for (const auto& entry : fs::directory_iterator(TSUNAGARI_SOURCE_DIR "/scenarios")) {
        if (entry.path().extension() != ".json" || entry.path().stem().extension() == ".schema") continue;   // schemas, not scenarios
        CAPTURE(entry.path().string());
        Scenario s = loadScenarioFile(entry.path().string());
        checkSame(scenarioFromJson(scenarioToJson(s), "<round trip>"), s);
    }
}

TEST_CASE("scenarioToJson writes every key") {
    json doc = scenarioToJson(fromText(kMinimal));
    CHECK(doc.size() == 9);  // all top-level keys but "$schema"
    CHECK(doc["population"][0].size() == 6);  // no "joins": left out, it means every calendar entry
    CHECK(doc["population"][0]["traits"].size() == size_t(kTraitCount));
    CHECK(doc["calendar"][0].size() == 9);  // no override, so no "matchmaking"
    CHECK(doc["params"].size() == size_t(kParamCount));
    CHECK(doc["mechanisms"].size() == size_t(kMechanismCount));
}

TEST_CASE("event kind and policy keys map both ways") {
    for (int i = 0; i < int(EventKind::Count); ++i) {
        EventKind k = EventKind::Count;
        CHECK(eventKindFromKey(eventKindKey(EventKind(i)), k));
        CHECK(k == EventKind(i));
    }
    for (int i = 0; i < int(Policy::Count); ++i) {
        Policy p = Policy::Count;
        CHECK(policyFromKey(policyKey(Policy(i)), p));
        CHECK(p == Policy(i));
    }
    EventKind k;
    Policy p;
    CHECK_FALSE(eventKindFromKey("Chapter", k));
    CHECK_FALSE(policyFromKey("", p));
}

TEST_CASE("applySetting navigates, creates keys and parses values") {
    json doc = json::parse(kMinimal);
    applySetting(doc, "seed=42");
    applySetting(doc, "params.busy_chance=0.5");
    applySetting(doc, "population[0].traits.gratitude=0.9");
    applySetting(doc, "population[0].names=[\"Sato\"]");
    applySetting(doc, "title.en=Hello world");
    applySetting(doc, "title.ja=a=b");
    applySetting(doc, "mechanisms.forgetting=false");
    applySetting(doc, "calendar[0]={\"name\": \"mixer\", \"kind\": \"mixer\"}");
    applySetting(doc, "description.en=");
    Scenario s = scenarioFromJson(doc, "<--set>");
    CHECK(s.seed == 42);
    CHECK(s.params[Param::BusyChance] == 0.5);
    CHECK(s.population[0].traits[Trait::Gratitude] == 0.9);
    CHECK(s.population[0].names == std::vector<std::string>{"Sato"});
    CHECK(s.title.en == "Hello world");
    CHECK(s.title.ja == "a=b");
    CHECK_FALSE(s.mechanisms[Mechanism::Forgetting]);
    CHECK(s.calendar[0].kind == EventKind::Mixer);
    CHECK(s.description.en.empty());

    applySetting(doc, "params.busy_chance=high");  // a string; validation reports it later
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "<--set>"); }) ==
          R"(<--set>: params.busy_chance: expected a number in [0, 1], found "high")");
}

TEST_CASE("applySetting rejects malformed settings and leaves the document untouched") {
    const std::pair<const char*, const char*> cases[] = {
        {"seed", R"(<--set>: expected PATH=VALUE, found "seed")"},
        {"=5", R"(<--set>: expected a path like population[1].traits.gratitude before '=', found "")"},
        {"params..busy_chance=1", R"(<--set>: expected a path like population[1].traits.gratitude before '=', found "params..busy_chance")"},
        {"population[x].count=1", R"(<--set>: expected a path like population[1].traits.gratitude before '=', found "population[x].count")"},
        {"population[0=1", R"(<--set>: expected a path like population[1].traits.gratitude before '=', found "population[0")"},
        {"population]=1", R"(<--set>: expected a path like population[1].traits.gratitude before '=', found "population]")"},
        {"[0]=1", R"(<--set>: expected a path like population[1].traits.gratitude before '=', found "[0]")"},
        {"population[5].count=2", R"(<--set>: population[5]: index out of range; the array has 1 item)"},
        {"calendar[0].name[0]=x", R"(<--set>: calendar[0].name: cannot index [0] into "weekly chapter")"},
        {"population.count=2", R"(<--set>: population: cannot set key "count" inside [{"archetype":"hard_seller"}])"},
        {"title.en.text=x", R"(<--set>: title.en: cannot set key "text" inside "Minimal")"},
        {"params.busy_chance[0]=1", R"(<--set>: params.busy_chance: missing, so it cannot be indexed)"},
    };
    const json original = json::parse(kMinimal);
    for (const auto& [assignment, error] : cases) {
        CAPTURE(assignment);
        json doc = original;
        CHECK(errorOf([&] { applySetting(doc, assignment); }) == error);
        CHECK(doc == original);
    }
    json notObject = json::array();
    CHECK(errorOf([&] { applySetting(notObject, "seed=1"); }) == "<--set>: expected an object at the top level, found []");
}

TEST_CASE("writeFileAtomic writes, replaces and leaves no temporary file") {
    fs::path dir = scratchDir("write");
    std::string path = (dir / "out.json").string();
    writeFileAtomic(path, "first");
    CHECK(readText(path) == "first");
    writeFileAtomic(path, "second, longer");
    CHECK(readText(path) == "second, longer");
    writeFileAtomic(path, "");
    CHECK(readText(path).empty());
    CHECK(entriesIn(dir) == 1);
    fs::remove_all(dir);
}

TEST_CASE("writeFileAtomic fails cleanly where it cannot write") {
    fs::path dir = scratchDir("fail");
    std::string intoMissing = (dir / "missing" / "out.json").string();
    CHECK_THROWS_WITH_AS(writeFileAtomic(intoMissing, "x"),
                         ("cannot write " + intoMissing + ": No such file or directory").c_str(), std::runtime_error);
    CHECK(entriesIn(dir) == 0);

    // Root ignores read-only directories, but nobody can create a file under a regular file.
    writeFileAtomic((dir / "plain").string(), "keep me");
    std::string underFile = (dir / "plain" / "out.json").string();
    CHECK_THROWS_WITH_AS(writeFileAtomic(underFile, "x"), ("cannot write " + underFile + ": Not a directory").c_str(),
                         std::runtime_error);
    CHECK(readText(dir / "plain") == "keep me");
    CHECK(entriesIn(dir) == 1);

    // The temporary file is written but cannot be renamed over a non-empty directory.
    fs::create_directories(dir / "target" / "inside");
    std::string ontoDir = (dir / "target").string();
    CHECK_THROWS_AS(writeFileAtomic(ontoDir, "x"), std::runtime_error);
    CHECK(fs::is_directory(dir / "target" / "inside"));
    CHECK(entriesIn(dir) == 2);
    fs::remove_all(dir);
}

TEST_CASE("a write that fails half-way leaves the existing file intact") {
    fs::path dir = scratchDir("partial");
    std::string path = (dir / "scenario.json").string();
    writeFileAtomic(path, "old content");

    // A file-size limit makes the kernel refuse the write part-way (EFBIG instead of SIGXFSZ).
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string error;
    try {
        writeFileAtomic(path, std::string(4096, 'x'));
    } catch (const std::runtime_error& e) {
        error = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    CHECK(error == "cannot write " + path + ": File too large");
    CHECK(readText(path) == "old content");
    CHECK(entriesIn(dir) == 1);
    fs::remove_all(dir);
}

TEST_CASE("the JSON Schema agrees with the tables and the loader's limits") {
    const json schema = readJsonFile(TSUNAGARI_SOURCE_DIR "/scenarios/scenario.schema.json");
    const json& defs = schema["$defs"];
    const json& cohortProps = defs["cohort"]["properties"];
    const json& entryProps = defs["calendarEntry"]["properties"];

    const json& traits = cohortProps["traits"]["properties"];
    CHECK(traits.size() == size_t(kTraitCount));
    for (const auto& key : traitKeys()) CHECK(traits.contains(key));

    const json& params = schema["properties"]["params"]["properties"];
    CHECK(params.size() == size_t(kParamCount));
    for (int i = 0; i < kParamCount; ++i) {
        const ParamInfo& info = paramInfo(Param(i));
        CAPTURE(info.key);
        REQUIRE(params.contains(info.key));
        const json& p = params[info.key];
        CHECK(p["type"] == (info.integer ? "integer" : "number"));
        CHECK(p["minimum"].get<double>() == info.min);
        CHECK(p["maximum"].get<double>() == info.max);
        CHECK(p["default"].get<double>() == info.fallback);
    }

    const json& mechanisms = schema["properties"]["mechanisms"]["properties"];
    CHECK(mechanisms.size() == size_t(kMechanismCount));
    for (int i = 0; i < kMechanismCount; ++i) CHECK(mechanisms.contains(mechanismInfo(Mechanism(i)).key));

    CHECK(cohortProps["archetype"]["enum"].get<std::vector<std::string>>() == archetypeKeys());
    std::vector<std::string> professionKeys;
    for (const auto& p : professions()) professionKeys.emplace_back(p.key);
    CHECK(cohortProps["professions"]["items"]["enum"].get<std::vector<std::string>>() == professionKeys);
    CHECK(defs["policy"]["enum"].size() == size_t(Policy::Count));
    CHECK(entryProps["kind"]["enum"].size() == size_t(EventKind::Count));

    CHECK(schema["properties"]["events"]["maximum"] == kMaxEvents);
    CHECK(cohortProps["count"]["maximum"] == kMaxAttendees);
    CHECK(entryProps["rounds"]["maximum"] == kMaxRounds);
    CHECK(entryProps["group_size"]["maximum"] == kMaxGroupSize);

    // Every key the writer emits is one the schema allows, at each level.
    const json written = scenarioToJson(fromText(kRich));
    for (const auto& [key, value] : written.items()) CHECK(schema["properties"].contains(key));
    for (const auto& [key, value] : written["population"][0].items()) CHECK(cohortProps.contains(key));
    for (const auto& [key, value] : written["calendar"][1].items()) CHECK(entryProps.contains(key));
}

TEST_CASE("the format guide names every key and its example loads") {
    const std::string guide = readText(TSUNAGARI_SOURCE_DIR "/docs/scenario-format.md");
    auto mentions = [&](const std::string& key) { return guide.find("| `" + key + "` |") != std::string::npos; };
    // The cell `column` (from 0) of the table row for `key`; the tables were written from the code.
    auto cell = [&](const std::string& key, size_t column) {
        size_t at = guide.find("\n| `" + key + "` |");
        std::string row = at == std::string::npos ? "" : guide.substr(at + 1, guide.find('\n', at + 1) - at - 1);
        std::vector<std::string> cells;
        for (size_t from = 2, bar; (bar = row.find(" | ", from)) != std::string::npos; from = bar + 3)
            cells.push_back(row.substr(from, bar - from));
        return column < cells.size() ? cells[column] : std::string("(no such cell)");
    };
    auto shortest = [](double d) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", d);
        return std::string(text);
    };
    for (int i = 0; i < kTraitCount; ++i)
        CHECK(cell(traitInfo(Trait(i)).key, 2) == shortest(traitInfo(Trait(i)).fallback));
    for (int i = 0; i < kParamCount; ++i)
        CHECK(cell(paramInfo(Param(i)).key, 3) == shortest(paramInfo(Param(i)).fallback));
    for (const auto& key : traitKeys()) CHECK_MESSAGE(mentions(key), key);
    for (const auto& key : archetypeKeys()) CHECK_MESSAGE(mentions(key), key);
    for (const auto& p : professions()) CHECK_MESSAGE(mentions(p.key), p.key);
    for (int i = 0; i < kParamCount; ++i) CHECK_MESSAGE(mentions(paramInfo(Param(i)).key), paramInfo(Param(i)).key);
    for (int i = 0; i < kMechanismCount; ++i)
        CHECK_MESSAGE(mentions(mechanismInfo(Mechanism(i)).key), mechanismInfo(Mechanism(i)).key);

    const size_t start = guide.find("```json\n");
    REQUIRE(start != std::string::npos);
    const size_t end = guide.find("```", start + 8);
    const Scenario example = fromText(guide.substr(start + 8, end - start - 8));
    CHECK(example.population[0].names == std::vector<std::string>{"Sato"});
}

TEST_CASE("a seed held as a signed integer (a document built in code) loads") {
    json doc = json::parse(kMinimal);
    doc["seed"] = int64_t(42);
    REQUIRE(doc["seed"].is_number_integer());
    CHECK(scenarioFromJson(doc, "code").seed == 42u);
    doc["seed"] = int64_t(-3);
    CHECK_THROWS_WITH(scenarioFromJson(doc, "code"), "code: seed: expected a whole number >= 0, found -3");
}
