// Trust arithmetic and the edge store behind it.
#include "relationships.h"

#include <algorithm>
#include <iterator>
#include <limits>

#include "numeric_kernels.h"

namespace tsunagari {

const char* stageKey(Stage s) {
    static const char* keys[] = {"stranger", "acquaintance", "known", "friend", "collaborator"};
    return keys[int(s)];
}

TrustRules TrustRules::from(const Params& p, const Mechanisms& m) {
    TrustRules r;
    r.confidenceHours = p[Param::ConfidenceHours];
    r.halfLifeDays = p[Param::MemoryHalfLifeDays];
    r.consolidation = p[Param::ConsolidationPerContact];
    r.halfLifeMaxDays = std::max(p[Param::MemoryHalfLifeMaxDays], r.halfLifeDays);
    r.forgetBelow = p[Param::ForgetBelowHours];
    r.stageKnown = p[Param::StageKnown];
    r.stageFriend = p[Param::StageFriend];
    r.stageCollaborator = p[Param::StageCollaborator];
    r.forgetting = m[Mechanism::Forgetting];
    r.needsRepetition = m[Mechanism::TrustNeedsRepetition];
    return r;
}

int TrustRules::forgetDay(const Edge& e) const {
    // Only pleasant time is remembered as contact: an unwelcome pitch from a stranger does not
    // make them memorable (seed 004: the card is forgotten within a month all the same).
    const double total = double(e.good);
    if (total <= 0 || total < forgetBelow) return e.lastDay;
    if (!forgetting) return std::numeric_limits<int32_t>::max();
    // Remembered while total * 2^(-elapsed/halfLife) >= forgetBelow.
    const double span = halfLife(e) * log2Positive(total / forgetBelow);   // >= 0: truncation is floor
    const double days = span < 0x1p62 ? double(int64_t(span)) : span;
    return int(std::min<double>(double(e.lastDay) + days + 1.0, std::numeric_limits<int32_t>::max()));
}

double TrustRules::trustUpperBound(const Edge& e) const {
    // Fading scales r and s alike: the sceptical estimate only falls, the uniform one moves toward 1/2.
    const double r = e.good, s = e.bad;
    return needsRepetition ? r / (r + s + confidenceHours) : std::max((r + 1.0) / (r + s + 2.0), 0.5);
}

Stage TrustRules::stageOf(double t, bool isRemembered) const {
    if (!isRemembered) return Stage::Stranger;
    if (t >= stageCollaborator) return Stage::Collaborator;
    if (t >= stageFriend) return Stage::Friend;
    if (t >= stageKnown) return Stage::Known;
    return Stage::Acquaintance;
}

Stage TrustRules::stage(const Edge& e, int day) const {
    const bool isRemembered = remembered(e, day);
    return stageOf(isRemembered ? trust(e, day) : 0.0, isRemembered);
}

namespace {
uint32_t hashOf(uint32_t lo, uint32_t hi) { return RelationshipStore::hashPair(lo, hi); }
constexpr size_t kMinSweep = size_t(1) << 14;   // released pairs before a sweep is worth its pass over the out-lists
// Released pairs wait for a sweep once they are this share of the live ones: each keeps its
// 64-byte place and two out-list entries meanwhile, and each sweep reads every out-list once.
constexpr size_t kSweepAtLiveShare = 8;

// The hash index grows past three quarters full: slots hold each key's hash, so a longer probe
// reads more slots (8 to a cache line) but no more pairs.
bool slotsTooFull(size_t pairs, size_t slots) { return pairs * 4 > slots * 3; }

// Out-lists grow by a quarter, not double: they are most of the memory beside the pairs, and a
// list that has to grow copies a few KiB at most.
void appendTie(std::vector<RelationshipStore::OutTie>& list, RelationshipStore::OutTie tie) {
    if (list.size() == list.capacity()) list.reserve(std::max<size_t>(8, list.size() + list.size() / 4));
    list.push_back(tie);
}
}  // namespace

uint32_t RelationshipStore::PairArray::append() {
    if ((m_size >> kChunkBits) == m_chunks.size()) m_chunks.push_back(std::make_unique<Pair[]>(kChunkPairs));
    return m_size++;
}

void RelationshipStore::PairArray::resize(uint32_t n) {
    m_chunks.resize((size_t(n) + kChunkMask) >> kChunkBits);
    for (auto& chunk : m_chunks)
        if (!chunk) chunk = std::make_unique<Pair[]>(kChunkPairs);
    m_size = n;
}

void RelationshipStore::clear() {
    m_pairs.clear();
    m_out.clear();
    m_slots.clear();
    m_mask = 0;
    m_livePairs = 0;
    m_released.clear();
    m_awaitingSweep.clear();
    m_awaitingCount = 0;
    m_free.clear();
    m_freeNext = 0;
}

void RelationshipStore::resizeAttendees(size_t n) {
    if (m_out.size() < n) m_out.resize(n);
}


uint64_t RelationshipStore::slotOf(uint32_t lo, uint32_t hi, uint32_t hash) const {
    for (uint64_t i = hash & m_mask;; i = (i + 1) & m_mask) {
        const Slot& slot = m_slots[i];
        if (slot.pair == kNone) return i;
        if (slot.hash == hash) {
            const Edge& e = m_pairs[slot.pair].view[0];
            if (e.from == lo && e.to == hi) return i;
        }
    }
}

uint32_t RelationshipStore::find(uint32_t from, uint32_t to, uint32_t hash) const {
    if (m_slots.empty() || from == to) return kNone;
    const uint32_t pair = m_slots[slotOf(std::min(from, to), std::max(from, to), hash)].pair;
    return pair == kNone ? kNone : 2 * pair + (from > to);
}

uint32_t RelationshipStore::find(uint32_t from, uint32_t to) const { return find(from, to, hashPair(from, to)); }

uint32_t RelationshipStore::findOrCreate(uint32_t from, uint32_t to, int day) {
    const uint32_t hash = hashPair(from, to);
    const uint32_t found = find(from, to, hash);
    if (found != kNone) return found;
    Edge empty{};
    empty.lastDay = empty.forgetDay = day;
    return create(from, to, hash, empty, empty);
}

uint32_t RelationshipStore::create(uint32_t from, uint32_t to, uint32_t hash, const Edge& fromView, const Edge& toView) {
    if (slotsTooFull(m_livePairs + 1, m_slots.size())) grow();
    uint64_t slot = hash & m_mask;
    while (m_slots[slot].pair != kNone) slot = (slot + 1) & m_mask;   // the pair is absent: its probe ends at a gap

    uint32_t pair = 0;
    if (m_freeNext < m_free.size()) {
        pair = m_free[m_freeNext++];
        markReleased(pair, false);
    } else {
        pair = m_pairs.append();
        if ((pair >> 6) >= m_released.size()) {
            m_released.push_back(0);
            m_awaitingSweep.push_back(0);
        }
    }
    const uint32_t side = from > to;
    const uint32_t lo = std::min(from, to), hi = std::max(from, to);
    // Written, never read back: the line may still be on its way from memory, and a read
    // would wait for it (so would a wide copy of a just-patched local).
    Edge* view = m_pairs[pair].view;
    view[0] = side ? toView : fromView;   // the lower id's view
    view[1] = side ? fromView : toView;
    view[0].from = view[1].to = lo;
    view[0].to = view[1].from = hi;
    m_slots[slot] = {pair, hash};
    ++m_livePairs;
    appendTie(m_out[lo], {hi, 2 * pair});
    appendTie(m_out[hi], {lo, 2 * pair + 1});
    return 2 * pair + side;
}

void RelationshipStore::markReleased(uint32_t pair, bool on) {
    const uint64_t bit = uint64_t(1) << (pair & 63);
    if (on) m_released[pair >> 6] |= bit;
    else m_released[pair >> 6] &= ~bit;
}

void RelationshipStore::release(uint32_t edge) {
    if (released(edge)) return;
    const uint32_t pair = edge >> 1;
    Pair& p = m_pairs[pair];
    eraseSlot(slotOf(p.view[0].from, p.view[0].to, hashOf(p.view[0].from, p.view[0].to)));
    markReleased(pair, true);
    m_awaitingSweep[pair >> 6] |= uint64_t(1) << (pair & 63);
    ++m_awaitingCount;
    --m_livePairs;
    // Inert until reused: reads as two forgotten strangers.
    for (Edge& e : p.view) {
        e.good = e.bad = 0;
        e.contacts = 0;
        e.forgetDay = e.lastDay;
    }
}

void RelationshipStore::eraseSlot(uint64_t hole) {
    // Backward-shift deletion: later entries of the probe run move up unless that would put
    // them before their home slot, so no tombstones ever slow lookups down.
    for (uint64_t j = (hole + 1) & m_mask;; j = (j + 1) & m_mask) {
        const Slot slot = m_slots[j];
        if (slot.pair == kNone) break;
        const uint64_t home = slot.hash & m_mask;
        const bool homeAfterHole = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
        if (!homeAfterHole) {
            m_slots[hole] = slot;
            hole = j;
        }
    }
    m_slots[hole] = Slot{};
}

void RelationshipStore::sweepIfDue() {
    if (m_awaitingCount < std::max(kMinSweep, m_livePairs / kSweepAtLiveShare)) return;
    const auto awaiting = [this](OutTie tie) { return (m_awaitingSweep[tie.edge >> 7] >> ((tie.edge >> 1) & 63)) & 1; };
    for (auto& out : m_out) std::erase_if(out, awaiting);
    // Free places stay ascending, whatever order the pairs were released in.
    std::vector<uint32_t> fresh;
    fresh.reserve(m_awaitingCount);
    for (size_t w = 0; w < m_awaitingSweep.size(); ++w)
        for (uint64_t bits = m_awaitingSweep[w]; bits; bits &= bits - 1)
            fresh.push_back(uint32_t(w * 64 + size_t(std::countr_zero(bits))));
    std::vector<uint32_t> merged;
    merged.reserve(m_free.size() - m_freeNext + fresh.size());
    std::merge(m_free.begin() + std::ptrdiff_t(m_freeNext), m_free.end(), fresh.begin(), fresh.end(), std::back_inserter(merged));
    m_free.swap(merged);
    m_freeNext = 0;
    std::fill(m_awaitingSweep.begin(), m_awaitingSweep.end(), 0);
    m_awaitingCount = 0;
}

void RelationshipStore::grow() {
    // Twice the slots, filled from the old ones in order: each slot keeps its key's hash, so no
    // pair is read, and an entry's new home is its old one or that plus the old size, so the
    // writes run as two sequential streams.
    std::vector<Slot> old(std::max<size_t>(1024, 2 * m_slots.size()));
    old.swap(m_slots);
    m_mask = m_slots.size() - 1;
    for (const Slot& entry : old) {
        if (entry.pair == kNone) continue;
        uint64_t i = entry.hash & m_mask;
        while (m_slots[i].pair != kNone) i = (i + 1) & m_mask;
        m_slots[i] = entry;
    }
}

RelationshipStore::MemoryUse RelationshipStore::memoryUse() const {
    MemoryUse use;
    use.pairs = m_pairs.bytes();
    use.pairPlaces = m_pairs.size();
    use.slots = m_slots.capacity() * sizeof(Slot);
    use.other = (m_released.capacity() + m_awaitingSweep.capacity()) * 8 + m_free.capacity() * 4;
    use.outLists = m_out.capacity() * sizeof(m_out[0]);
    for (const auto& out : m_out) use.outLists += out.capacity() * sizeof(OutTie);
    return use;
}

size_t RelationshipStore::memoryBytes() const { return memoryUse().total(); }

RelationshipStore::Image RelationshipStore::image() const {
    Image image;
    image.edges.reserve(2 * m_pairs.size());
    for (uint32_t i = 0; i < m_pairs.size(); ++i) image.edges.insert(image.edges.end(), std::begin(m_pairs[i].view), std::end(m_pairs[i].view));
    image.freePairs.assign(m_free.begin() + std::ptrdiff_t(m_freeNext), m_free.end());
    for (size_t w = 0; w < m_awaitingSweep.size(); ++w)
        for (uint64_t bits = m_awaitingSweep[w]; bits; bits &= bits - 1)
            image.releasedPairs.push_back(uint32_t(w * 64 + size_t(std::countr_zero(bits))));
    image.out.resize(m_out.size());
    for (size_t owner = 0; owner < m_out.size(); ++owner)
        for (const OutTie& tie : m_out[owner]) image.out[owner].push_back(tie.edge);
    return image;
}

std::string RelationshipStore::restore(Image image, size_t attendees) {
    clear();
    if (image.edges.size() % 2 != 0) return "an odd number of edges";
    if (image.out.size() != attendees) return "out-lists do not match the attendees";
    const size_t pairs = image.edges.size() / 2;
    if (pairs >= (size_t(1) << 31)) return "more edges than 32-bit indices can hold";
    m_pairs.resize(uint32_t(pairs));
    m_released.assign((pairs + 63) / 64, 0);
    m_awaitingSweep.assign(m_released.size(), 0);
    for (size_t p = 0; p < pairs; ++p) {
        const Edge& a = image.edges[2 * p];
        const Edge& b = image.edges[2 * p + 1];
        if (a.from >= a.to || a.to >= attendees) return "edge between unknown attendees";
        if (b.from != a.to || b.to != a.from) return "edge pair is not two directions of one tie";
        m_pairs[p].view[0] = a;
        m_pairs[p].view[1] = b;
    }
    // Released slots: both lists strictly ascending, within range, and apart.
    for (const auto* list : {&image.freePairs, &image.releasedPairs}) {
        for (size_t i = 0; i < list->size(); ++i) {
            const uint32_t pair = (*list)[i];
            if (pair >= pairs || (i > 0 && pair <= (*list)[i - 1]) || released(2 * pair)) return "bad list of released ties";
            markReleased(pair, true);
            if (list == &image.releasedPairs) m_awaitingSweep[pair >> 6] |= uint64_t(1) << (pair & 63);
        }
    }
    m_free = std::move(image.freePairs);
    m_awaitingCount = image.releasedPairs.size();
    m_livePairs = pairs - m_free.size() - m_awaitingCount;

    size_t capacity = 1024;
    while (slotsTooFull(m_livePairs + 1, capacity)) capacity *= 2;
    m_slots.assign(capacity, Slot{});
    m_mask = capacity - 1;
    for (uint32_t p = 0; p < pairs; ++p) {
        if (released(2 * p)) continue;
        const Edge& e = m_pairs[p].view[0];
        const uint32_t hash = hashOf(e.from, e.to);
        const uint64_t slot = slotOf(e.from, e.to, hash);
        if (m_slots[slot].pair != kNone) return "duplicate edge";
        m_slots[slot] = {p, hash};
    }
    // Each live tie is on its owner's out-list exactly once; released ones awaiting a sweep may be too.
    std::vector<uint8_t> listed(2 * pairs, 0);
    m_out.resize(attendees);
    for (uint32_t owner = 0; owner < attendees; ++owner) {
        m_out[owner].reserve(image.out[owner].size());
        for (uint32_t e : image.out[owner]) {
            if (e >= 2 * pairs || edge(e).from != owner) return "out-list entry is not the attendee's tie";
            const bool awaiting = (m_awaitingSweep[e >> 7] >> ((e >> 1) & 63)) & 1;
            if ((released(e) && !awaiting) || listed[e]++) return "out-list entry is free or repeated";
            m_out[owner].push_back({edge(e).to, e});
        }
    }
    for (uint32_t e = 0; e < 2 * pairs; ++e)
        if (!released(e) && !listed[e]) return "out-list misses a tie";
    return "";
}

}  // namespace tsunagari
