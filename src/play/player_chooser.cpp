#include "play/player_chooser.h"

#include <algorithm>

namespace tsunagari::play {

bool PlayerChooser::answer(Decision& d) {
    // The player's answers first (kinds checked when given), then the event's automatic
    // answer, then the script; otherwise the situation waits for the player.
    if (m_given && m_used < m_given->size()) {
        const Decision& g = (*m_given)[m_used++];
        d.talk = g.talk;
        d.reply = g.reply;
        d.automatic = g.automatic;
        return true;
    }
    if (d.situation.kind == DecisionKind::Talk && m_autoTalk && d.situation.event == m_autoEvent) {
        d.talk = *m_autoTalk;
        d.automatic = true;
        return true;
    }
    if (m_script && m_scriptError.empty()) return m_script->answer(d, m_scriptError);
    if (!m_unanswered) m_unanswered = d.situation;
    return false;
}

TalkChoice PlayerChooser::talk(const World& world, uint32_t other) {
    Decision d;
    d.situation.kind = DecisionKind::Talk;
    d.situation.day = world.day();
    d.situation.event = world.event().index;
    d.situation.other = other;
    d.situation.trustInSeat = world.trust(other, world.seat());
    if (!answer(d)) return TalkChoice::Listen;   // a placeholder: this try is rolled back
    m_tried.push_back(d);
    if (d.talk == TalkChoice::BookOneToOne && std::find(bookings.begin(), bookings.end(), other) == bookings.end())
        bookings.push_back(other);
    return d.talk;
}

ReplyChoice PlayerChooser::reply(const World& world, const Referral& referral) {
    Decision d;
    d.situation.kind = DecisionKind::Reply;
    d.situation.day = world.day();
    d.situation.event = world.eventsDone();
    d.situation.other = referral.from;
    d.situation.trustInSeat = world.trust(referral.from, world.seat());
    d.situation.lateWork = referral.willBeLate;
    d.situation.referral = referral.id;
    if (!answer(d)) return ReplyChoice::Silent;
    m_tried.push_back(d);
    return d.reply;
}

std::vector<uint32_t> PlayerChooser::oneToOneWishes(const World&) { return bookings; }

}  // namespace tsunagari::play
