// Events: who comes, who is late, the rounds of conversation, card swaps at mixers and
// the 1-to-1s that members arrange between meetings.
#include <algorithm>
#include <cmath>

#include "world.h"

namespace tsunagari {

namespace {
constexpr uint8_t kOnTime = 0, kLateNotified = 1, kLateSilent = 2;
}

void World::beginEvent(int entryIndex, int day) {
    passDaysTo(day);
    const CalendarEntry& entry = m_scenario.calendar[size_t(entryIndex)];
    ++m_occurrencesDone[size_t(entryIndex)];
    m_lastEventDay = day;
    m_rules = TrustRules::from(m_scenario.params, m_scenario.mechanisms);

    EventState& ev = m_event;
    ev.inProgress = true;
    ev.index = eventsDone() + 1;
    ev.day = day;
    ev.entry = entryIndex;
    ev.kind = entry.kind;
    ev.policy = entry.hasPolicy ? entry.policy : m_scenario.matchmaking;
    ev.round = 0;
    ev.rounds = entry.kind == EventKind::OneToOnes ? 1 : entry.rounds;
    ev.roundHours = entry.kind == EventKind::OneToOnes ? m_scenario.params[Param::OneToOneHours]
                                                       : entry.hours / entry.rounds;
    // A chapter's plenary takes its share of the meeting from the table rounds.
    ev.roundHours -= plenaryHours() / entry.rounds;
    ev.conversations = 0;
    ev.participants.clear();
    ev.groupMembers.clear();
    ev.groupStarts.clear();

    // Members of this series: cohorts that join it, or everyone when a cohort names none.
    m_memberFlags.assign(m_attendees.size(), 0);
    for (const auto& a : m_attendees) {
        if (!a.active) continue;
        m_memberFlags[a.id] = m_scenario.population[size_t(a.cohort)].joinsSeries(entry.name);
    }

    if (entry.kind == EventKind::OneToOnes) {
        arrangeOneToOnes(entry);
    } else {
        for (const auto& a : m_attendees) {
            if (!m_memberFlags[a.id]) continue;
            // Non-business groups draw the community-minded (seed 002).
            const double come = entry.attendance * (entry.kind == EventKind::Community ? a.traits[Trait::Community] : 1.0);
            if (m_rng.chance(come)) ev.participants.push_back(a.id);
        }
    }

    m_lateByAttendee.assign(m_attendees.size(), kOnTime);
    ev.late.assign(ev.participants.size(), kOnTime);
    for (size_t i = 0; i < ev.participants.size(); ++i) {
        Attendee& a = m_attendees[ev.participants[i]];
        ++a.counters.eventsAttended;
        const bool late = !m_rng.chance(a.traits[Trait::Punctuality]);
        const bool notified = m_rng.chance(a.traits[Trait::NotifyWhenLate]);
        if (!late) continue;
        ++a.counters.lateArrivals;
        ev.late[i] = m_lateByAttendee[a.id] = notified ? kLateNotified : kLateSilent;
    }
}

void World::arrangeOneToOnes(const CalendarEntry& entry) {
    // Depth-minded members (low breadth) ask the people they already trust most for a
    // 1-to-1; the other side agrees unless their experience of the asker is mostly bad.
    std::vector<uint8_t> paired(m_attendees.size(), 0);
    const double rate = m_scenario.params[Param::OneToOneRate];
    const int day = m_day;
    // Members ask in a shuffled order: whoever asks first gets their favourite, and that must
    // not be whoever has the lowest id (it would favour the first cohort of a scenario).
    m_scratch.clear();
    for (const auto& a : m_attendees)
        if (m_memberFlags[a.id]) m_scratch.push_back(a.id);
    m_rng.shuffle(m_scratch);
    const std::vector<uint32_t> askers = m_scratch;
    for (const uint32_t id : askers) {
        const Attendee& a = m_attendees[id];
        if (paired[a.id]) continue;
        const bool asks = m_rng.chance(rate * (1.0 - a.traits[Trait::Breadth]) * entry.attendance);
        const bool seated = a.id == m_seat && m_chooser;   // a seat asks whom its chooser wishes to meet
        if (!asks && !seated) continue;
        uint32_t best = seated ? seatOneToOne(paired) : RelationshipStore::kNone;
        double bestScore = -1;
        if (!seated) for (const auto& tie : m_relations.outEdges(a.id)) {
            if (!m_memberFlags[tie.to] || paired[tie.to]) continue;
            const Edge& e = m_relations.edge(tie.edge);
            if (!m_rules.remembered(e, day)) continue;
            // A little jitter among near-equals; a clear favourite is met again (depth, seed 002).
            const double score = m_rules.trust(e, day) * (1.0 + 0.5 * m_rng.uniform());
            if (score > bestScore) { bestScore = score; best = tie.to; }
        }
        if (best == RelationshipStore::kNone || waryOf(best, a.id)) continue;
        paired[a.id] = paired[best] = 1;
        m_event.groupStarts.push_back(uint32_t(m_event.groupMembers.size()));
        m_event.groupMembers.push_back(a.id);
        m_event.groupMembers.push_back(best);
        m_event.participants.push_back(a.id);
        m_event.participants.push_back(best);
    }
    m_event.groupStarts.push_back(uint32_t(m_event.groupMembers.size()));
}

bool World::waryOf(uint32_t asked, uint32_t asker) const {
    const uint32_t back = m_relations.find(asked, asker);
    if (back == RelationshipStore::kNone) return false;
    const Edge& e = m_relations.edge(back);
    return m_rules.remembered(e, m_day) && e.bad > e.good;
}

void World::runRound() {
    EventState& ev = m_event;
    if (ev.kind != EventKind::OneToOnes) formGroups(ev.participants, m_scenario.calendar[size_t(ev.entry)].groupSize, ev.policy);

    const bool pitching = ev.kind != EventKind::Community;  // no selling at the yoga class
    const bool firstRound = ev.round == 0;
    m_pairs.clear();
    for (size_t g = 0; g + 1 < ev.groupStarts.size(); ++g) {
        const uint32_t begin = ev.groupStarts[g], end = ev.groupStarts[g + 1];
        for (uint32_t i = begin; i < end; ++i) {
            const uint32_t a = ev.groupMembers[i];
            for (uint32_t j = i + 1; j < end; ++j) {
                const uint32_t b = ev.groupMembers[j];
                // Latecomers miss the first round.
                if (firstRound && (m_lateByAttendee[a] || m_lateByAttendee[b])) continue;
                m_pairs.emplace_back(a, b);
            }
        }
    }
    if (firstRound) holdPlenary();
    // Hall (2019) counts time spent together: everyone in a group shares the round.
    prepareTalkers();
    converseAll(m_pairs, ev.roundHours, pitching);
    if (firstRound) penaliseLateness();
    if (ev.kind == EventKind::Mixer) cardSwaps();
    foldTalkers();
    ++ev.round;
}

void World::penaliseLateness() {
    // Those who waited lose trust in the latecomer; a message keeps most of it (seed 003).
    // Who waited is the latecomer's first group. A chapter's plenary starts on time: the room
    // sees them come in but loses no time, so it does not count as waiting.
    const EventState& ev = m_event;
    const double penalty = m_scenario.params[Param::LatePenaltyHours];
    const double keeps = m_scenario.params[Param::NotifyKeeps];
    if (!m_scenario.mechanisms[Mechanism::LatenessCosts]) return;
    for (size_t g = 0; g + 1 < ev.groupStarts.size(); ++g) {
        for (uint32_t i = ev.groupStarts[g]; i < ev.groupStarts[g + 1]; ++i) {
            const uint32_t late = ev.groupMembers[i];
            if (m_lateByAttendee[late] == kOnTime) continue;
            const double cost = m_lateByAttendee[late] == kLateNotified ? penalty * (1.0 - keeps) : penalty;
            for (uint32_t j = ev.groupStarts[g]; j < ev.groupStarts[g + 1]; ++j) {
                const uint32_t waiter = ev.groupMembers[j];
                if (waiter != late && m_lateByAttendee[waiter] == kOnTime) addEvidence(waiter, late, 0, cost);
            }
        }
    }
}

void World::cardSwaps() {
    // Breadth-minded attendees work the room at open mixers, swapping cards with strangers (seed 004).
    const EventState& ev = m_event;
    const size_t n = ev.participants.size();
    if (n < 2) return;
    const double perRound = m_scenario.params[Param::CardSwapsPerRound];
    const double hours = m_scenario.params[Param::CardSwapHours];
    m_pairs.clear();
    for (const uint32_t a : ev.participants) {
        if (ev.round == 0 && m_lateByAttendee[a]) continue;
        const double wanted = perRound * m_attendees[a].traits[Trait::Breadth];
        int swaps = int(wanted);
        if (m_rng.chance(wanted - swaps)) ++swaps;
        for (int s = 0; s < swaps; ++s) {
            const uint32_t b = ev.participants[m_rng.below(uint32_t(n))];
            if (b != a && !(ev.round == 0 && m_lateByAttendee[b])) m_pairs.emplace_back(a, b);
        }
    }
    converseAll(m_pairs, hours, true);
}

void World::finishEvent() {
    takeSnapshots();
    m_event.inProgress = false;
    m_relations.sweepIfDue();   // places of forgotten pairs become reusable, so memory stays flat on long runs
}

void World::refreshForgetDays() {
    m_relations.forEachEdge([this](uint32_t, Edge& e) { e.forgetDay = m_rules.forgetDay(e); });
    rebuildEdgeBookkeeping();
}

void World::scheduleForgetting(uint32_t edge, int forgetDay) {
    // A tie never forgotten (forgetting off) comes back every horizon, so having an entry,
    // being `scheduled` and being counted always go together.
    m_relations.edge(edge).scheduled = 1;
    addToForgetCalendar(edge, forgetDay);
}

void World::addToForgetCalendar(uint32_t edge, int forgetDay) {
    const int day = std::min(forgetDay, m_day + kForgetHorizonDays - 1);
    m_forgetCalendar.push(size_t(day % kForgetHorizonDays), edge);
}

void World::forgetDueTies(int day) {
    // Entries due today: the tie is forgotten unless later contact moved its forget day on.
    // A forgotten pair nobody remembers is released; the reverse side's entry may still be due.
    // The consumed list's blocks go back to the calendar's pool for the days ahead, so its
    // memory follows the entries it holds (forget_calendar.h).
    m_dueScratch.clear();
    m_forgetCalendar.take(size_t(day % kForgetHorizonDays), m_dueScratch);
    // Edges are requested well ahead, their hash slots (needed to release them) a little later.
    // Most entries take little work, so the edge goes out well before its pair's slot is needed.
    constexpr size_t kEdgeAhead = 32, kSlotAhead = 12;
    const size_t n = m_dueScratch.size();
    for (size_t i = 0; i < n; ++i) {
        if (i + kEdgeAhead < n) m_relations.prefetchEdge(m_dueScratch[i + kEdgeAhead]);
        if (i + kSlotAhead < n) {
            const Edge& ahead = m_relations.edge(m_dueScratch[i + kSlotAhead]);
            m_relations.prefetchSlot(RelationshipStore::hashPair(ahead.from, ahead.to));
        }
        const uint32_t index = m_dueScratch[i];
        Edge& e = m_relations.edge(index);
        if (e.forgetDay > day) {
            scheduleForgetting(index, e.forgetDay);
            continue;
        }
        e.scheduled = 0;
        --m_rememberedTies[e.from];
        releaseIfIdle(index);
    }
}

void World::rebuildEdgeBookkeeping() {
    // Derived from the edges alone, after a parameter change moved forget days. A pair that
    // the change made forgotten on both sides is released here: no calendar entry will come for it.
    m_rememberedTies.assign(m_attendees.size(), 0);
    m_forgetCalendar.reset(size_t(kForgetHorizonDays));
    m_listedEdges.clear();
    m_listedSorted = 0;
    const int day = std::max(m_day, 0);
    m_relations.forEachEdge([&](uint32_t index, Edge& e) {
        e.scheduled = 0;
        if (m_rules.remembered(e, day)) {
            ++m_rememberedTies[e.from];
            scheduleForgetting(index, e.forgetDay);
        }
        e.listed = m_rules.trustUpperBound(e) >= m_rules.stageKnown;
        if (e.listed) m_listedEdges.push_back(index);
        if (index & 1) releaseIfIdle(index);   // both sides are settled now
    });
}

}  // namespace tsunagari
