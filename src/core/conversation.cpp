// A conversation: both sides' trust moves; a pitch too early makes the listener wary.
#include <algorithm>
#include <array>

#include "rapport.h"
#include "world.h"

namespace tsunagari {

bool World::catchUp(uint32_t index) {
    // Bring the edge's evidence up to today; a forgotten tie starts over as strangers.
    const int day = m_day;
    Edge& e = m_relations.edge(index);
    const bool wasRemembered = m_rules.remembered(e, day);
    // Below the forgetting line a tie holds nothing, even evidence from earlier today: so
    // releasing such a pair (releaseIfIdle) never changes what happens next.
    if (!wasRemembered) {
        e.good = e.bad = 0;
        e.contacts = 0;
    } else if (e.lastDay != day) {
        const auto f = float(m_rules.fade(e, day));
        e.good *= f;
        e.bad *= f;
    }
    e.lastDay = day;
    return wasRemembered;
}

void World::settle(uint32_t index) {
    Edge& e = m_relations.edge(index);
    e.forgetDay = m_rules.forgetDay(e);
    // A remembered tie gets one entry in the forgetting calendar; while it has one, later
    // contact only moves its forget day on, and the entry finds that out when it comes due.
    if (!e.scheduled && m_rules.remembered(e, m_day)) {
        ++m_rememberedTies[e.from];
        scheduleForgetting(index, e.forgetDay);
    }
    if (!e.listed && m_rules.trustUpperBound(e) >= m_rules.stageKnown) {
        e.listed = 1;
        m_listedEdges.push_back(index);
    }
}

void World::releaseIfIdle(uint32_t index) {
    // A pair both sides have forgotten, with no referral history or block, holds nothing the
    // model reads again: a new meeting would start from strangers anyway.
    if (m_relations.released(index)) return;
    const int day = m_day;
    const auto idle = [&](const Edge& e) {
        return !e.scheduled && !e.listed && e.referrals == 0 && e.blockedUntil <= day && !m_rules.remembered(e, day);
    };
    if (idle(m_relations.edge(index)) && idle(m_relations.edge(RelationshipStore::reverse(index)))) m_relations.release(index);
}

void World::addEvidence(uint32_t from, uint32_t to, double good, double bad) {
    const uint32_t index = m_relations.findOrCreate(from, to, m_day);
    catchUp(index);
    Edge& e = m_relations.edge(index);
    e.good += float(good);
    e.bad += float(bad);
    settle(index);
    releaseIfIdle(index);   // evidence too slight to remember
}

void World::maybePitch(uint32_t speaker, uint32_t listenerEdge, double listenerTrust) {
    if (!decidesToPitch(speaker, m_relations.edge(listenerEdge).from)) return;
    ++m_talkers[speaker].pitches;
    // "Like proposing a hotel on a first date" (seed 002): welcome only once trusted.
    if (listenerTrust < m_scenario.params[Param::PitchTolerance] && m_scenario.mechanisms[Mechanism::PitchBacklash]) {
        m_relations.edge(listenerEdge).bad += float(m_scenario.params[Param::PitchBacklashHours]);
    }
}

void World::converse(uint32_t ab, double hours, bool pitching) {
    const uint32_t ba = RelationshipStore::reverse(ab);   // ab: a's view of b; ba: b's view of a
    const uint32_t a = m_relations.edge(ab).from, b = m_relations.edge(ab).to;
    catchUp(ab);
    catchUp(ba);
    if (pitching) {
        const double aTrustsB = m_rules.trust(m_relations.edge(ab), m_day);
        const double bTrustsA = m_rules.trust(m_relations.edge(ba), m_day);
        maybePitch(a, ba, bTrustsA);
        maybePitch(b, ab, aTrustsB);
    }
    const double evidence = hours * rapport(m_scenario.seed, a, b, m_scenario.params[Param::RapportSpread]);
    for (const uint32_t index : {ab, ba}) {
        Edge& e = m_relations.edge(index);
        e.good += float(evidence);
        if (e.contacts < Edge::kMaxCount) ++e.contacts;
        settle(index);
    }
    releaseIfIdle(ab);   // only if the conversation was too short to remember
}

void World::prepareTalkers() {
    if (m_talkers.size() < m_attendees.size()) m_talkers.resize(m_attendees.size());
    for (const uint32_t id : m_event.participants) m_talkers[id].pitchPressure = m_attendees[id].traits[Trait::PitchPressure];
}

void World::foldTalkers() {
    for (const uint32_t id : m_event.participants) {
        Talker& t = m_talkers[id];
        m_attendees[id].counters.conversations += t.conversations;
        m_attendees[id].counters.pitches += t.pitches;
        t.conversations = t.pitches = 0;   // a participant listed twice adds nothing the second time
    }
}

World::FirstMeeting World::firstMeeting(double hours) const {
    // What converse() leaves on each side of a pair that did not exist, computed once per
    // batch with the same rules: a stranger's trust is 0, so a pitch meets backlash whenever
    // tolerance is above 0.
    const auto outcome = [&](double bad) {
        Edge e{};
        e.lastDay = m_day;
        e.bad = 0.0f + float(bad);
        e.good = 0.0f + float(hours);
        e.contacts = 1;
        e.forgetDay = m_rules.forgetDay(e);
        e.scheduled = m_rules.remembered(e, m_day);
        e.listed = m_rules.trustUpperBound(e) >= m_rules.stageKnown;
        return e;
    };
    FirstMeeting first;
    first.backlash = m_scenario.mechanisms[Mechanism::PitchBacklash] && 0.0 < m_scenario.params[Param::PitchTolerance];
    first.plain = outcome(0);
    first.pitchedTo = first.backlash ? outcome(m_scenario.params[Param::PitchBacklashHours]) : first.plain;
    // A meeting too slight to remember would be released at once: converse() does that. With
    // rapport each pair's first meeting differs: converse() works it out pair by pair.
    first.usable = first.plain.scheduled && first.pitchedTo.scheduled && m_scenario.params[Param::RapportSpread] <= 0;
    return first;
}

void World::meetFirst(uint32_t a, uint32_t b, uint32_t hash, const FirstMeeting& first, bool pitching) {
    // Same draws in the same order as converse(): a pitches to b, then b to a.
    bool aPitchedToB = false, bPitchedToA = false;
    if (pitching) {
        if (decidesToPitch(a, b)) {
            ++m_talkers[a].pitches;
            aPitchedToB = first.backlash;
        }
        if (decidesToPitch(b, a)) {
            ++m_talkers[b].pitches;
            bPitchedToA = first.backlash;
        }
    }
    const Edge& ab = bPitchedToA ? first.pitchedTo : first.plain;   // a's view of b
    const Edge& ba = aPitchedToB ? first.pitchedTo : first.plain;
    const uint32_t index = m_relations.create(a, b, hash, ab, ba);
    // Bookkeeping from the outcomes, not from the new pair: its line may still be on its way.
    const auto note = [this](uint32_t owner, uint32_t side, const Edge& outcome) {
        ++m_rememberedTies[owner];
        addToForgetCalendar(side, outcome.forgetDay);   // `scheduled` is set in the outcome
        if (outcome.listed) m_listedEdges.push_back(side);
    };
    note(a, index, ab);
    note(b, RelationshipStore::reverse(index), ba);
}

void World::converseAll(const std::vector<std::pair<uint32_t, uint32_t>>& pairs, double hours, bool pitching) {
    // Conversations run in the given order; memory for later pairs is requested ahead
    // (the hash slot first, then the pair or, for a new pair, the out-list ends), so cache
    // misses overlap instead of queueing. Each pair's hash is computed once, in a small ring.
    constexpr size_t kAhead = 8, kRing = 4 * kAhead;
    std::array<uint32_t, kRing> hashes{};
    const FirstMeeting first = firstMeeting(hours);
    const size_t n = pairs.size();
    const auto request = [&](size_t i) {
        hashes[i % kRing] = RelationshipStore::hashPair(pairs[i].first, pairs[i].second);
        m_relations.prefetchSlot(hashes[i % kRing]);
    };
    for (size_t i = 0; i < std::min(n, 2 * kAhead); ++i) request(i);
    for (size_t i = 0; i < n; ++i) {
        if (i + 2 * kAhead < n) request(i + 2 * kAhead);
        if (i + kAhead < n) {
            const auto& [a, b] = pairs[i + kAhead];
            const uint32_t ahead = m_relations.find(a, b, hashes[(i + kAhead) % kRing]);
            if (ahead != RelationshipStore::kNone) {
                m_relations.prefetchEdge(ahead);
            } else {
                m_relations.prefetchOutTail(a);   // out-lists grow at their ends when the pair is new
                m_relations.prefetchOutTail(b);
            }
        }
        const auto [a, b] = pairs[i];
        const uint32_t hash = hashes[i % kRing];
        const uint32_t ab = m_relations.find(a, b, hash);
        if (ab != RelationshipStore::kNone) converse(ab, hours, pitching);
        else if (first.usable) meetFirst(a, b, hash, first, pitching);
        else converse(m_relations.findOrCreate(a, b, m_day), hours, pitching);
        ++m_talkers[a].conversations;
        ++m_talkers[b].conversations;
        ++m_event.conversations;
    }
}

}  // namespace tsunagari
