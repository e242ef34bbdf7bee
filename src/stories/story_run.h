// Running a story: the rooms of each step stepped together, predictions judged from the
// rooms' figures, the whole story told as text (the CLI) and checked over many seeds.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stories/story.h"
#include "world.h"

namespace tsunagari::stories {

// The rooms of the current step: one World per room, all with the same seed.
class StoryRooms {
public:
    // Enters step `index`: starts fresh rooms when the step does (with `seed` instead of
    // the scenario's when given), otherwise keeps the rooms of the step before.
    void enter(const Story& story, size_t index, std::optional<uint64_t> seed = std::nullopt);
    // One conversation round in every room that has not reached the step's end; false
    // once all have (or their calendars are over).
    bool stepRound();
    void runToEnd();                               // the rest of the step at once
    [[nodiscard]] bool finished() const;           // every room at the step's end
    [[nodiscard]] size_t size() const { return m_worlds.size(); }
    [[nodiscard]] const World& room(size_t i) const { return *m_worlds[i]; }
    [[nodiscard]] World& room(size_t i) { return *m_worlds[i]; }
    // Shared with a window that shows the room while the story steps it.
    [[nodiscard]] std::shared_ptr<World> shared(size_t i) const { return m_worlds[i]; }
    [[nodiscard]] int target(size_t i) const { return m_targets[i]; }

private:
    std::vector<std::shared_ptr<World>> m_worlds;
    std::vector<int> m_targets;                    // events each room has run at the step's end
    std::vector<bool> m_calendarOver;              // the room's calendar has no event left
};

struct Outcome {
    std::vector<double> values;                    // the metric for each choice
    int winner = 0;                                // the highest (or lowest) value, first on ties
    bool tie = false;                              // another choice has the winner's value
    bool asExpected = false;                       // the expected choice won, alone
};
[[nodiscard]] Outcome judge(const Prediction& prediction, const StoryRooms& rooms);

enum class Language { English, Japanese };

// The story told from start to end as plain text: narration, each question with its
// choices, the run, the numbers and the reveal. `picks` are the room's answers in order
// (a "what would you do?" pick chooses the room that is told); missing ones are left open.
[[nodiscard]] std::string tellStory(const Story& story, Language language, std::optional<uint64_t> seed,
                                    const std::vector<int>& picks);

// How often each prediction's expected answer wins, over seeds 1..seeds and the story's own.
struct PredictionCheck {
    size_t step = 0;
    int held = 0;                                  // seeds on which the expected choice won alone
    int seeds = 0;
    bool heldOnOwnSeed = false;                    // with the seed written in the step's scenario
    std::vector<double> meanValues;                // per choice, over the seeds
};
[[nodiscard]] std::vector<PredictionCheck> checkStory(const Story& story, int seeds, unsigned jobs);

}  // namespace tsunagari::stories
