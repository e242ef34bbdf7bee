// A story in the window: which step the room is at, the room's answer, the run and the
// reveal. The rooms belong to the player; the window shows one of them as its world.
#pragma once
#include <optional>
#include <string>

#include "stories/story.h"
#include "stories/story_run.h"

namespace tsunagari {

enum class StoryPhase {
    Telling,     // narration shown; a question (if any) waits for the room's answer
    Running,     // the rooms are running to the step's end
    Revealed,    // the step has run (or had nothing to run): numbers and reveal shown
};

class StoryPlayer {
public:
    StoryPlayer(stories::Story story, std::optional<uint64_t> seed) : m_story(std::move(story)), m_seed(seed) {}

    void start() { enter(0); }
    void next();                                   // to the next step (if any)
    [[nodiscard]] bool atLastStep() const { return m_step + 1 >= m_story.steps.size(); }
    void restartStep();                            // the story again from its last fresh start, up to this step
    void reseed(uint64_t seed) { m_seed = seed; }  // for the next restart

    // Starts the step's run; the window then steps the rooms with stepRound.
    void run();
    bool stepRound();                              // false once the step's run is over (then revealed)
    void finishRun();                              // the rest of the run at once

    void pick(int choice);                         // the room's answer (-1 = none)
    void showRoom(int room);

    [[nodiscard]] const stories::Story& story() const { return m_story; }
    [[nodiscard]] const stories::Step& step() const { return m_story.steps[m_step]; }
    [[nodiscard]] size_t stepIndex() const { return m_step; }
    [[nodiscard]] StoryPhase phase() const { return m_phase; }
    [[nodiscard]] int picked() const { return m_pick; }
    [[nodiscard]] int shownRoom() const { return m_shownRoom; }
    [[nodiscard]] const stories::StoryRooms& rooms() const { return m_rooms; }
    [[nodiscard]] std::shared_ptr<World> shownWorld() const { return m_rooms.shared(size_t(m_shownRoom)); }
    [[nodiscard]] const std::optional<stories::Outcome>& outcome() const { return m_outcome; }
    [[nodiscard]] uint64_t generation() const { return m_generation; }   // bumps when the shown world changes

private:
    void enter(size_t index);
    void reveal();

    stories::Story m_story;
    std::optional<uint64_t> m_seed;
    stories::StoryRooms m_rooms;
    size_t m_step = 0;
    StoryPhase m_phase = StoryPhase::Telling;
    int m_pick = -1;
    int m_shownRoom = 0;
    std::optional<stories::Outcome> m_outcome;
    uint64_t m_generation = 0;
};

}  // namespace tsunagari
