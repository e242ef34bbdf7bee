#include "story_player.h"

#include <algorithm>

namespace tsunagari {

void StoryPlayer::enter(size_t index) {
    const bool fresh = m_story.steps[index].startsRooms || m_rooms.size() == 0;
    m_step = index;
    m_rooms.enter(m_story, index, m_seed);
    m_pick = -1;
    m_outcome.reset();
    if (fresh) {
        m_shownRoom = 0;
        ++m_generation;
    }
    m_phase = step().run ? StoryPhase::Telling : StoryPhase::Revealed;
}

void StoryPlayer::next() {
    if (m_phase == StoryPhase::Running) finishRun();
    if (!atLastStep()) enter(m_step + 1);
}

void StoryPlayer::restartStep() {
    size_t start = m_step;
    while (start > 0 && !m_story.steps[start].startsRooms) --start;
    enter(start);
    for (size_t i = start; i < m_step; ++i) {
        if (m_story.steps[i].run) m_rooms.runToEnd();
        enter(i + 1);
    }
    ++m_generation;
}

void StoryPlayer::run() {
    if (m_phase == StoryPhase::Telling && step().run) m_phase = StoryPhase::Running;
}

bool StoryPlayer::stepRound() {
    if (m_phase != StoryPhase::Running) return false;
    if (m_rooms.stepRound()) return true;
    reveal();
    return false;
}

void StoryPlayer::finishRun() {
    if (m_phase != StoryPhase::Running) return;
    m_rooms.runToEnd();
    reveal();
}

void StoryPlayer::reveal() {
    m_phase = StoryPhase::Revealed;
    if (!step().prediction) return;
    m_outcome = stories::judge(*step().prediction, m_rooms);
    // "What would you do?": the room sees the world it chose.
    if (step().prediction->decidesRoom && m_pick >= 0) showRoom(m_pick);
}

void StoryPlayer::pick(int choice) {
    if (m_phase != StoryPhase::Telling || !step().prediction) return;
    m_pick = std::clamp(choice, -1, int(step().prediction->choices.size()) - 1);
    if (step().prediction->decidesRoom && m_pick >= 0) showRoom(m_pick);
}

void StoryPlayer::showRoom(int room) {
    room = std::clamp(room, 0, int(m_rooms.size()) - 1);
    if (room != m_shownRoom) ++m_generation;
    m_shownRoom = room;
}

}  // namespace tsunagari
