// Hostile input (issue 11): files and `--set` values built to crash, hang or confuse the
// loader are refused with one line naming where and why, in time linear in their size.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "gui/screenshot_format.h"
#include "json_text.h"
#include "scenario_io.h"
#include "scenario_settings.h"
#include "snapshot.h"
#include "text_encoding.h"
#include "world.h"
#include "test_files.h"

using namespace tsunagari;
using nlohmann::json;
using namespace test_files;

namespace {

constexpr const char* kSmallScenario = R"({
  "title": {"en": "Small", "ja": "小"},
  "description": {"en": "", "ja": ""},
  "events": 2,
  "population": [{"archetype": "hard_seller", "count": 4}],
  "calendar": [{"name": "chapter", "kind": "chapter"}]
})";

template <class F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

std::string parseError(const std::string& text) { return errorOf([&] { (void)parseJsonText(text, "x.json"); }); }

// A scenario whose population is `cohorts` cohorts of one member each; `extra` goes inside the last cohort.
std::string manyCohorts(size_t cohorts, const std::string& extra = "") {
    std::string text = R"({"title": {"en": "Many", "ja": "多"}, "description": {"en": "", "ja": ""}, "population": [)";
    for (size_t i = 0; i < cohorts; ++i)
        text += std::string(i ? "," : "") + R"({"archetype": "hard_seller")" + (i + 1 == cohorts ? extra : "") + "}";
    return text + R"(], "calendar": [{"name": "chapter", "kind": "chapter"}]})";
}

std::filesystem::path scratchDir() {
    return std::filesystem::temp_directory_path() / ("tsunagari-hostile-" + std::to_string(::getpid()));
}

// Removes the scratch directory when the test program exits.
const struct ScratchCleanup {
    ~ScratchCleanup() {
        std::error_code ec;
        std::filesystem::remove_all(scratchDir(), ec);
    }
} kScratchCleanup;

std::filesystem::path scratchFile(const std::string& name, const std::string& content) {
    const auto dir = scratchDir();
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << content;
    return dir / name;
}


}  // namespace

TEST_CASE("hostile input: nesting is limited when parsing, setting and copying") {
    const std::string deep = R"({"title":)" + std::string(140000, '[') + std::string(140000, ']') + "}";
    CHECK(parseError(deep) == "x.json: syntax error at line 1, column 73: nested deeper than 64 levels");
    // Inside a string, brackets are text.
    CHECK_NOTHROW((void)parseJsonText(R"({"a": ")" + std::string(1000, '[') + R"("})", "x.json"));

    // A document built in code may be deep; --set refuses it before copying it.
    json doc = json::parse(kSmallScenario);
    json nested = json::array();
    for (int i = 0; i < 100000; ++i) nested = json::array({std::move(nested)});
    doc["title"] = std::move(nested);
    CHECK(errorOf([&] { applySetting(doc, "seed=1"); }) == "<--set>: the document nests deeper than 64 levels");

    doc = json::parse(kSmallScenario);
    std::string path = "a";
    for (int i = 0; i < 70; ++i) path += ".a";
    CHECK(errorOf([&] { applySetting(doc, path + "=1"); }) == "<--set>: expected a path of at most 64 steps, found 71");
    CHECK(errorOf([&] { applySetting(doc, "title.en=" + std::string(100, '[') + std::string(100, ']')); }) ==
          "<--set>: title.en: syntax error at line 1, column 65: nested deeper than 64 levels");
    CHECK(errorOf([&] { applySetting(doc, "title.en=" + std::string(63, '[') + std::string(63, ']')); }) ==
          "<--set>: title.en: the value would nest deeper than 64 levels in the document");
    CHECK(doc == json::parse(kSmallScenario));  // failed settings leave it untouched
}

TEST_CASE("hostile input: duplicate keys are found in one pass, the first in document order") {
    CHECK(parseError(R"({"a": 1, "b": {"c": [1, {"d": 1, "d": 2}]}, "a": 3})") == "x.json: b.c[1]: duplicate key \"d\"");
    CHECK(parseError(R"([{"x": 1}, {"x": 1, "y": 2, "y": 3}])") == "x.json: [1]: duplicate key \"y\"");
    // 200,000 cohorts (quadratic in nlohmann's callback parser) with the duplicate in the last.
    const std::string text = manyCohorts(200000, R"(, "count": 1, "count": 2)");
    CHECK(parseError(text) == "x.json: population[199999]: duplicate key \"count\"");
    CHECK(parseJsonText(manyCohorts(3), "x.json")["population"].size() == 3);
}

