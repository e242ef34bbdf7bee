// A seat: one attendee whose decisions are asked of an outside chooser (a player, a script)
// instead of being drawn from their traits. The world consults the chooser at each of the
// seat's conversations where selling is possible, at each referral the seat delivers, and
// at each 1-to-1 session. Without a chooser nothing changes: the same draws in the same order.
#pragma once
#include <cstdint>
#include <vector>

namespace tsunagari {

class World;
struct Referral;

enum class TalkChoice : uint8_t { Pitch, Listen, BookOneToOne };           // book: listen, and ask for a 1-to-1
enum class ReplyChoice : uint8_t { ReportBack, Thank, ReportAndThank, Silent };

class SeatChooser {
public:
    virtual ~SeatChooser() = default;
    // The seat talks with `other` (the world is mid-conversation; other's trust in the seat is current).
    virtual TalkChoice talk(const World& world, uint32_t other) = 0;
    // The seat delivers `referral` (on time or late: referral.willBeLate) to its referrer.
    virtual ReplyChoice reply(const World& world, const Referral& referral) = 0;
    // A 1-to-1 session is being arranged: whom the seat would meet, most wanted first (may be empty).
    // The first one free and willing is met; the seat asks nobody else.
    virtual std::vector<uint32_t> oneToOneWishes(const World& world) = 0;
};

}  // namespace tsunagari
