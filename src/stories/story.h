// A story: a workshop demo told in steps, in English and Japanese. Each step narrates,
// may start one or more rooms (a scenario with changes; several rooms side by side share
// the seed and differ in one habit or mechanism), runs them for a stretch of calendar
// time, and may ask the room to predict an outcome before the run and reveal it after,
// with the numbers. The expected answer is what the seeds teach; `checkStory` measures
// how often the model agrees over many seeds, so a story never shows a room a fluke.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "calendar_length.h"
#include "scenario.h"

namespace tsunagari::stories {

enum class View { Venue, Chart, Groups, Attendee };

struct Show {
    View view = View::Chart;
    std::string metric = "referrals_received";   // for charts: a key of metricNames()
    std::string group;                           // highlighted group label; empty = none
    int attendee = -1;                           // for View::Attendee
};

// One room of a step: the step's scenario with these further `--set` changes.
struct Room {
    Bilingual label;
    std::vector<std::string> settings;           // "path=value", applied after the step's own
};

// One answer the room can give: a group in one of the rooms.
struct Choice {
    Bilingual label;
    std::string group;                           // group label in the scenario
    int room = 0;                                // index into the step's rooms
};

enum class Pick { Highest, Lowest };

struct Prediction {
    Bilingual question;
    std::string metric;                          // compared at the end of the step's run
    // With referrals_received: count only referrals from this group (e.g. the members a
    // newcomer joined, not fellow newcomers passing clients among themselves); empty = all.
    std::string fromGroup;
    Pick pick = Pick::Highest;
    std::vector<Choice> choices;                 // at least two
    int expect = 0;                              // the choice the seeds say wins
    Bilingual reveal;                            // told after the numbers
    bool decidesRoom = false;                    // "what would you do?": the room's pick is the room shown
};

struct Step {
    Bilingual narration;
    // When set, the step starts fresh rooms from this scenario (path as written in the
    // story, resolved against the story's folder); otherwise the rooms of the previous
    // step go on.
    std::string scenario;
    std::vector<std::string> settings;           // "path=value" for every room of a fresh start
    std::vector<Room> rooms;                     // at least one; side by side when two or more
    std::optional<RunLength> run;                // how much longer to run; none = narration only
    Show show;
    std::optional<Prediction> prediction;

    // Resolved when the story is loaded: each room's validated scenario (the previous
    // step's when this one goes on) and the events it has run by the end of this step.
    std::vector<Scenario> roomScenarios;
    std::vector<int> eventsAtEnd;
    bool startsRooms = false;                    // this step starts fresh rooms
};

struct Story {
    std::string file;                            // as given to loadStoryFile
    Bilingual title;
    Bilingual description;
    std::vector<Step> steps;
};

// The group labels of a scenario, in the order a World numbers them (first appearance).
[[nodiscard]] std::vector<std::string> groupLabelsOf(const Scenario& scenario);

}  // namespace tsunagari::stories
