// A conversation: both sides' trust moves; a pitch too early makes the listener wary.
#include <algorithm>

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
    if (!m_rng.chance(m_attendees[speaker].traits[Trait::PitchPressure])) return;
    ++m_attendees[speaker].counters.pitches;
    // "Like proposing a hotel on a first date" (seed 002): welcome only once trusted.
    if (listenerTrust < m_scenario.params[Param::PitchTolerance] && m_scenario.mechanisms[Mechanism::PitchBacklash]) {
        m_relations.edge(listenerEdge).bad += float(m_scenario.params[Param::PitchBacklashHours]);
    }
}

void World::converse(uint32_t a, uint32_t b, double hours, bool pitching) {
    const uint32_t ab = m_relations.findOrCreate(a, b, m_day);   // a's view of b
    const uint32_t ba = RelationshipStore::reverse(ab);          // b's view of a
    catchUp(ab);
    catchUp(ba);
    if (pitching) {
        const double aTrustsB = m_rules.trust(m_relations.edge(ab), m_day);
        const double bTrustsA = m_rules.trust(m_relations.edge(ba), m_day);
        maybePitch(a, ba, bTrustsA);
        maybePitch(b, ab, aTrustsB);
    }
    for (const uint32_t index : {ab, ba}) {
        Edge& e = m_relations.edge(index);
        e.good += float(hours);
        if (e.contacts < Edge::kMaxCount) ++e.contacts;
        settle(index);
    }
    releaseIfIdle(ab);   // only if the conversation was too short to remember
    ++m_attendees[a].counters.conversations;
    ++m_attendees[b].counters.conversations;
    ++m_event.conversations;
}

void World::converseAll(const std::vector<std::pair<uint32_t, uint32_t>>& pairs, double hours, bool pitching) {
    // Conversations run in the given order; memory for later pairs is requested ahead
    // (the hash slot first, then the pair and the out-list ends), so cache misses overlap
    // instead of queueing.
    constexpr size_t kAhead = 8;
    const size_t n = pairs.size();
    for (size_t i = 0; i < std::min(n, 2 * kAhead); ++i) m_relations.prefetchSlot(pairs[i].first, pairs[i].second);
    for (size_t i = 0; i < n; ++i) {
        if (i + 2 * kAhead < n) m_relations.prefetchSlot(pairs[i + 2 * kAhead].first, pairs[i + 2 * kAhead].second);
        if (i + kAhead < n) {
            const auto& [a, b] = pairs[i + kAhead];
            m_relations.prefetchEdge(a, b);
            m_relations.prefetchOutTail(a);   // out-lists grow at their ends when the pair is new
            m_relations.prefetchOutTail(b);
        }
        converse(pairs[i].first, pairs[i].second, hours, pitching);
    }
}

}  // namespace tsunagari
