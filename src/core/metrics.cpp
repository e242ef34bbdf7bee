// End-of-event snapshots: contacts, collaborators and reputation per attendee, and the
// per-group figures that the CSV, the summary and the window's plots all read.
#include <algorithm>
#include <numeric>

#include "world.h"

namespace tsunagari {

void World::refreshFigures() {
    refreshSnapshots();
    if (!m_history.empty()) m_history.back().groups = groupFigures();
}

void World::refreshSnapshots() {
    // Cost grows with attendees and with ties that may be known, not with all ties ever made:
    // remembered ties are counted as they come and go, and weak ties cannot reach the known stage.
    const int day = m_day;
    // Sums go to small dense tables first: a listed tie then touches no Attendee (a cache miss each at scale).
    const size_t n = m_attendees.size();
    std::vector<uint8_t> active(n);
    std::vector<uint32_t> knownBy(n, 0), collaborators(n, 0);
    std::vector<double> trustSum(n, 0.0);
    for (auto& a : m_attendees) {
        active[a.id] = a.active;
        a.snapshot.contacts = m_rememberedTies[a.id];
        a.snapshot.reputation = a.clientTrust.empty()
            ? 0.0 : std::accumulate(a.clientTrust.begin(), a.clientTrust.end(), 0.0) / double(a.clientTrust.size());
        a.snapshot.clientsKept = uint32_t(std::count_if(a.clientTrust.begin(), a.clientTrust.end(),
                                                        [this](float t) { return clientAsks(t) > 0; }));
    }
    // Sorted, so sums run in index order however the list was built (determinism). The list
    // was sorted after the last snapshot, so only the ties listed since need sorting and merging.
    const auto newlyListed = m_listedEdges.begin() + std::ptrdiff_t(std::min(m_listedSorted, m_listedEdges.size()));
    std::sort(newlyListed, m_listedEdges.end());
    std::inplace_merge(m_listedEdges.begin(), newlyListed, m_listedEdges.end());
    size_t kept = 0;
    // Listed ties are scattered over the pair array: each is requested well before it is read,
    // so the misses overlap instead of queueing (both views share the line).
    constexpr size_t kAhead = 16;
    const size_t listed = m_listedEdges.size();
    for (size_t i = 0; i < std::min(listed, kAhead); ++i) m_relations.prefetchEdge(m_listedEdges[i]);
    for (size_t i = 0; i < listed; ++i) {
        const uint32_t index = m_listedEdges[i];
        if (i + kAhead < listed) m_relations.prefetchEdge(m_listedEdges[i + kAhead]);
        Edge& e = m_relations.edge(index);
        if (!m_rules.remembered(e, day) || m_rules.trustUpperBound(e) < m_rules.stageKnown) {  // faded or forgotten
            e.listed = 0;
            releaseIfIdle(index);
            continue;
        }
        m_listedEdges[kept++] = index;
        if (!active[e.to]) continue;
        const double t = m_rules.trust(e, day);
        if (t < m_rules.stageKnown) continue;
        ++knownBy[e.to];
        trustSum[e.to] += t;
        if (t < m_rules.stageCollaborator) continue;
        if (m_rules.trust(m_relations.edge(RelationshipStore::reverse(index)), day) >= m_rules.stageCollaborator)
            ++collaborators[e.from];
    }
    m_listedEdges.resize(kept);
    m_listedSorted = kept;
    for (auto& a : m_attendees) {
        a.snapshot.collaborators = collaborators[a.id];
        a.snapshot.trustReceived = knownBy[a.id] > 0 ? trustSum[a.id] / knownBy[a.id] : 0.0;
    }
}

void World::takeSnapshots() {
    if (m_figuresEachEvent) refreshSnapshots();
    EventRecord rec;
    rec.index = m_event.index;
    rec.day = m_event.day;
    rec.kind = m_event.kind;
    rec.name = m_scenario.calendar[size_t(m_event.entry)].name;
    rec.participants = int(m_event.participants.size());
    rec.late = int(std::count_if(m_event.late.begin(), m_event.late.end(), [](uint8_t l) { return l != 0; }));
    rec.conversations = m_event.conversations;
    rec.referralsMade = m_referralsSinceEvent;
    m_referralsSinceEvent = 0;
    rec.groups = groupFigures();
    m_history.push_back(std::move(rec));
}

std::vector<GroupFigures> World::groupFigures() const {
    // One pass over attendees into per-group slots: cost is attendees + groups, not their product.
    std::vector<GroupFigures> groups(m_groupLabels.size());
    for (const auto& a : m_attendees) {
        if (!a.active) continue;
        GroupFigures& f = groups[size_t(a.group)];
        ++f.members;
        f.contacts += a.snapshot.contacts;
        f.collaborators += a.snapshot.collaborators;
        f.reputation += a.snapshot.reputation;
        f.trustReceived += a.snapshot.trustReceived;
        f.clientsKept += a.snapshot.clientsKept;
        f.referralsGiven += a.counters.referralsGiven;
        f.referralsReceived += a.counters.referralsReceived;
        f.repeatReferralsReceived += a.counters.repeatReferralsReceived;
        f.referralsAccepted += a.counters.referralsAccepted;
        f.referralsDeclined += a.counters.referralsDeclined;
        f.closedBusiness += a.counters.closedBusiness;
        f.complaints += a.counters.complaints;
    }
    for (GroupFigures& f : groups) {
        if (f.members == 0) continue;
        const double n = f.members;
        for (double* v : {&f.contacts, &f.collaborators, &f.reputation, &f.trustReceived, &f.clientsKept, &f.referralsGiven,
                          &f.referralsReceived, &f.repeatReferralsReceived, &f.referralsAccepted, &f.referralsDeclined,
                          &f.closedBusiness, &f.complaints})
            *v /= n;
    }
    return groups;
}

}  // namespace tsunagari
