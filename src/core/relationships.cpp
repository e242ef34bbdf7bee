// Trust arithmetic and the edge store behind it.
#include "relationships.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tsunagari {

namespace {
constexpr uint64_t kEmpty = ~0ull;

uint64_t mix(uint64_t x) {  // splitmix64 finaliser: our own hash, the same everywhere
    x ^= x >> 30; x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27; x *= 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
}  // namespace

const char* stageKey(Stage s) {
    static const char* keys[] = {"stranger", "acquaintance", "known", "friend", "collaborator"};
    return keys[int(s)];
}

TrustRules TrustRules::from(const Params& p, const Mechanisms& m) {
    TrustRules r;
    r.confidenceHours = p[Param::ConfidenceHours];
    r.halfLifeDays = p[Param::MemoryHalfLifeDays];
    r.consolidation = p[Param::ConsolidationPerContact];
    r.forgetBelow = p[Param::ForgetBelowHours];
    r.stageKnown = p[Param::StageKnown];
    r.stageFriend = p[Param::StageFriend];
    r.stageCollaborator = p[Param::StageCollaborator];
    r.forgetting = m[Mechanism::Forgetting];
    r.needsRepetition = m[Mechanism::TrustNeedsRepetition];
    return r;
}

double TrustRules::fade(const Edge& e, int day) const {
    const int elapsed = day - e.lastDay;
    if (!forgetting || elapsed <= 0) return 1.0;
    // Each remembered contact consolidates the memory: seeing someone weekly keeps them.
    const double halfLife = halfLifeDays * (1.0 + consolidation * std::max(0, e.contacts - 1));
    return std::exp2(-double(elapsed) / halfLife);
}

int TrustRules::forgetDay(const Edge& e) const {
    const double total = double(e.good) + double(e.bad);
    if (total <= 0 || total < forgetBelow) return e.lastDay;
    if (!forgetting) return std::numeric_limits<int32_t>::max();
    // Remembered while total * 2^(-elapsed/halfLife) >= forgetBelow.
    const double halfLife = halfLifeDays * (1.0 + consolidation * std::max(0, e.contacts - 1));
    const double days = std::floor(halfLife * std::log2(total / forgetBelow));
    return int(std::min<double>(double(e.lastDay) + days + 1.0, std::numeric_limits<int32_t>::max()));
}

double TrustRules::trustUpperBound(const Edge& e) const {
    // Fading scales r and s alike: the sceptical estimate only falls, the uniform one moves toward 1/2.
    const double r = e.good, s = e.bad;
    return needsRepetition ? r / (r + s + confidenceHours) : std::max((r + 1.0) / (r + s + 2.0), 0.5);
}

double TrustRules::trust(const Edge& e, int day) const {
    if (!remembered(e, day)) return 0.0;
    const double f = fade(e, day);
    const double r = e.good * f, s = e.bad * f;
    if (!needsRepetition) return (r + 1.0) / (r + s + 2.0);  // Jøsang's uniform prior: one meeting is enough
    return r / (r + s + confidenceHours);
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

void RelationshipStore::clear() {
    m_edges.clear();
    m_out.clear();
    m_slotKeys.clear();
    m_slotEdges.clear();
    m_mask = 0;
}

void RelationshipStore::resizeAttendees(size_t n) {
    if (m_out.size() < n) m_out.resize(n);
}

void RelationshipStore::reserve(size_t edges) {
    m_edges.reserve(edges);
    while ((m_mask + 1) < edges * 2) grow();
}

uint32_t RelationshipStore::find(uint32_t from, uint32_t to) const {
    if (m_slotKeys.empty()) return kNone;
    const uint64_t key = keyOf(from, to);
    for (uint64_t slot = mix(key) & m_mask;; slot = (slot + 1) & m_mask) {
        const uint64_t k = m_slotKeys[slot];
        if (k == key) return m_slotEdges[slot];
        if (k == kEmpty) return kNone;
    }
}

uint32_t RelationshipStore::findOrCreate(uint32_t from, uint32_t to, int day) {
    if ((m_edges.size() + 1) * 2 > m_slotKeys.size()) grow();
    const uint64_t key = keyOf(from, to);
    uint64_t slot = mix(key) & m_mask;
    for (;; slot = (slot + 1) & m_mask) {
        const uint64_t k = m_slotKeys[slot];
        if (k == key) return m_slotEdges[slot];
        if (k == kEmpty) break;
    }
    const auto index = uint32_t(m_edges.size());
    Edge e;
    e.from = from;
    e.to = to;
    e.lastDay = day;
    m_edges.push_back(e);
    m_slotKeys[slot] = key;
    m_slotEdges[slot] = index;
    m_out[from].push_back(index);
    return index;
}

void RelationshipStore::grow() {
    const size_t capacity = m_slotKeys.empty() ? 1024 : m_slotKeys.size() * 2;
    m_slotKeys.resize(capacity);
    rebuildIndex();
}

void RelationshipStore::rebuildIndex() {
    const size_t capacity = std::max<size_t>(1024, m_slotKeys.size());
    m_slotKeys.assign(capacity, kEmpty);
    m_slotEdges.assign(capacity, 0);
    m_mask = capacity - 1;
    for (uint32_t i = 0; i < m_edges.size(); ++i) {  // re-insert in creation order
        const uint64_t key = keyOf(m_edges[i].from, m_edges[i].to);
        uint64_t slot = mix(key) & m_mask;
        while (m_slotKeys[slot] != kEmpty) slot = (slot + 1) & m_mask;
        m_slotKeys[slot] = key;
        m_slotEdges[slot] = i;
    }
}

size_t RelationshipStore::memoryBytes() const {
    size_t bytes = m_edges.capacity() * sizeof(Edge) + m_slotKeys.capacity() * 8 + m_slotEdges.capacity() * 4;
    for (const auto& out : m_out) bytes += out.capacity() * 4 + sizeof(out);
    return bytes;
}

}  // namespace tsunagari
