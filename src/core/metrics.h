// What the model reports: counters per attendee, snapshots per event and per archetype group.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "scenario.h"

namespace tsunagari {

// Running totals kept by each attendee; never reset during a run.
struct AttendeeCounters {
    uint32_t conversations = 0;
    uint32_t referralsGiven = 0;
    uint32_t referralsReceived = 0;
    uint32_t repeatReferralsReceived = 0;  // from someone who had referred to them before
    uint32_t referralsAccepted = 0;
    uint32_t referralsDeclined = 0;
    uint32_t deliveredOnTime = 0;
    uint32_t deliveredLate = 0;
    uint32_t complaints = 0;               // complaints reaching this attendee as a referrer
    uint32_t pitches = 0;
    uint32_t lateArrivals = 0;
    uint32_t eventsAttended = 0;
    double closedBusiness = 0;             // value of referred work delivered, in thousands of yen
};

// State-derived figures, computed at the end of each event.
struct AttendeeSnapshot {
    uint32_t contacts = 0;        // people remembered (acquaintance or closer), this attendee's view
    uint32_t collaborators = 0;   // mutual collaborator ties
    double reputation = 0;        // mean trust of this attendee's clients
    double trustReceived = 0;     // mean trust in this attendee among those who know them (known stage or closer)
    uint32_t clientsKept = 0;     // clients still with this attendee (trust at or above the leaving line)
};

// One row of per-group figures: means over the active members of a group (archetype label).
struct GroupFigures {
    int members = 0;
    double contacts = 0, collaborators = 0, reputation = 0, trustReceived = 0, clientsKept = 0;  // means
    double referralsGiven = 0, referralsReceived = 0, repeatReferralsReceived = 0;
    double referralsAccepted = 0, referralsDeclined = 0;             // means of running totals
    double closedBusiness = 0, complaints = 0;
};

struct EventRecord {
    int index = 0;               // 1-based count of events run
    int day = 0;
    EventKind kind = EventKind::Chapter;
    std::string name;            // calendar entry name
    int participants = 0;
    int late = 0;
    uint64_t conversations = 0;
    int referralsMade = 0;       // referrals made since the previous event
    std::vector<GroupFigures> groups;  // one per group label, in World::groupLabels() order
};

}  // namespace tsunagari
