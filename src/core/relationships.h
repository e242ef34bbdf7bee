// Directed relationships (A's view of B) as evidence that fades, and the stages derived from it.
//
// Trust is a Beta reputation estimate (Jøsang & Ismail 2002) over r hours of good and s
// hours of bad evidence, with a sceptical prior of k hours ("not known yet"): r / (r+s+k).
// Confidence thus grows with time together, as TRAVOS has it: one meeting never makes a
// friend. With the TrustNeedsRepetition mechanism off, Jøsang's uniform prior
// (r+1)/(r+s+2) is used instead and one pleasant meeting is enough. Evidence is stored as
// of the last contact and faded lazily when read, so quiet ties cost nothing per day.
#pragma once
#include <cstdint>
#include <vector>

#include "params.h"

namespace tsunagari {

enum class Stage : int { Stranger, Acquaintance, Known, Friend, Collaborator, Count };
[[nodiscard]] const char* stageKey(Stage s);   // "stranger", "acquaintance", ...

struct Edge {
    uint32_t from = 0, to = 0;   // `from`'s view of `to`
    float good = 0, bad = 0;     // evidence hours, as of lastDay
    int32_t lastDay = 0;
    int32_t blockedUntil = -1;   // `from` refers nobody to `to` before this day (first decline)
    int32_t forgetDay = 0;       // first day this tie is no longer remembered (kept fresh on every change)
    uint16_t contacts = 0;       // conversations remembered
    uint16_t referrals = 0;      // referrals `from` made to `to`
    uint8_t listed = 0;          // on World's list of ties that may reach the known stage
};

// The parameters trust is computed from, gathered once per step from Params/Mechanisms.
struct TrustRules {
    double confidenceHours = 6;
    double halfLifeDays = 10;
    double consolidation = 1;
    double forgetBelow = 0.1;
    double stageKnown = 0.15, stageFriend = 0.35, stageCollaborator = 0.55;
    bool forgetting = true;
    bool needsRepetition = true;

    static TrustRules from(const Params& p, const Mechanisms& m);
    [[nodiscard]] double fade(const Edge& e, int day) const;         // factor applied to evidence
    [[nodiscard]] double trust(const Edge& e, int day) const;        // 0 for a forgotten tie
    [[nodiscard]] Stage stage(const Edge& e, int day) const;
    [[nodiscard]] Stage stageOf(double trust, bool remembered) const;
    [[nodiscard]] bool remembered(const Edge& e, int day) const { return day < e.forgetDay; }
    [[nodiscard]] int forgetDay(const Edge& e) const;                 // to store in e.forgetDay after a change
    [[nodiscard]] double trustUpperBound(const Edge& e) const;       // trust if nothing had faded: a cheap filter
};

// All edges in creation order, with a hash index (a,b) -> edge and per-attendee out-lists.
// Iteration is always in creation order, never in hash order.
class RelationshipStore {
public:
    static constexpr uint32_t kNone = 0xFFFFFFFFu;

    void clear();
    void resizeAttendees(size_t n);                                   // out-lists for n attendees
    [[nodiscard]] uint32_t find(uint32_t from, uint32_t to) const;    // edge index or kNone
    void prefetchSlot(uint32_t from, uint32_t to) const;              // hint: find(from, to) comes soon
    void prefetchEdge(uint32_t from, uint32_t to) const;              // hint: the edge itself comes soon
    uint32_t findOrCreate(uint32_t from, uint32_t to, int day);       // new edges start empty at `day`
    [[nodiscard]] const Edge& edge(uint32_t index) const { return m_edges[index]; }
    Edge& edge(uint32_t index) { return m_edges[index]; }
    [[nodiscard]] const std::vector<Edge>& edges() const { return m_edges; }
    [[nodiscard]] const std::vector<uint32_t>& outEdges(uint32_t from) const { return m_out[from]; }
    [[nodiscard]] size_t memoryBytes() const;
    void reserve(size_t edges);
    // Drops every edge for which `keep` is false, keeping creation order. Returns edges dropped.
    template <class Keep> size_t compact(Keep keep);

private:
    void grow();
    void rebuildIndex();
    static uint64_t keyOf(uint32_t a, uint32_t b) { return (uint64_t(a) << 32) | b; }

    std::vector<Edge> m_edges;
    std::vector<std::vector<uint32_t>> m_out;
    // Open addressing with linear probing. A slot holds an edge index and 32 bits of the
    // key's hash, so a probe touches the edge itself only on a likely match.
    struct Slot {
        uint32_t edge = kNone;
        uint32_t tag = 0;
    };
    [[nodiscard]] bool matches(const Slot& slot, uint32_t tag, uint32_t from, uint32_t to) const {
        return slot.tag == tag && m_edges[slot.edge].from == from && m_edges[slot.edge].to == to;
    }
    std::vector<Slot> m_slots;
    uint64_t m_mask = 0;
};

template <class Keep>
size_t RelationshipStore::compact(Keep keep) {
    size_t kept = 0;
    for (size_t i = 0; i < m_edges.size(); ++i)
        if (keep(m_edges[i])) m_edges[kept++] = m_edges[i];
    const size_t dropped = m_edges.size() - kept;
    m_edges.resize(kept);
    for (auto& out : m_out) out.clear();
    for (uint32_t i = 0; i < m_edges.size(); ++i) m_out[m_edges[i].from].push_back(i);
    rebuildIndex();
    return dropped;
}

}  // namespace tsunagari
