#include "stories/story_io.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "metric_names.h"
#include "experiments/spec_reader.h"
#include "scenario_io.h"

namespace tsunagari::stories {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr size_t kMaxSteps = 200;
constexpr size_t kMaxRooms = 4;
constexpr size_t kMaxChoices = 8;
constexpr size_t kMaxSettings = 1000;   // changes a step or a room lists
constexpr double kMaxRunAmount = 10'000;   // a step's run, in any unit

using experiments::childPath;
using experiments::indexPath;
using experiments::SpecReader;

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// A step's or room's changes: `--set` assignments, "path=value".
std::vector<std::string> settingList(const SpecReader& r, const json& v, const std::string& path) {
    std::vector<std::string> out;
    const json& list = r.array(v, path, 0, kMaxSettings);
    for (size_t i = 0; i < list.size(); ++i) {
        std::string s = r.text(list[i], indexPath(path, i));
        r.expect(s.find('=') != std::string::npos, list[i], indexPath(path, i), "\"path=value\"");
        out.push_back(std::move(s));
    }
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

class StoryReader {
public:
    StoryReader(const std::string& source, std::string folder) : r(source), m_source(source), m_folder(std::move(folder)) {}

    Story read(const json& doc) {
        r.expectKeys(doc, "", {"$schema", "title", "description", "steps"});
        Story story;
        story.file = m_source;
        story.title = r.bilingual(r.required(doc, "", "title"), "title");
        story.description = r.bilingual(r.required(doc, "", "description"), "description");
        const json& steps = r.array(r.required(doc, "", "steps"), "steps", 1, kMaxSteps);
        for (size_t i = 0; i < steps.size(); ++i) story.steps.push_back(step(steps[i], indexPath("steps", i), story.steps));
        return story;
    }

private:
    Step step(const json& v, const std::string& path, const std::vector<Step>& before) {
        r.expectKeys(v, path, {"narration", "scenario", "set", "rooms", "run", "show", "prediction"});
        Step s;
        s.narration = r.bilingual(r.required(v, path, "narration"), childPath(path, "narration"));
        if (auto it = v.find("scenario"); it != v.end()) s.scenario = r.text(*it, childPath(path, "scenario"));
        s.startsRooms = !s.scenario.empty();
        if (!s.startsRooms && before.empty())
            r.fail(path, "the first step must start a room: give \"scenario\"");
        for (const char* key : {"set", "rooms"})
            if (!s.startsRooms && v.contains(key))
                r.fail(childPath(path, key), "changes need a fresh start: give \"scenario\" in this step too");
        if (auto it = v.find("set"); it != v.end()) s.settings = settingList(r, *it, childPath(path, "set"));
        if (auto it = v.find("rooms"); it != v.end()) {
            const json& rooms = r.array(*it, childPath(path, "rooms"), 1, kMaxRooms);
            for (size_t i = 0; i < rooms.size(); ++i) s.rooms.push_back(room(rooms[i], indexPath(childPath(path, "rooms"), i), rooms.size()));
        }
        if (s.startsRooms) {
            if (s.rooms.empty()) s.rooms.push_back(Room{});
            for (size_t i = 0; i < s.rooms.size(); ++i)
                s.roomScenarios.push_back(roomScenario(s, i, path, s.rooms.size() > 1 ? indexPath(childPath(path, "rooms"), i) : path));
        } else {
            s.rooms = before.back().rooms;
            s.roomScenarios = before.back().roomScenarios;
        }
        if (auto it = v.find("run"); it != v.end()) s.run = r.runLength(*it, childPath(path, "run"), kMaxRunAmount);
        eventsAtEnd(s);
        if (auto it = v.find("show"); it != v.end()) s.show = show(*it, childPath(path, "show"), s);
        if (auto it = v.find("prediction"); it != v.end()) {
            if (!s.run) r.fail(childPath(path, "prediction"), "a prediction needs a \"run\" in the same step to reveal it");
            s.prediction = prediction(*it, childPath(path, "prediction"), s);
        }
        return s;
    }

    Room room(const json& v, const std::string& path, size_t roomCount) const {
        r.expectKeys(v, path, {"label", "set"});
        Room room;
        if (auto it = v.find("label"); it != v.end()) room.label = r.bilingual(*it, childPath(path, "label"));
        else if (roomCount > 1) r.fail(path, "missing required key \"label\" (rooms side by side need names)");
        if (auto it = v.find("set"); it != v.end()) room.settings = settingList(r, *it, childPath(path, "set"));
        return room;
    }

    // The step's scenario with the step's and then the room's changes, checked.
    Scenario roomScenario(const Step& s, size_t roomIndex, const std::string& stepPath, const std::string& path) {
        const std::string file = (fs::path(m_folder) / s.scenario).lexically_normal().string();
        auto cached = m_documents.find(file);
        if (cached == m_documents.end()) {
            try {
                cached = m_documents.emplace(file, readJsonFile(file)).first;
            } catch (const ScenarioError& e) {
                r.fail(childPath(stepPath, "scenario"), std::string("cannot use the scenario: ") + e.what());
            }
        }
        json doc = cached->second;
        std::vector<std::string> all = s.settings;
        all.insert(all.end(), s.rooms[roomIndex].settings.begin(), s.rooms[roomIndex].settings.end());
        for (const auto& setting : all) {
            try {
                applySetting(doc, setting);
            } catch (const ScenarioError& e) {
                r.fail(path, "in \"" + setting + "\": " + e.message);
            }
        }
        try {
            return scenarioFromJson(doc, file);
        } catch (const ScenarioError& e) {
            r.fail(path, std::string("the scenario with these changes is invalid: ") + e.what());
        }
    }

    // Each room's event count at the end of this step: lengths add up from the last fresh start.
    void eventsAtEnd(Step& s) {
        if (s.startsRooms) m_elapsed = {};
        if (s.run) {
            if (s.run->unit == LengthUnit::Events) m_elapsed.events += int(s.run->amount);
            else m_elapsed.days += daysIn(*s.run);
        }
        for (const Scenario& scenario : s.roomScenarios)
            s.eventsAtEnd.push_back(std::min(kMaxEvents, m_elapsed.events + eventsBeforeDay(scenario, m_elapsed.days)));
    }

    Show show(const json& v, const std::string& path, const Step& s) const {
        r.expectKeys(v, path, {"view", "metric", "group", "attendee"});
        Show out;
        const std::vector<std::string> views{"venue", "chart", "groups", "attendee"};   // in the order of View
        const std::string view = r.choice(r.required(v, path, "view"), childPath(path, "view"), "view", views);
        out.view = View(std::find(views.begin(), views.end(), view) - views.begin());
        if (auto it = v.find("metric"); it != v.end()) out.metric = metric(*it, childPath(path, "metric"));
        if (auto it = v.find("group"); it != v.end()) out.group = group(*it, childPath(path, "group"), s.roomScenarios[0]);
        int attendees = 0;
        for (const Cohort& c : s.roomScenarios[0].population) attendees += c.count;
        if (auto it = v.find("attendee"); it != v.end()) out.attendee = r.wholeIn(*it, childPath(path, "attendee"), 0, attendees - 1);
        if (out.view == View::Attendee && out.attendee < 0) r.fail(path, "missing required key \"attendee\" for the attendee view");
        return out;
    }

    std::string metric(const json& v, const std::string& path) const {
        std::vector<std::string> names;
        for (const MetricName& m : metricNames()) names.emplace_back(m.key);
        return r.choice(v, path, "metric", names);
    }

    std::string group(const json& v, const std::string& path, const Scenario& scenario) const {
        const std::string label = r.text(v, path);
        const auto labels = groupLabelsOf(scenario);
        if (!contains(labels, label)) r.fail(path, "no group \"" + label + "\" in the room (its groups: " + joined(labels) + ")");
        return label;
    }

    Prediction prediction(const json& v, const std::string& path, const Step& s) const {
        r.expectKeys(v, path, {"question", "metric", "from_group", "pick", "choices", "expect", "reveal", "decides_room"});
        Prediction p;
        p.question = r.bilingual(r.required(v, path, "question"), childPath(path, "question"));
        p.metric = metric(r.required(v, path, "metric"), childPath(path, "metric"));
        if (auto it = v.find("pick"); it != v.end()) {
            const std::string pick = r.text(*it, childPath(path, "pick"));
            r.expect(pick == "highest" || pick == "lowest", *it, childPath(path, "pick"), "\"highest\" or \"lowest\"");
            p.pick = pick == "highest" ? Pick::Highest : Pick::Lowest;
        }
        const std::string choicesPath = childPath(path, "choices");
        const json& choices = r.array(r.required(v, path, "choices"), choicesPath, 2, kMaxChoices);
        for (size_t i = 0; i < choices.size(); ++i) {
            const std::string at = indexPath(choicesPath, i);
            r.expectKeys(choices[i], at, {"label", "group", "room"});
            Choice c;
            c.label = r.bilingual(r.required(choices[i], at, "label"), childPath(at, "label"));
            if (auto it = choices[i].find("room"); it != choices[i].end())
                c.room = r.wholeIn(*it, childPath(at, "room"), 0, int(s.rooms.size()) - 1);
            c.group = group(r.required(choices[i], at, "group"), childPath(at, "group"), s.roomScenarios[size_t(c.room)]);
            p.choices.push_back(std::move(c));
        }
        if (auto it = v.find("from_group"); it != v.end()) {
            const std::string at = childPath(path, "from_group");
            if (p.metric != "referrals_received") r.fail(at, "\"from_group\" counts referrals: it needs the metric \"referrals_received\"");
            for (const Scenario& room : s.roomScenarios) p.fromGroup = group(*it, at, room);
        }
        p.expect = r.wholeIn(r.required(v, path, "expect"), childPath(path, "expect"), 0, int(p.choices.size()) - 1);
        p.reveal = r.bilingual(r.required(v, path, "reveal"), childPath(path, "reveal"));
        if (auto it = v.find("decides_room"); it != v.end()) p.decidesRoom = r.flag(*it, childPath(path, "decides_room"));
        if (p.decidesRoom)
            for (size_t i = 0; i < p.choices.size(); ++i)
                if (p.choices[i].room != int(i))
                    r.fail(indexPath(choicesPath, i), "when the room's pick decides the room, choice " + std::to_string(i) +
                                                     " must be room " + std::to_string(i));
        return p;
    }

    SpecReader r;
    std::string m_source;
    std::string m_folder;
    std::map<std::string, json> m_documents;   // scenario files read once per story
    struct {
        int events = 0;
        double days = 0;
    } m_elapsed;
};

}  // namespace

std::vector<std::string> groupLabelsOf(const Scenario& scenario) {
    std::vector<std::string> labels;
    for (const Cohort& c : scenario.population)
        if (!contains(labels, c.label)) labels.push_back(c.label);
    return labels;
}

Story storyFromJson(const json& doc, const std::string& sourceName, const std::string& folder) {
    return StoryReader(sourceName, folder).read(doc);
}

Story loadStoryFile(const std::string& path) {
    return storyFromJson(readJsonFile(path), path, fs::path(path).parent_path().string());
}

Story sideBySideStory(const std::string& scenarioPath, const std::vector<std::string>& settings,
                      const std::vector<std::string>& changes) {
    nlohmann::json base = readJsonFile(scenarioPath);
    for (const auto& setting : settings) applySetting(base, setting);
    const Scenario scenario = scenarioFromJson(base, scenarioPath);
    std::string changed;
    for (const auto& c : changes) changed += (changed.empty() ? "" : ", ") + c;
    const json title = {{"en", scenario.title.en}, {"ja", scenario.title.ja.empty() ? scenario.title.en : scenario.title.ja}};
    const auto text = [](const std::string& s, const std::string& fallback) { return s.empty() ? fallback : s; };
    const json narration = {{"en", text(scenario.description.en, scenario.title.en)},
                            {"ja", text(scenario.description.ja, text(scenario.title.ja, scenario.title.en))}};
    json settingsJson = json::array();
    for (const auto& s : settings) settingsJson.push_back(s);
    json changesJson = json::array();
    for (const auto& c : changes) changesJson.push_back(c);
    const json doc = {
        {"title", title},
        {"description", narration},
        {"steps",
         {{{"narration", narration},
           {"scenario", fs::absolute(scenarioPath).string()},
           {"set", settingsJson},
           {"rooms", {{{"label", {{"en", "as it is"}, {"ja", "そのまま"}}}},
                      {{"label", {{"en", changed}, {"ja", changed}}}, {"set", changesJson}}}},
           {"run", {{"events", std::max(1, scenario.events)}}},
           {"show", {{"view", "chart"}}}}}}};
    return storyFromJson(doc, "<--compare>", "");
}

}  // namespace tsunagari::stories
