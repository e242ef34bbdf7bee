// The simulation: attendees, their relationships and clients, the calendar, and the
// stepping API that the CLI, the window and the tests drive.
//
// Time runs in days. Between events, days pass: clients' needs arise and referrals move
// through their lifecycle. An event is a number of conversation rounds; the window may
// step one round at a time. Parameters, traits, the population, the calendar and the
// matchmaking policy may be changed between any two steps and apply from the next one.
#pragma once
#include <array>
#include <cstdint>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

#include "forget_calendar.h"
#include "metrics.h"
#include "relationships.h"
#include "rng.h"
#include "scenario.h"
#include "seat.h"

namespace tsunagari {

struct Attendee {
    uint32_t id = 0;
    std::string name;
    int profession = 0;          // index into professions()
    int cohort = 0;              // index into World::cohorts()
    int group = 0;               // index into World::groupLabels() (archetype label)
    bool active = true;          // removed attendees stay, inactive, so ids never move
    Traits traits;
    std::vector<float> clientTrust;   // each client's trust in this attendee
    AttendeeCounters counters;
    AttendeeSnapshot snapshot;   // as of the end of the last event
};

enum class ReferralStatus : int { Declined, InProgress, Delivered, Late, Count };
[[nodiscard]] const char* referralStatusKey(ReferralStatus s);

struct Referral {
    uint32_t id = 0;
    int day = 0;                 // day the need arose and the referral was made
    uint32_t from = 0, to = 0;   // referrer, receiver
    uint32_t client = 0;         // index in the referrer's client book
    int profession = 0;
    bool first = false;          // the first referral from `from` to `to`
    bool weakTie = false;        // trust below the friend stage when referred
    bool disclosed = false;      // referrer said "I barely know them"
    bool feeSwayed = false;      // a fee tipped the choice
    Stage tie = Stage::Stranger; // stage of the referrer's view of the receiver when referred
    bool willBeLate = false;     // decided on acceptance (reliability), revealed on the due day
    bool replacement = false;    // sent after another professional reported trouble with this client
    ReferralStatus status = ReferralStatus::InProgress;
    bool reportedBack = false, thanked = false;
    bool complaintReceived = false, complaintHandled = false;
    int resolvedDay = -1;        // delivery day, or complaint day for a late delivery
    double value = 0;            // closed business
    double reputationChange = 0; // change of the client's trust in the referrer
};

// The current (or last finished) event, as the window draws it.
struct EventState {
    bool inProgress = false;
    int index = 0;                    // 1-based; 0 before the first event
    int day = 0;
    int entry = -1;                   // calendar entry
    EventKind kind = EventKind::Chapter;
    Policy policy = Policy::Random;
    int round = 0;                    // rounds done so far
    int rounds = 0;
    double roundHours = 0;
    std::vector<uint32_t> participants;
    std::vector<uint8_t> late;        // per participant: 0 on time, 1 late with a message, 2 late silent
    std::vector<uint32_t> groupMembers;   // groups of the last round run, flattened
    std::vector<uint32_t> groupStarts;    // group g = groupMembers[groupStarts[g] .. groupStarts[g+1])
    uint64_t conversations = 0;
    [[nodiscard]] size_t groupCount() const { return groupStarts.empty() ? 0 : groupStarts.size() - 1; }
};

class SnapshotCodec;

class World {
public:
    explicit World(const Scenario& scenario);    // scenario must be validated (see scenario_io.h)

    // ---- stepping ----
    bool stepRound();                  // one conversation round (starting the next event if needed); false if the calendar is over
    bool stepEvent();                  // finish the current event, or run the next one whole; false if none left
    int runEvents(int count);          // returns how many ran
    void runToDay(int day);            // run every event up to and including `day`, then let days pass to it

    // ---- reading state (cheap, const) ----
    [[nodiscard]] int day() const { return m_day; }
    [[nodiscard]] int eventsDone() const { return int(m_history.size()); }
    [[nodiscard]] const EventState& event() const { return m_event; }
    [[nodiscard]] const std::vector<Attendee>& attendees() const { return m_attendees; }
    [[nodiscard]] const RelationshipStore& relationships() const { return m_relations; }
    [[nodiscard]] const TrustRules& trustRules() const { return m_rules; }
    [[nodiscard]] double trust(uint32_t from, uint32_t to) const;       // today
    [[nodiscard]] Stage stage(uint32_t from, uint32_t to) const;
    [[nodiscard]] const std::vector<Referral>& referrals() const { return m_referrals; }
    [[nodiscard]] const std::vector<EventRecord>& history() const { return m_history; }
    [[nodiscard]] const std::vector<std::string>& groupLabels() const { return m_groupLabels; }
    [[nodiscard]] const std::vector<Cohort>& cohorts() const { return m_scenario.population; }
    [[nodiscard]] const Scenario& scenario() const { return m_scenario; }   // current setup, edits included
    [[nodiscard]] const Params& params() const { return m_scenario.params; }
    [[nodiscard]] const Mechanisms& mechanisms() const { return m_scenario.mechanisms; }
    [[nodiscard]] std::vector<GroupFigures> groupFigures() const;        // per group label, live, from the last snapshots
    // Figures that read every tie (contacts, collaborators, trust received, reputation, clients
    // kept) after every event, or only when refreshFigures() asks: a caller that reads only the
    // last figures (the lesson grid) saves a pass over all ties per event. Counts stay current.
    void setFiguresEachEvent(bool on) { m_figuresEachEvent = on; }
    void refreshFigures();                                               // recompute them into the last record
    [[nodiscard]] uint64_t stateHash() const;                            // changes with any model state
    [[nodiscard]] size_t memoryBytes() const;                            // every structure's capacity (world_memory.cpp)
    struct ForgetCalendarUse {
        size_t entries = 0;   // ties waiting in the forgetting calendar
        size_t capacity = 0;  // entries its day lists could hold without growing
        size_t bytes = 0;     // what the calendar holds, its ring and spare buffers included
    };
    [[nodiscard]] ForgetCalendarUse forgetCalendarUse() const;

