// A conversation: both sides' trust moves; a pitch too early makes the listener wary.
#include <algorithm>

#include "world.h"

namespace tsunagari {

uint32_t World::touch(uint32_t from, uint32_t to, bool& wasRemembered) {
    // Bring the edge's evidence up to today; a forgotten tie starts over as strangers.
    const int day = m_day;
    const uint32_t index = m_relations.findOrCreate(from, to, day);
    Edge& e = m_relations.edge(index);
    wasRemembered = m_rules.remembered(e, day);
    if (e.lastDay != day) {
        if (!wasRemembered) {
            e.good = e.bad = 0;
            e.contacts = 0;
        } else {
            const auto f = float(m_rules.fade(e, day));
            e.good *= f;
            e.bad *= f;
        }
        e.lastDay = day;
    }
    return index;
}

void World::settle(uint32_t index, bool wasRemembered) {
    Edge& e = m_relations.edge(index);
    e.forgetDay = m_rules.forgetDay(e);
    // Evidence only grows here, so a remembered tie stays remembered and its forget day
    // only moves later: its existing calendar entry will find that out and move on.
    if (!wasRemembered && m_rules.remembered(e, m_day)) {
        ++m_rememberedTies[e.from];
        scheduleForgetting(index, e.forgetDay);
    }
    if (!e.listed && m_rules.trustUpperBound(e) >= m_rules.stageKnown) {
        e.listed = 1;
        m_listedEdges.push_back(index);
    }
}

void World::addEvidence(uint32_t from, uint32_t to, double good, double bad) {
    bool wasRemembered = false;
    const uint32_t index = touch(from, to, wasRemembered);
    Edge& e = m_relations.edge(index);
    e.good += float(good);
    e.bad += float(bad);
    settle(index, wasRemembered);
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
    bool abRemembered = false, baRemembered = false;
    const uint32_t ab = touch(a, b, abRemembered);  // a's view of b
    const uint32_t ba = touch(b, a, baRemembered);  // b's view of a (touch may grow the store: use indices)
    if (pitching) {
        const double aTrustsB = m_rules.trust(m_relations.edge(ab), m_day);
        const double bTrustsA = m_rules.trust(m_relations.edge(ba), m_day);
        maybePitch(a, ba, bTrustsA);
        maybePitch(b, ab, aTrustsB);
    }
    for (const uint32_t index : {ab, ba}) {
        Edge& e = m_relations.edge(index);
        e.good += float(hours);
        if (e.contacts < 0xFFFF) ++e.contacts;
    }
    settle(ab, abRemembered);
    settle(ba, baRemembered);
    ++m_attendees[a].counters.conversations;
    ++m_attendees[b].counters.conversations;
    ++m_event.conversations;
}

void World::converseAll(const std::vector<std::pair<uint32_t, uint32_t>>& pairs, double hours, bool pitching) {
    // Conversations run in the given order; memory for later pairs is requested ahead
    // (the hash slots first, then the edges), so cache misses overlap instead of queueing.
    constexpr size_t kAhead = 8;
    const size_t n = pairs.size();
    for (size_t i = 0; i < std::min(n, 2 * kAhead); ++i) {
        m_relations.prefetchSlot(pairs[i].first, pairs[i].second);
        m_relations.prefetchSlot(pairs[i].second, pairs[i].first);
    }
    for (size_t i = 0; i < n; ++i) {
        if (i + 2 * kAhead < n) {
            const auto& far = pairs[i + 2 * kAhead];
            m_relations.prefetchSlot(far.first, far.second);
            m_relations.prefetchSlot(far.second, far.first);
        }
        if (i + kAhead < n) {
            const auto& near = pairs[i + kAhead];
            m_relations.prefetchEdge(near.first, near.second);
            m_relations.prefetchEdge(near.second, near.first);
        }
        converse(pairs[i].first, pairs[i].second, hours, pitching);
    }
}

}  // namespace tsunagari
