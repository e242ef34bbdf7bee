// Directed relationships (A's view of B) as evidence that fades, and the stages derived from it.
//
// Trust is a Beta reputation estimate (Jøsang & Ismail 2002) over r hours of good and s
// hours of bad evidence, with a sceptical prior of k hours ("not known yet"): r / (r+s+k).
// Confidence thus grows with time together, as TRAVOS has it: one meeting never makes a
// friend. With the TrustNeedsRepetition mechanism off, Jøsang's uniform prior
// (r+1)/(r+s+2) is used instead and one pleasant meeting is enough. Evidence is stored as
// of the last contact and faded lazily when read, so quiet ties cost nothing per day.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "numeric_kernels.h"
#include "params.h"

namespace tsunagari {

enum class Stage : int { Stranger, Acquaintance, Known, Friend, Collaborator, Count };
[[nodiscard]] const char* stageKey(Stage s);   // "stranger", "acquaintance", ...

// One direction of a pair's relationship: 32 bytes, so a pair fills one cache line.
struct Edge {
    uint32_t from = 0, to = 0;   // `from`'s view of `to`
    float good = 0, bad = 0;     // evidence hours, as of lastDay
    int32_t lastDay = 0;
    int32_t blockedUntil = -1;   // `from` refers nobody to `to` before this day (first decline)
    int32_t forgetDay = 0;       // first day this tie is no longer remembered (kept fresh on every change)
    uint16_t contacts : 15 = 0;  // conversations remembered (capped at kMaxCount)
    uint16_t scheduled : 1 = 0;  // has an entry in World's forgetting calendar
    uint16_t referrals : 14 = 0; // referrals `from` made to `to` (capped at kMaxReferrals)
    uint16_t unthanked : 1 = 0;  // `to` neither reported back nor thanked for `from`'s last referral
    uint16_t listed : 1 = 0;     // on World's list of ties that may reach the known stage
    static constexpr uint16_t kMaxCount = 0x7FFF;
    static constexpr uint16_t kMaxReferrals = 0x3FFF;
};
static_assert(sizeof(Edge) == 32, "two directions share one 64-byte cache line");

// The parameters trust is computed from, gathered once per step from Params/Mechanisms.
struct TrustRules {
    double confidenceHours = 6;
    double halfLifeDays = 10;
    double consolidation = 1;
    double halfLifeMaxDays = 180;
    double forgetBelow = 0.1;
    double stageKnown = 0.15, stageFriend = 0.35, stageCollaborator = 0.55;
    bool forgetting = true;
    bool needsRepetition = true;

    static TrustRules from(const Params& p, const Mechanisms& m);
    [[nodiscard]] double halfLife(const Edge& e) const;              // days, grown by contacts up to the cap
    [[nodiscard]] double fade(const Edge& e, int day) const;         // factor applied to evidence
    [[nodiscard]] double trust(const Edge& e, int day) const;        // 0 for a forgotten tie
    [[nodiscard]] Stage stage(const Edge& e, int day) const;
    [[nodiscard]] Stage stageOf(double trust, bool remembered) const;
    [[nodiscard]] bool remembered(const Edge& e, int day) const { return day < e.forgetDay; }
    [[nodiscard]] int forgetDay(const Edge& e) const;                 // to store in e.forgetDay after a change
    [[nodiscard]] double trustUpperBound(const Edge& e) const;       // trust if nothing had faded: a cheap filter
};

// Inline: read for every tie at every event and referral.
inline double TrustRules::halfLife(const Edge& e) const {
    // Each remembered contact consolidates the memory, up to the longest half-life: old
    // evidence counts less than new however often two people met (Jøsang's forgetting factor).
    return std::min(halfLifeDays * (1.0 + consolidation * std::max(0, e.contacts - 1)), halfLifeMaxDays);
}

inline double TrustRules::fade(const Edge& e, int day) const {
    const int elapsed = day - e.lastDay;
    if (!forgetting || elapsed <= 0) return 1.0;
    return exp2NonPositive(-double(elapsed) / halfLife(e));
}

inline double TrustRules::trust(const Edge& e, int day) const {
    if (!remembered(e, day)) return 0.0;
    const double f = fade(e, day);
    const double r = e.good * f, s = e.bad * f;
    if (!needsRepetition) return (r + 1.0) / (r + s + 2.0);  // Jøsang's uniform prior: one meeting is enough
    return r / (r + s + confidenceHours);
}

// Both directions of a pair live side by side: edge 2p is the lower id's view of the higher,
// edge 2p+1 the reverse. One hash lookup and one cache line serve a whole conversation.
//
// Pairs that both sides have forgotten are released in place (see World::releaseIfIdle):
// they leave the hash index at once, stay readable as forgotten strangers in out-lists, and
// their places in the pair array are reused after the next sweep, lowest first. Every order here depends
// only on the sequence of calls, never on addresses or hash order.
class RelationshipStore {
public:
    static constexpr uint32_t kNone = 0xFFFFFFFFu;
    [[nodiscard]] static uint32_t reverse(uint32_t edge) { return edge ^ 1u; }