TEST_CASE("hostile input: did-you-mean is bounded in name length and candidates") {
    json doc = json::parse(manyCohorts(1, R"(, "joins": ["chapterr"])"));
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "x.json"); }) ==
          "x.json: population[0].joins[0]: unknown calendar entry \"chapterr\"; did you mean \"chapter\"?");
    // A megabyte-long unknown name: no suggestion is computed and the line stays short.
    doc["population"][0]["joins"][0] = std::string(1 << 20, 'q');
    const std::string error = errorOf([&] { (void)scenarioFromJson(doc, "x.json"); });
    CHECK(error.rfind("x.json: population[0].joins[0]: unknown calendar entry \"qqqq", 0) == 0);
    CHECK(error.size() < 200);
    // Calendar entries beyond the first 200 are listed as a count, not compared.
    doc = json::parse(kSmallScenario);
    for (int i = 0; i < 300; ++i)
        doc["calendar"].push_back({{"name", i == 250 ? "target" : "filler number " + std::to_string(i)}, {"kind", "mixer"}});
    doc["population"][0]["joins"] = {"targte"};
    const std::string many = errorOf([&] { (void)scenarioFromJson(doc, "x.json"); });
    CHECK(many.find("did you mean") == std::string::npos);
    CHECK(many.find("(261 more)") != std::string::npos);
}

TEST_CASE("hostile input: NUL bytes and trailing garbage are refused with line and column") {
    CHECK(parseError(std::string(kSmallScenario) + std::string(1, '\0') + "garbage") ==
          "x.json: syntax error at line 7, column 2: unexpected NUL byte; a scenario is text and ends with its closing brace");
    CHECK(parseError(std::string(kSmallScenario) + "\n}garbage") ==
          "x.json: syntax error at line 8, column 1: unexpected '}'; expected end of input");
}

TEST_CASE("hostile input: encodings other than UTF-8 are named with a fix") {
    const std::string bom = "\xFF\xFE{\0}\0";
    CHECK(parseError(std::string(bom.data(), 6)) == "x.json: the text is UTF-16; save it as UTF-8");
    CHECK(parseError(std::string("{\0\"\0", 4)) == "x.json: the text is UTF-16; save it as UTF-8");
    // "タイトル" in Shift-JIS.
    CHECK(parseError("{\"title\": \"\x83\x5E\x83\x43\x83\x67\x83\x8B\"}") ==
          "x.json: invalid UTF-8 (byte 0x83) at line 1, column 12; if the file is Shift-JIS or another encoding, save it as UTF-8");
    CHECK(firstInvalidUtf8("\xC0\xAF") == size_t(0));          // overlong "/"
    CHECK(firstInvalidUtf8("a\xED\xA0\x80") == size_t(1));     // a UTF-16 surrogate
    CHECK_FALSE(firstInvalidUtf8("日本語 ok").has_value());
}

TEST_CASE("hostile input: numbers a double cannot hold are refused where they stand") {
    CHECK(parseError("{\n  \"events\": 1e309\n}") ==
          "x.json: syntax error at line 2, column 13: the number 1e309 is too large for a double");
    CHECK(parseError(manyCohorts(1, R"(, "count": 1e-400)")).find("the number 1e-400 is too small for a double (it would read as 0)") !=
          std::string::npos);
    std::string longNumber = "[";
    longNumber.append(500, '1').append("]");
    CHECK(parseError(longNumber) ==
          "x.json: syntax error at line 1, column 2: a number of 500 characters; at most 400 are read");
    CHECK(parseJsonText("[0e-400, 1e-300, -0.0]", "x.json").size() == 3);  // zero is zero; small is fine
}

TEST_CASE("hostile input: --set errors name <--set>, the file's own errors the file") {
    const json doc = json::parse(kSmallScenario);
    CHECK(errorOf([&] { (void)scenarioWithSettings(doc, {"mechanisms.forgetting=maybe"}, {}, "small.json"); }) ==
          "<--set>: mechanisms.forgetting: expected true or false, found \"maybe\"");
    CHECK(errorOf([&] { (void)scenarioWithSettings(doc, {"params.bogus=1"}, {}, "small.json"); })
              .rfind("<--set>: params: unknown key \"bogus\"", 0) == 0);
    json broken = doc;
    broken["events"] = 0;
    CHECK(errorOf([&] { (void)scenarioWithSettings(broken, {"seed=3"}, {}, "small.json"); }) ==
          "small.json: events: expected a whole number in [1, 1000000], found 0");
    CHECK(scenarioWithSettings(broken, {"events=5"}, {}, "small.json").events == 5);
    CHECK(scenarioWithSettings(doc, {}, uint64_t(9), "small.json").seed == 9);
}

