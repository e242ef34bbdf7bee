#include "play/seat_figures.h"

namespace tsunagari::play {

double roomTrustIn(const World& world, uint32_t seat) {
    double sum = 0;
    int others = 0;
    for (const auto& a : world.attendees()) {
        if (!a.active || a.id == seat) continue;
        sum += world.trust(a.id, seat);
        ++others;
    }
    return others ? sum / others : 0.0;
}

SeatFigures seatFigures(const World& world, uint32_t seat) {
    const Attendee& a = world.attendees()[seat];
    SeatFigures f;
    f.referralsReceived = a.counters.referralsReceived;
    f.repeatReferrals = a.counters.repeatReferralsReceived;
    f.collaborators = a.snapshot.collaborators;
    f.roomTrust = roomTrustIn(world, seat);
    f.contacts = a.snapshot.contacts;
    f.closedBusiness = a.counters.closedBusiness;
    return f;
}

uint32_t newestMember(const World& world) {
    for (auto it = world.attendees().rbegin(); it != world.attendees().rend(); ++it)
        if (it->active) return it->id;
    return World::kNoSeat;
}

}  // namespace tsunagari::play