    void clear();
    void resizeAttendees(size_t n);                                   // out-lists for n attendees
    [[nodiscard]] uint32_t find(uint32_t from, uint32_t to) const;    // edge index or kNone
    uint32_t findOrCreate(uint32_t from, uint32_t to, int day);       // makes both directions, empty at `day`
    // The same two steps with the pair's hash computed once by the caller, which may request
    // memory ahead with it (see World::converseAll).
    [[nodiscard]] static uint32_t hashPair(uint32_t a, uint32_t b) {   // either order; inline: the hot loops compute it per pair
        uint64_t x = (uint64_t(a < b ? a : b) << 32) | (a < b ? b : a);   // splitmix64 finaliser: our own hash
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9ull;
        x ^= x >> 27; x *= 0x94D049BB133111EBull;
        return uint32_t(x ^ (x >> 31));
    }
    [[nodiscard]] uint32_t find(uint32_t from, uint32_t to, uint32_t hash) const;
    uint32_t create(uint32_t from, uint32_t to, uint32_t hash, const Edge& fromView, const Edge& toView);   // pair must be absent; from/to are filled in
    void prefetchSlot(uint32_t hash) const { if (!m_slots.empty()) __builtin_prefetch(&m_slots[hash & m_mask]); }
    void prefetchEdge(uint32_t edge) const { __builtin_prefetch(&m_pairs[edge >> 1], 1); }
    void prefetchOutTail(uint32_t from) const { __builtin_prefetch(m_out[from].data() + m_out[from].size(), 1); }  // a new tie comes soon
    [[nodiscard]] const Edge& edge(uint32_t index) const { return m_pairs[index >> 1].view[index & 1]; }
    Edge& edge(uint32_t index) { return m_pairs[index >> 1].view[index & 1]; }
    [[nodiscard]] uint32_t indexEnd() const { return uint32_t(2 * m_pairs.size()); }   // every edge index is below
    [[nodiscard]] bool released(uint32_t edge) const { return (m_released[edge >> 7] >> ((edge >> 1) & 63)) & 1; }
    [[nodiscard]] size_t liveEdges() const { return 2 * m_livePairs; }
    template <class F> void forEachEdge(F f) const;                   // f(index, edge) for live edges in index order
    template <class F> void forEachEdge(F f);
    // Out-ties of `from`, in the order they were made, with whom they are to, so a caller can
    // filter without touching the edges. Until the next sweep this may include released ties,
    // which read as forgotten (not remembered, no evidence).
    struct OutTie {
        uint32_t to;
        uint32_t edge;
    };
    [[nodiscard]] const std::vector<OutTie>& outEdges(uint32_t from) const { return m_out[from]; }
    void release(uint32_t edge);      // the pair of `edge` leaves the index; its place is reused after a sweep
    void sweepIfDue();                // out-lists drop released ties; their places become free
    [[nodiscard]] size_t memoryBytes() const;
    struct MemoryUse {              // memoryBytes() by structure
        size_t pairs = 0;           // the pair array: live, released and free places
        size_t slots = 0;           // the hash index
        size_t outLists = 0;        // per-attendee out-lists, capacity included
        size_t other = 0;           // release bits and the free list
        size_t pairPlaces = 0;      // places in the pair array (live + released + free)
        [[nodiscard]] size_t total() const { return pairs + slots + outLists + other; }
    };
    [[nodiscard]] MemoryUse memoryUse() const;
    [[nodiscard]] size_t livePairs() const { return m_livePairs; }