    // ---- changing the setup (applies from the next step) ----
    void setParam(Param p, double value);
    void setMechanism(Mechanism m, bool on);
    void setCohortTrait(int cohort, Trait t, double value);
    void addAttendees(int cohort, int count);
    void removeAttendees(int cohort, int count);   // deactivates the newest active members
    void setMatchmaking(Policy p);
    void setCalendar(std::vector<CalendarEntry> calendar);

    // ---- one member's habits (membership.cpp; between events, ids must be of active members) ----
    // `member` takes `model`'s traits and strategy (cohort and group label); ties, clients and counters stay.
    void imitate(uint32_t member, uint32_t model);
    // `leaver` leaves; a newcomer of the leaver's profession, with `parent`'s traits and strategy,
    // no ties, fresh clients and zero counters, joins. Returns the newcomer's id.
    uint32_t replaceMember(uint32_t leaver, uint32_t parent);
    // `member` takes these traits; cohort, group label, ties, clients and counters stay.
    void setMemberTraits(uint32_t member, const Traits& traits);

    // ---- a seat taken by an outside chooser (seat.cpp; not model state: snapshots do not keep it) ----
    // `chooser` decides for `attendee` from the next step on; nullptr gives the decisions back to the traits.
    static constexpr uint32_t kNoSeat = 0xFFFFFFFFu;
    void setSeat(uint32_t attendee, SeatChooser* chooser);
    [[nodiscard]] uint32_t seat() const { return m_chooser ? m_seat : kNoSeat; }

private:
    friend class SnapshotCodec;   // snapshot.cpp saves and restores every field below

    struct Pending {                   // a referral step due on a later day
        int day;
        uint64_t order;                // ties broken by scheduling order
        int kind;                      // 0 = delivery due, 1 = complaint arrives
        uint32_t referral;
        bool operator>(const Pending& o) const { return day != o.day ? day > o.day : order > o.order; }
    };

    // setup
    void addMember(int cohort, int profession);
    int groupOf(int cohort);                // index into m_groupLabels, added if new
    // calendar
    bool nextOccurrence(int& entry, int& day) const;
    // events (events.cpp)
    void beginEvent(int entry, int day);
    void runRound();
    void finishEvent();
    void arrangeOneToOnes(const CalendarEntry& entry);
    [[nodiscard]] bool waryOf(uint32_t asked, uint32_t asker) const;   // mostly bad experience of the asker: declines a 1-to-1
    void cardSwaps();
    void penaliseLateness();
    // plenary (plenary.cpp)
    [[nodiscard]] double plenaryHours() const;   // whole-room hours of the current event (0 if none)
    void holdPlenary();
    // matchmaking (matchmaking.cpp)
    void formGroups(const std::vector<uint32_t>& people, int groupSize, Policy policy);
    void lendTrust(uint32_t from, uint32_t to, double hours);   // a warm introduction: evidence raised to at least `hours`
    // conversation (conversation.cpp)
    bool catchUp(uint32_t edge);                         // fades evidence to today; was it remembered?
    void settle(uint32_t edge);                          // after any change of an edge's evidence
    void releaseIfIdle(uint32_t edge);                   // frees the pair if neither side holds anything
    void converse(uint32_t ab, double hours, bool pitching);   // ab: the speaker's view of the other
    // Most conversations at a big mixer are between strangers; all such first meetings of a
    // batch leave the same edges, so those are worked out once (see firstMeeting()).
    struct FirstMeeting {
        Edge plain;          // what a first meeting leaves on one side
        Edge pitchedTo;      // the same for a side that a stranger pitched to
        bool backlash = false;
        bool usable = false; // false if a first meeting is too slight to remember
    };
    [[nodiscard]] FirstMeeting firstMeeting(double hours) const;
    void meetFirst(uint32_t a, uint32_t b, uint32_t hash, const FirstMeeting& first, bool pitching);
    void converseAll(const std::vector<std::pair<uint32_t, uint32_t>>& pairs, double hours, bool pitching);
    void prepareTalkers();   // before a round's conversations
    void foldTalkers();      // after them: counts go to Attendee::counters
    void maybePitch(uint32_t speaker, uint32_t listenerEdge, double listenerTrust);  // listenerEdge: the listener's view of the speaker
    // The habit's draw is taken either way, so a seat's choices do not shift anyone else's draws.
    bool decidesToPitch(uint32_t speaker, uint32_t listener) {
        const bool habit = m_rng.chance(m_talkers[speaker].pitchPressure);
        return speaker == m_seat && m_chooser ? seatPitches(listener) : habit;
    }
    // seat (seat.cpp)
    bool seatPitches(uint32_t listener);
    void seatReplies(Referral& r);
    uint32_t seatOneToOne(const std::vector<uint8_t>& paired) const;   // kNone if no wish can be met
    // days and referrals (referrals.cpp)
    void passDaysTo(int day);
    void passDay();
    [[nodiscard]] double clientAsks(float clientTrust) const;   // chance a client with this trust comes to the adviser
    void tryReferral(uint32_t referrer);
    void refer(uint32_t referrer, int profession, uint32_t client, uint32_t passedOver);  // passedOver: kNone or who reported trouble
    bool helpsAgain(const Edge& e);              // after silence, maybe not (Grant & Gino)
    void rememberSilence(const Referral& r, bool silent);
    void deliveryDue(Referral& r);
    void complaintArrives(Referral& r);
    void changeReputation(Referral& r, double delta);
    void addEvidence(uint32_t from, uint32_t to, double good, double bad);
    // metrics (metrics.cpp)
    void takeSnapshots();
    void refreshSnapshots();
    void refreshForgetDays();
    // Edge bookkeeping that keeps end-of-event snapshots independent of the number of edges.
    void scheduleForgetting(uint32_t edge, int forgetDay);     // sets `scheduled`, adds the entry
    void addToForgetCalendar(uint32_t edge, int forgetDay);    // the entry alone
    void forgetDueTies(int day);
    void rebuildEdgeBookkeeping();