TEST_CASE("hostile input: invalid UTF-8 in --set is refused before any event runs") {
    json doc = json::parse(kSmallScenario);
    CHECK(errorOf([&] { applySetting(doc, "title.en=\xff"); }) ==
          "<--set>: title.en: expected UTF-8 text, found byte 0xff at byte 1 of the value");
    CHECK(errorOf([&] { applySetting(doc, "title.e\xfe=x"); }) ==
          "<--set>: expected UTF-8 text, found byte 0xfe in the path \"title.e\xEF\xBF\xBD\"");

    const auto file = scratchFile("small.json", kSmallScenario);
    const auto out = file.parent_path() / "out-utf8";
    const CliResult r = cli({"run", file.string(), "--set", "title.en=\xff", "--out", out.string()});
    CHECK(r.code == 2);
    CHECK(r.err == "<--set>: title.en: expected UTF-8 text, found byte 0xff at byte 1 of the value\n");
    CHECK_FALSE(std::filesystem::exists(out / "events.csv"));
}

TEST_CASE("hostile input: a crafted snapshot with broken UTF-8 in its scenario is refused") {
    json doc = json::parse(kSmallScenario);
    doc["title"]["en"] = "TITLEMARK";
    World world(scenarioFromJson(doc, "small.json"));
    world.runEvents(1);
    std::string snap = saveSnapshot(world);
    const size_t at = snap.find("TITLEMARK");
    REQUIRE(at != std::string::npos);
    snap[at] = '\xff';
    // Re-sign the payload (see snapshot.cpp: magic, u32 version, u64 length, u64 FNV-1a, payload).
    constexpr size_t kHeader = 18 + 4 + 8 + 8;
    uint64_t checksum = 1469598103934665603ull;
    for (size_t i = kHeader; i < snap.size(); ++i) checksum = (checksum ^ uint8_t(snap[i])) * 1099511628211ull;
    std::memcpy(snap.data() + kHeader - 8, &checksum, 8);
    const std::string error = errorOf([&] { (void)loadSnapshot(snap, "crafted.snap"); });
    CHECK(error.find("crafted.snap") != std::string::npos);
    CHECK(error.find("invalid UTF-8 (byte 0xff)") != std::string::npos);
    CHECK(error.find('\n') == std::string::npos);
}

TEST_CASE("hostile input: conflicting label_ja is an error, joins [] a warning") {
    json doc = json::parse(kSmallScenario);
    doc["population"] = json::parse(R"([
        {"archetype": "hard_seller", "label": "guest", "label_ja": "ゲスト"},
        {"archetype": "gratitude_giver", "label": "guest"},
        {"archetype": "gratitude_giver", "label": "guest", "label_ja": "来客"}])");
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "x.json"); }) ==
          "x.json: population[2].label_ja: expected \"ゲスト\" as in population[0] (cohorts sharing the label \"guest\" "
          "share its label_ja), found \"来客\"");
    doc["population"][2]["label_ja"] = "ゲスト";
    CHECK_NOTHROW((void)scenarioFromJson(doc, "x.json"));

    doc["population"][1]["joins"] = json::array();
    CHECK(scenarioWarnings(doc, "x.json") ==
          std::vector<std::string>{"x.json: population[1].joins: warning: [] means every calendar entry, as leaving joins "
                                   "out does; name the entries these attendees are members of"});
    // What the program writes never draws the warning.
    CHECK(scenarioWarnings(scenarioToJson(scenarioFromJson(doc, "x.json")), "x.json").empty());
}

