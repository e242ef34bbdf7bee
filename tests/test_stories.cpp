// Workshop stories: every shipped story loads, runs to its end and reveals what the seeds
// teach on at least 90% of 30 seeds and on its own seed; rooms side by side share their
// seed; stepping round by round (the window) ends where the headless run does; every
// broken story file gets one line naming the file and the JSON path.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "report.h"
#include "scenario_io.h"
#include "stories/story_io.h"
#include "stories/story_run.h"

using namespace tsunagari;
using namespace tsunagari::stories;
namespace fs = std::filesystem;

namespace {

const fs::path kStories = fs::path(TSUNAGARI_SOURCE_DIR) / "scenarios" / "stories";

std::vector<fs::path> shippedStories() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kStories))
        if (entry.path().extension() == ".json" && entry.path().stem().extension() != ".schema") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// A small valid story around a shipped scenario, for the error cases to break.
nlohmann::json smallStory() {
    return nlohmann::json::parse(R"({
      "title": {"en": "t", "ja": "t"},
      "description": {"en": "d", "ja": "d"},
      "steps": [
        {"narration": {"en": "n", "ja": "n"}, "scenario": "../l6_lateness.json",
         "rooms": [{"label": {"en": "a", "ja": "a"}}, {"label": {"en": "b", "ja": "b"}, "set": ["seed=1"]}]},
        {"narration": {"en": "n", "ja": "n"}, "run": {"weeks": 4},
         "show": {"view": "chart", "metric": "trust_received"},
         "prediction": {"question": {"en": "q", "ja": "q"}, "metric": "trust_received",
                        "choices": [{"label": {"en": "x", "ja": "x"}, "group": "on time"},
                                    {"label": {"en": "y", "ja": "y"}, "group": "late, silent", "room": 1}],
                        "expect": 0, "reveal": {"en": "r", "ja": "r"}}}
      ]
    })");
}

