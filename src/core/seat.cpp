// A seat taken by an outside chooser: its answers replace the seat's habits (seat.h).
#include "world.h"

namespace tsunagari {

void World::setSeat(uint32_t attendee, SeatChooser* chooser) {
    m_seat = chooser ? attendee : kNoSeat;
    m_chooser = chooser;
}

bool World::seatPitches(uint32_t listener) { return m_chooser->talk(*this, listener) == TalkChoice::Pitch; }

void World::seatReplies(Referral& r) {
    const ReplyChoice reply = m_chooser->reply(*this, r);
    r.reportedBack = reply == ReplyChoice::ReportBack || reply == ReplyChoice::ReportAndThank;
    r.thanked = reply == ReplyChoice::Thank || reply == ReplyChoice::ReportAndThank;
}

uint32_t World::seatOneToOne(const std::vector<uint8_t>& paired) const {
    // The first wish who comes to this session, is still free and is not wary of the seat
    // (the rule for anyone asked, waryOf).
    for (const uint32_t other : m_chooser->oneToOneWishes(*this)) {
        if (other >= m_attendees.size() || other == m_seat || !m_memberFlags[other] || paired[other]) continue;
        if (!waryOf(other, m_seat)) return other;
    }
    return RelationshipStore::kNone;
}

}  // namespace tsunagari