TEST_CASE("hostile input: control characters are escaped before they reach a terminal") {
    CHECK(printableText("a\x1b[31mred\x7f\xc2\x9b.") == "a\\u001b[31mred\\u007f\\u009b.");
    CHECK(printableText("日本語\xff") == "日本語\\xff");
    CHECK(std::string(ScenarioError("f.json", "title", "found \"\x1b]0;pwned\x07\"").what()) ==
          "f.json: title: found \"\\u001b]0;pwned\\u0007\"");

    json doc = json::parse(kSmallScenario);
    doc["title"]["en"] = "\x1b[2Jcleared";
    doc["population"][0]["label"] = "\x1b[31mred";
    const auto file = scratchFile("escapes.json", doc.dump());
    const CliResult v = cli({"validate", file.string()});
    CHECK(v.out == "ok: \\u001b[2Jcleared (4 attendees, 1 calendar entries)\n");
    const CliResult r = cli({"run", file.string(), "--events", "1", "--out", (file.parent_path() / "out-esc").string()});
    CHECK(r.code == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("\\u001b[31mred") != std::string::npos);
}

TEST_CASE("hostile input: --screenshot names the extensions it writes") {
    CHECK(gui::screenshotPathProblem("shot.noext") ==
          "--screenshot expects a file ending in .png, .bmp, .tga or .jpg, got \"shot.noext\"");
    CHECK(gui::screenshotPathProblem("shot") ==
          "--screenshot expects a file ending in .png, .bmp, .tga or .jpg, got \"shot\"");
    CHECK_FALSE(gui::screenshotPathProblem("out/shot.PNG").has_value());
    CHECK_FALSE(gui::screenshotPathProblem("shot.jpeg").has_value());
}

TEST_CASE("hostile input: validate lists every error, the first as loading reports it") {
    json doc = json::parse(kSmallScenario);
    doc["wizard"] = 1;
    doc["events"] = 0;
    doc["population"][0]["count"] = -1;
    doc["population"].push_back({{"archetype", "wizard"}});
    doc["calendar"][0]["hours"] = 99;
    doc["params"] = {{"busy_chance", 2}, {"nonsense", 1}};
    const ScenarioErrors errors = scenarioErrors(doc, "x.json");
    std::vector<std::string> lines;
    for (const auto& e : errors.listed) lines.emplace_back(e.what());
    const std::vector<std::string> starts{
        "x.json: unknown key \"wizard\"",
        "x.json: events: expected a whole number in [1, 1000000], found 0",
        "x.json: population[0].count: expected a whole number in [0, 1000000], found -1",
        "x.json: population[1].archetype: unknown archetype \"wizard\"",
        "x.json: calendar[0].hours: expected a number in (0, 24], found 99",
        "x.json: params.busy_chance: expected a number in [0, 1], found 2",
        "x.json: params: unknown key \"nonsense\""};
    REQUIRE(lines.size() == starts.size());
    for (size_t i = 0; i < starts.size(); ++i) CHECK(lines[i].rfind(starts[i], 0) == 0);
    CHECK(errors.total == 7);
    CHECK(lines.front() == errorOf([&] { (void)scenarioFromJson(doc, "x.json"); }));

    // Past the limit only the count grows; the CLI says how many more, one line, exit 2.
    json many = json::parse(manyCohorts(500));
    for (auto& c : many["population"]) c["count"] = "many";
    const ScenarioErrors capped = scenarioErrors(many, "x.json");
    CHECK(capped.listed.size() == kMaxListedErrors);
    CHECK(capped.total == 500);
    const auto file = scratchFile("many.json", many.dump());
    const CliResult r = cli({"validate", file.string()});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 21);
    CHECK(r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1) == file.string() + ": and 480 more errors\n");
}

TEST_CASE("hostile input: sizes no scenario needs are refused with the limit") {
    std::string empties = "[";
    for (size_t i = 0; i < kMaxJsonContainers; ++i) empties += "[],";
    CHECK(parseError(empties + "[]]") == "x.json: syntax error at line 1, column " + std::to_string(empties.size() - 2) +
                                             ": more than 8000000 objects and arrays");

    CHECK(errorOf([] { (void)readJsonFile("/dev/zero"); }) == "/dev/zero: cannot read: more than 64 MB, the most this input may be");
    json doc = json::parse(kSmallScenario);
    doc["calendar"] = json::array();
    for (int i = 0; i <= kMaxCalendarEntries; ++i) doc["calendar"].push_back({{"name", std::to_string(i)}, {"kind", "mixer"}});
    CHECK(errorOf([&] { (void)scenarioFromJson(doc, "x.json"); }) ==
          "x.json: calendar: expected at most 10000 calendar entries, found 10001");
}