std::string errorOf(const nlohmann::json& doc) {
    try {
        (void)storyFromJson(doc, "bad.json", kStories.string());
    } catch (const ScenarioError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("stories: at least six ship, each loads and is told to its end in both languages") {
    const auto files = shippedStories();
    CHECK(files.size() >= 6);
    for (const auto& file : files) {
        INFO(file.string());
        const Story story = loadStoryFile(file.string());
        bool hasPrediction = false;
        for (const Step& step : story.steps) hasPrediction = hasPrediction || step.prediction.has_value();
        CHECK(hasPrediction);
        for (Language language : {Language::English, Language::Japanese}) {
            const std::string told = tellStory(story, language, std::nullopt, {});
            for (const Step& step : story.steps) {
                CHECK(told.find(language == Language::English ? step.narration.en : step.narration.ja) != std::string::npos);
                if (step.prediction)
                    CHECK(told.find(language == Language::English ? step.prediction->reveal.en : step.prediction->reveal.ja) !=
                          std::string::npos);
            }
            CHECK(told == tellStory(story, language, std::nullopt, {}));   // the same text every time
        }
    }
}

TEST_CASE("stories: every reveal holds on at least 27 of 30 seeds and on the story's own seed") {
    for (const auto& file : shippedStories()) {
        const Story story = loadStoryFile(file.string());
        for (const PredictionCheck& c : checkStory(story, 30, 0)) {
            INFO(file.filename().string() << " step " << c.step + 1 << ": " << story.steps[c.step].prediction->question.en);
            CHECK(c.held >= 27);
            CHECK(c.heldOnOwnSeed);
        }
    }
}

TEST_CASE("stories: 'what would you do?' lets the room's pick choose the room it is told") {
    const Story story = loadStoryFile((kStories / "what_would_you_do.json").string());
    const std::string hardSeller = tellStory(story, Language::English, std::nullopt, {0});
    const std::string thanks = tellStory(story, Language::English, std::nullopt, {1});
    CHECK(hardSeller.find("The room's answer: 1") != std::string::npos);
    CHECK(hardSeller.find("Not this time.") != std::string::npos);
    CHECK(thanks.find("The room was right.") != std::string::npos);
}

TEST_CASE("stories: rooms side by side share the seed, so rooms that differ in nothing stay identical") {
    nlohmann::json doc = smallStory();
    doc["steps"][0]["rooms"][1]["set"] = nlohmann::json::array({"params.busy_chance=" + formatNumber(Params{}[Param::BusyChance])});
    const Story story = storyFromJson(doc, "same.json", kStories.string());
    StoryRooms rooms;
    rooms.enter(story, 0, uint64_t(42));
    rooms.enter(story, 1, uint64_t(42));
    rooms.runToEnd();
    REQUIRE(rooms.size() == 2);
    CHECK(rooms.room(0).eventsDone() == 4);
    CHECK(summaryJson(rooms.room(0)) == summaryJson(rooms.room(1)));
}

TEST_CASE("stories: stepping round by round ends where the headless run ends") {
    const Story story = loadStoryFile((kStories / "lateness.json").string());
    StoryRooms stepped, whole;
    for (size_t i = 0; i < story.steps.size(); ++i) {
        stepped.enter(story, i);
        whole.enter(story, i);
        while (stepped.stepRound()) {}
        whole.runToEnd();
        CHECK(stepped.finished());
        for (size_t r = 0; r < whole.size(); ++r) {
            CHECK(stepped.room(r).eventsDone() == stepped.target(r));
            CHECK(summaryJson(stepped.room(r)) == summaryJson(whole.room(r)));
        }
    }
}

TEST_CASE("stories: a step's length counts calendar time from the last fresh start") {
    const Story story = loadStoryFile((kStories / "hard_sellers.json").string());
    // The l1 calendar: a weekly chapter from day 0, 1-to-1s from day 3, a mixer every 28 days.
    const Scenario& s = story.steps[1].roomScenarios[0];
    CHECK(story.steps[0].eventsAtEnd[0] == 0);
    CHECK(story.steps[1].eventsAtEnd[0] == eventsBeforeDay(s, 3 * 365.25 / 12));
    CHECK(story.steps[2].eventsAtEnd[0] == eventsBeforeDay(s, 24 * 365.25 / 12));
}

TEST_CASE("stories: a prediction with from_group counts only the referrals from that group") {
    // The newcomer scenario with careless newcomers (threshold 0.05): much of what they receive
    // comes from each other. With from_group "member" the figure is the members' referrals alone,
    // counted here from the referral records.
    nlohmann::json doc = nlohmann::json::parse(R"({
      "title": {"en": "t", "ja": "t"}, "description": {"en": "d", "ja": "d"},
      "steps": [{"narration": {"en": "n", "ja": "n"}, "scenario": "../newcomer.json",
                 "set": ["population[1].traits.referral_threshold=0.05"], "run": {"years": 1},
                 "prediction": {"question": {"en": "q", "ja": "q"}, "metric": "referrals_received",
                                "choices": [{"label": {"en": "x", "ja": "x"}, "group": "newcomer"},
                                            {"label": {"en": "y", "ja": "y"}, "group": "member"}],
                                "expect": 0, "reveal": {"en": "r", "ja": "r"}}}]
    })");
    const auto figures = [&](const char* from) {
        nlohmann::json d = doc;
        if (*from) d["steps"][0]["prediction"]["from_group"] = from;
        const Story story = storyFromJson(d, "from.json", kStories.string());
        StoryRooms rooms;
        rooms.enter(story, 0, uint64_t(3));
        rooms.runToEnd();
        const World& w = rooms.room(0);
        double fromMembers = 0;
        for (const Referral& r : w.referrals())
            fromMembers += w.groupLabels()[size_t(w.attendees()[r.to].group)] == "newcomer" &&
                           w.groupLabels()[size_t(w.attendees()[r.from].group)] == "member";
        return std::pair{judge(*story.steps[0].prediction, rooms).values[0], fromMembers / 4};
    };
    const auto [all, membersCounted] = figures("");
    const auto [fromMembers, membersCountedAgain] = figures("member");
    const auto [fromNewcomers, unused] = figures("newcomer");
    INFO("newcomers receive " << all << " per head, " << fromMembers << " from members, " << fromNewcomers << " from each other");
    CHECK(fromMembers == doctest::Approx(membersCounted));
    CHECK(fromMembers + fromNewcomers == doctest::Approx(all));
    CHECK(fromNewcomers > 1);
    CHECK(fromMembers < all);
}

TEST_CASE("stories: every broken story gets one line naming the file and the path") {
    struct Case {
        const char* pointer;       // JSON pointer of the value to replace
        nlohmann::json value;      // null with remove = true deletes the key
        bool remove;
        const char* expected;      // the whole message after "bad.json: "
    };
    const Case cases[] = {
        {"/title", nullptr, true, "missing required key \"title\""},
        {"/title/ja", "", false, "title.ja: expected a non-empty string, found \"\""},
        {"/steps", nlohmann::json::array(), false, "steps: expected an array of 1 to 200 items, found 0 items"},
        {"/colour", "red", false, "unknown key \"colour\"; expected one of: $schema, title, description, steps"},
        {"/steps/0/scenario", nullptr, true, "steps[0]: the first step must start a room: give \"scenario\""},
        {"/steps/0/scenario", "../no_such_file.json", false, ""},
        {"/steps/0/rooms/1/set/0", "seed=-1", false, ""},
        {"/steps/0/rooms/1/set/0", "seed", false, "steps[0].rooms[1].set[0]: expected \"path=value\", found \"seed\""},
        {"/steps/0/rooms/1/label", nullptr, true, "steps[0].rooms[1]: missing required key \"label\" (rooms side by side need names)"},
        {"/steps/1/set", nlohmann::json::array({"seed=2"}), false, "steps[1].set: changes need a fresh start: give \"scenario\" in this step too"},
        {"/steps/1/run", nlohmann::json::object({{"fortnights", 2}}), false, "steps[1].run: unknown key \"fortnights\"; expected one of: events, days, weeks, months, years"},
        {"/steps/1/run", nlohmann::json::object({{"weeks", 0}}), false, "steps[1].run.weeks: expected a number in [0.001, 10000], found 0"},
        {"/steps/1/run", nlohmann::json::object({{"events", 2.5}}), false, "steps[1].run.events: expected a whole number in [1, 10000], found 2.5"},
        {"/steps/1/run", nullptr, true, "steps[1].prediction: a prediction needs a \"run\" in the same step to reveal it"},
        {"/steps/1/show/view", "map", false, "steps[1].show.view: unknown view \"map\"; expected one of: venue, chart, groups, attendee"},
        {"/steps/1/show/metric", "happiness", false, ""},
        {"/steps/1/prediction/choices/0/group", "wizards", false, "steps[1].prediction.choices[0].group: no group \"wizards\" in the room (its groups: on time, late, silent, late, messages)"},
        {"/steps/1/prediction/choices/1/room", 2, false, "steps[1].prediction.choices[1].room: expected a whole number in [0, 1], found 2"},
        {"/steps/1/prediction/expect", 2, false, "steps[1].prediction.expect: expected a whole number in [0, 1], found 2"},
        {"/steps/1/prediction/pick", "most", false, "steps[1].prediction.pick: expected \"highest\" or \"lowest\", found \"most\""},
        {"/steps/1/prediction/choices", nlohmann::json::array(), false, "steps[1].prediction.choices: expected an array of 2 to 8 items, found 0 items"},
        {"/steps/1/prediction/from_group", "on time", false, "steps[1].prediction.from_group: \"from_group\" counts referrals: it needs the metric \"referrals_received\""},
    };
    for (const Case& c : cases) {
        nlohmann::json doc = smallStory();
        const nlohmann::json::json_pointer at(c.pointer);
        if (c.remove) doc[at.parent_pointer()].erase(at.back());
        else doc[at] = c.value;
        INFO(std::string(c.pointer) << " = " << c.value.dump());
        const std::string message = errorOf(doc);
        REQUIRE(message.rfind("bad.json: ", 0) == 0);
        CHECK(message.find('\n') == std::string::npos);
        if (*c.expected) CHECK(message == std::string("bad.json: ") + c.expected);
    }
    nlohmann::json decides = smallStory();
    decides["steps"][1]["prediction"]["decides_room"] = true;
    CHECK(errorOf(decides).empty());   // choice i is room i: allowed
    decides["steps"][1]["prediction"]["choices"][1]["room"] = 0;
    CHECK(errorOf(decides) ==
          "bad.json: steps[1].prediction.choices[1]: when the room's pick decides the room, choice 1 must be room 1");
    // The cases checked by their start: a missing scenario file, a bad --set value, an unknown metric.
    nlohmann::json missing = smallStory();
    missing["steps"][0]["scenario"] = "../no_such_file.json";
    CHECK(errorOf(missing).rfind("bad.json: steps[0].scenario: cannot use the scenario: ", 0) == 0);
    nlohmann::json badSeed = smallStory();
    badSeed["steps"][0]["rooms"][1]["set"][0] = "seed=-1";
    CHECK(errorOf(badSeed).rfind("bad.json: steps[0].rooms[1]: the scenario with these changes is invalid: ", 0) == 0);
    nlohmann::json badMetric = smallStory();
    badMetric["steps"][1]["show"]["metric"] = "happiness";
    CHECK(errorOf(badMetric).rfind("bad.json: steps[1].show.metric: unknown metric \"happiness\"; expected one of: members, ", 0) == 0);
}