    Scenario m_scenario;
    Rng m_rng;
    TrustRules m_rules;
    int m_day = -1;                    // last day that has passed
    std::vector<Attendee> m_attendees;
    std::vector<std::string> m_groupLabels;
    std::unordered_map<std::string, int> m_groupIndex;   // label -> index in m_groupLabels (lookups only: its order never reaches the model)
    RelationshipStore m_relations;
    std::vector<int> m_occurrencesDone;     // per calendar entry
    int m_lastEventDay = -1;
    EventState m_event;
    std::vector<Referral> m_referrals;
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> m_pending;
    uint64_t m_pendingOrder = 0;
    std::vector<EventRecord> m_history;
    int m_referralsSinceEvent = 0;
    int m_referableCount = -1;              // active attendees, whose trades clients need (a cache: -1 = rebuild)
    std::vector<int> m_referableAs;         // per attendee: profession if active, else -1 (rebuilt with the above)
    std::vector<uint32_t> m_practising;     // per profession: active attendees practising it (rebuilt with the above)
    std::vector<uint32_t> m_scratch;        // reused buffers (no allocation per round)
    std::vector<std::pair<uint32_t, uint32_t>> m_pairs;
    std::vector<RelationshipStore::OutTie> m_candidates;   // a referrer's ties of the needed profession
    std::vector<uint8_t> m_seatRoles;      // per attendee, while formGroups seats a group: member, or which friend of the seed (zero otherwise)
    // Remembered out-ties per attendee, kept current by a calendar of forgetting days: each
    // remembered edge has one entry, at its forget day or the calendar's horizon if later.
    // An entry's day is implied by its place in the ring: every entry is due within the horizon.
    static constexpr int kForgetHorizonDays = 512;
    std::vector<uint32_t> m_rememberedTies;
    ForgetCalendar m_forgetCalendar;      // ring of edge lists indexed by day % horizon
    std::vector<uint32_t> m_dueScratch;   // today's entries, taken out of the ring
    std::vector<uint32_t> m_listedEdges;   // edges whose trust may reach the known stage
    size_t m_listedSorted = 0;             // length of its prefix known to be sorted (0: sort it all)
    std::vector<uint8_t> m_lateByAttendee;  // 0 on time, 1 late with a message, 2 late silent; during an event
    std::vector<uint8_t> m_memberFlags;     // scratch: membership of the current calendar entry
    // What a round's conversations read and count per attendee, packed densely: the hot loop
    // touches one small slot per person instead of two cache lines of Attendee. Valid for the
    // round's participants from prepareTalkers() to foldTalkers(); zero counts between rounds.
    struct Talker {
        double pitchPressure = 0;
        uint32_t conversations = 0;
        uint32_t pitches = 0;
    };
    std::vector<Talker> m_talkers;
    uint32_t m_seat = kNoSeat;              // the attendee whose decisions m_chooser makes
    SeatChooser* m_chooser = nullptr;       // not owned
    bool m_figuresEachEvent = true;         // not model state: how often figures are taken
};

}  // namespace tsunagari
