// A chapter meeting's whole-room part: members present to everyone in turn (BNI's weekly
// 60-second presentations), so fellow members become known by sight, not only those who
// shared a table. It follows the open networking of the first round, so latecomers (who miss
// that round) are there for it.
#include <algorithm>

#include "rapport.h"
#include "world.h"

namespace tsunagari {

double World::plenaryHours() const {
    const EventState& ev = m_event;
    if (ev.kind != EventKind::Chapter || !m_scenario.mechanisms[Mechanism::Plenary]) return 0.0;
    return m_scenario.calendar[size_t(ev.entry)].hours * m_scenario.params[Param::PlenaryShare];
}

void World::holdPlenary() {
    const double hours = plenaryHours();
    if (hours <= 0) return;
    m_scratch.assign(m_event.participants.begin(), m_event.participants.end());
    const size_t room = m_scratch.size();
    if (room < 2) return;
    // Only so many presentations fit: in a large chapter a random few present each week (a
    // fixed turn order over a changing room would favour some positions, and so some ids).
    const auto fit = size_t(hours * 60.0 / m_scenario.params[Param::PresentationMinutes]);
    const size_t presenters = std::min(room, std::max<size_t>(fit, 1));
    if (presenters < room) m_rng.shuffle(m_scratch);
    const double evidence = hours * m_scenario.params[Param::PlenaryWeight];
    const double spread = m_scenario.params[Param::RapportSpread];
    // A presentation is the sanctioned pitch: it never meets backlash.
    // Memory for later listeners is requested ahead (hash slot, then the pair), as in
    // converseAll, so the cache misses of a whole room overlap instead of queueing.
    constexpr size_t kAhead = 8;
    for (size_t k = 0; k < presenters; ++k) {
        const uint32_t presenter = m_scratch[k];
        for (size_t i = 0; i < std::min(room, kAhead); ++i) m_relations.prefetchSlot(RelationshipStore::hashPair(m_scratch[i], presenter));
        for (size_t i = 0; i < room; ++i) {
            if (i + 2 * kAhead < room) m_relations.prefetchSlot(RelationshipStore::hashPair(m_scratch[i + 2 * kAhead], presenter));
            if (i + kAhead < room && m_scratch[i + kAhead] != presenter) {
                const uint32_t ahead = m_relations.find(m_scratch[i + kAhead], presenter);
                if (ahead != RelationshipStore::kNone) m_relations.prefetchEdge(ahead);
            }
            const uint32_t listener = m_scratch[i];
            if (listener == presenter) continue;
            const uint32_t index = m_relations.findOrCreate(listener, presenter, m_day);
            catchUp(index);
            Edge& e = m_relations.edge(index);
            e.good += float(spread > 0 ? evidence * rapport(m_scenario.seed, listener, presenter, spread) : evidence);
            if (e.contacts < Edge::kMaxCount) ++e.contacts;
            settle(index);
            releaseIfIdle(index);   // only if the presentation was too short to remember
        }
    }
}

}  // namespace tsunagari