    // The whole store as a snapshot holds it, and back. restore() returns what is wrong, or "".
    struct Image {
        std::vector<Edge> edges;                  // 2 per pair, released ones included
        std::vector<uint32_t> freePairs;          // reusable pair places, in reuse order
        std::vector<uint32_t> releasedPairs;      // released since the last sweep, ascending
        std::vector<std::vector<uint32_t>> out;   // per attendee
    };
    [[nodiscard]] Image image() const;
    [[nodiscard]] std::string restore(Image image, size_t attendees);

private:
    struct alignas(64) Pair {
        Edge view[2];
    };
    // Pairs in chunks of 1 MiB: growing never moves a pair, where a vector would copy hundreds
    // of MB at each doubling and hold both copies meanwhile.
    class PairArray {
    public:
        PairArray() = default;
        PairArray(const PairArray& other);              // a deep copy (world_copy.cpp: the window's published view)
        PairArray& operator=(const PairArray& other);   // reuses the chunks this array already has
        PairArray(PairArray&&) noexcept = default;
        PairArray& operator=(PairArray&&) noexcept = default;
        Pair& operator[](uint32_t i) { return m_chunks[i >> kChunkBits][i & kChunkMask]; }
        const Pair& operator[](uint32_t i) const { return m_chunks[i >> kChunkBits][i & kChunkMask]; }
        [[nodiscard]] uint32_t size() const { return m_size; }
        uint32_t append();   // index of a new zeroed pair
        void resize(uint32_t n);
        void clear() { m_chunks.clear(); m_size = 0; }
        [[nodiscard]] size_t bytes() const { return m_chunks.size() * kChunkPairs * sizeof(Pair); }

    private:
        static constexpr uint32_t kChunkBits = 14, kChunkPairs = 1u << kChunkBits, kChunkMask = kChunkPairs - 1;
        std::vector<std::unique_ptr<Pair[]>> m_chunks;
        uint32_t m_size = 0;
    };
    // Open addressing with linear probing. A slot holds a pair index and the low 32 bits of
    // the key's hash: a probe touches the pair only on a likely match, and deletion can find
    // each entry's home slot without touching pairs at all.
    struct Slot {
        uint32_t pair = kNone;
        uint32_t hash = 0;
    };
    [[nodiscard]] uint64_t slotOf(uint32_t lo, uint32_t hi, uint32_t hash) const;   // slot holding the pair, or the empty slot ending its probe
    void eraseSlot(uint64_t slot);
    void grow();
    void markReleased(uint32_t pair, bool on);

    PairArray m_pairs;
    std::vector<std::vector<OutTie>> m_out;
    std::vector<Slot> m_slots;
    uint64_t m_mask = 0;
    size_t m_livePairs = 0;
    std::vector<uint64_t> m_released;        // bit per pair: released (awaiting a sweep, or free)
    std::vector<uint64_t> m_awaitingSweep;   // bit per pair: released since the last sweep
    size_t m_awaitingCount = 0;
    std::vector<uint32_t> m_free;            // free pair places, ascending; reused from m_freeNext on
    size_t m_freeNext = 0;
};

template <class F>
void RelationshipStore::forEachEdge(F f) const {
    for (uint32_t i = 0; i < indexEnd(); ++i)
        if (!released(i)) f(i, edge(i));
}

template <class F>
void RelationshipStore::forEachEdge(F f) {
    for (uint32_t i = 0; i < indexEnd(); ++i)
        if (!released(i)) f(i, edge(i));   // f may release the pair it is given
}

}  // namespace tsunagari
