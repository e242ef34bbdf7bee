// What a season gave the seat: the figures the player is compared on, and which attendee
// the seat is (the chapter's newest member).
#pragma once
#include <cstdint>

#include "world.h"

namespace tsunagari::play {

struct SeatFigures {
    double referralsReceived = 0;
    double repeatReferrals = 0;      // from someone who had referred to the seat before
    double collaborators = 0;        // mutual collaborator ties, as of the last event
    double roomTrust = 0;            // mean trust of every other member in the seat (strangers count 0)
    double contacts = 0;             // people the seat remembers, as of the last event
    double closedBusiness = 0;       // thousands of yen
};

// Others' mean trust in the seat at the end of an event.
struct TrustPoint {
    int event = 0;       // events done
    int day = 0;
    double roomTrust = 0;
};

// The mean, over the other active attendees, of their trust in `seat` today.
[[nodiscard]] double roomTrustIn(const World& world, uint32_t seat);
[[nodiscard]] SeatFigures seatFigures(const World& world, uint32_t seat);
// The newest member: the last attendee of the scenario as built (the last cohort's last member).
[[nodiscard]] uint32_t newestMember(const World& world);

}  // namespace tsunagari::play
