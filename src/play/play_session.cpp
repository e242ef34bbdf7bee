#include "play/play_session.h"

#include <algorithm>
#include <string>

#include "snapshot.h"

namespace tsunagari::play {

PlaySession::PlaySession(const Scenario& scenario, std::optional<uint32_t> seat)
    : m_world(std::make_shared<World>(scenario)), m_seasonEvents(scenario.events) {
    m_seat = seat ? *seat : newestMember(*m_world);
    const auto& people = m_world->attendees();
    if (m_seat >= people.size() || !people[m_seat].active)
        throw PlayError("--seat: expected an attendee id from 0 to " + std::to_string(people.size() - 1) + ", found " +
                        std::to_string(m_seat));
    m_world->setSeat(m_seat, &m_chooser);
    m_trust.push_back({0, std::max(m_world->day(), 0), roomTrustIn(*m_world, m_seat)});
}

void PlaySession::setScript(ChoiceScript* script) {
    m_script = script;
    m_chooser.setScript(script);
    if (script && m_pending) {   // the script answers what was waiting too
        m_pending.reset();
        rollBack();
    }
}

void PlaySession::rollBack() {
    *m_world = loadSnapshot(m_before, "play");   // in place: whoever draws this world keeps it
    m_world->setSeat(m_seat, &m_chooser);
    m_chooser.bookings = m_bookingsBefore;
    m_before.clear();
}

bool PlaySession::seasonOver() const {
    if (m_pending) return false;   // the world shows a step tried, not yet taken
    return m_calendarOver || (!m_world->event().inProgress && m_world->eventsDone() >= m_seasonEvents);
}

StepOutcome PlaySession::step() {
    if (m_pending) return StepOutcome::Decide;
    if (seasonOver()) return StepOutcome::SeasonOver;
    // Only a step that may wait for the player needs a way back.
    if (!m_script) {
        m_before = saveSnapshot(*m_world);
        m_bookingsBefore = m_chooser.bookings;
    }
    m_chooser.beginTry(&m_given);
    if (!m_world->stepRound()) {
        m_calendarOver = true;
        return StepOutcome::SeasonOver;
    }
    if (!m_chooser.scriptError().empty()) throw PlayError(m_chooser.scriptError());
    if (m_chooser.unanswered()) {   // the world stays as tried until the answer comes
        m_pending = m_chooser.unanswered();
        return StepOutcome::Decide;
    }
    m_before.clear();
    commitStep();
    return StepOutcome::Stepped;
}

void PlaySession::commitStep() {
    m_decisions.insert(m_decisions.end(), m_chooser.tried().begin(), m_chooser.tried().end());
    m_given.clear();
    const EventState& ev = m_world->event();
    if (ev.kind == EventKind::OneToOnes) {
        // Whoever the seat met is no longer waiting for a 1-to-1.
        for (size_t g = 0; g < ev.groupCount(); ++g) {
            const uint32_t a = ev.groupMembers[ev.groupStarts[g]], b = ev.groupMembers[ev.groupStarts[g] + 1];
            const uint32_t met = a == m_seat ? b : b == m_seat ? a : World::kNoSeat;
            std::erase(m_chooser.bookings, met);
        }
    }
    if (!ev.inProgress) m_trust.push_back({m_world->eventsDone(), m_world->day(), roomTrustIn(*m_world, m_seat)});
}

void PlaySession::playToEnd() {
    while (true) {
        const StepOutcome o = step();
        if (o == StepOutcome::SeasonOver) return;
        if (o == StepOutcome::Decide) throw PlayError("play: a decision is waiting for the player; give a script");
    }
}

bool PlaySession::answerTalk(TalkChoice choice, bool restOfEvent) {
    if (!m_pending || m_pending->kind != DecisionKind::Talk) return false;
    Decision d;
    d.situation = *m_pending;
    d.talk = choice;
    m_given.push_back(d);
    if (restOfEvent) m_chooser.setAutoTalk(choice, m_pending->event);
    m_pending.reset();
    rollBack();
    return true;
}

bool PlaySession::answerReply(ReplyChoice choice) {
    if (!m_pending || m_pending->kind != DecisionKind::Reply) return false;
    Decision d;
    d.situation = *m_pending;
    d.reply = choice;
    m_given.push_back(d);
    m_pending.reset();
    rollBack();
    return true;
}

}  // namespace tsunagari::play
