// Trust arithmetic and the edge store behind it.
#include "relationships.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tsunagari {

namespace {

// 2^x for x <= 0 and log2(x) for x > 0, in plain IEEE arithmetic (a few ulps from libm,
// identical on every platform, and several times faster: they run once per edge per event).
double exp2NonPositive(double x) {
    if (x < -1000) return 0.0;
    const double whole = std::nearbyint(x);
    const double y = (x - whole) * 0.6931471805599453;  // |y| <= ln2 / 2
    // Taylor series of e^y to degree 9: relative error below 1e-10 on this range.
    const double p = 1.0 + y * (1.0 + y * (1.0 / 2 + y * (1.0 / 6 + y * (1.0 / 24 + y * (1.0 / 120 + y * (1.0 / 720
                   + y * (1.0 / 5040 + y * (1.0 / 40320 + y * (1.0 / 362880)))))))));
    return std::ldexp(p, int(whole));
}

double log2Positive(double x) {
    int exponent = 0;
    const double m = std::frexp(x, &exponent);  // x = m * 2^exponent, m in [0.5, 1)
    // log2(m) = 2 atanh(t) / ln 2 with t = (m - 1) / (m + 1), |t| <= 1/3: a short odd series.
    const double t = (m - 1.0) / (m + 1.0), t2 = t * t;
    const double series = t * (2.0 + t2 * (2.0 / 3 + t2 * (2.0 / 5 + t2 * (2.0 / 7 + t2 * (2.0 / 9 + t2 * (2.0 / 11
                        + t2 * (2.0 / 13 + t2 * (2.0 / 15 + t2 * (2.0 / 17)))))))));
    return double(exponent) + series * 1.4426950408889634;
}

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
    return exp2NonPositive(-double(elapsed) / halfLife);
}

int TrustRules::forgetDay(const Edge& e) const {
    const double total = double(e.good) + double(e.bad);
    if (total <= 0 || total < forgetBelow) return e.lastDay;
    if (!forgetting) return std::numeric_limits<int32_t>::max();
    // Remembered while total * 2^(-elapsed/halfLife) >= forgetBelow.
    const double halfLife = halfLifeDays * (1.0 + consolidation * std::max(0, e.contacts - 1));
    const double days = std::floor(halfLife * log2Positive(total / forgetBelow));
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
    m_slots.clear();
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
    if (m_slots.empty()) return kNone;
    const uint64_t hash = mix(keyOf(from, to));
    const auto tag = uint32_t(hash >> 32);
    for (uint64_t i = hash & m_mask;; i = (i + 1) & m_mask) {
        const Slot& slot = m_slots[i];
        if (slot.edge == kNone) return kNone;
        if (matches(slot, tag, from, to)) return slot.edge;
    }
}

void RelationshipStore::prefetchSlot(uint32_t from, uint32_t to) const {
    if (!m_slots.empty()) __builtin_prefetch(&m_slots[mix(keyOf(from, to)) & m_mask]);
}

void RelationshipStore::prefetchEdge(uint32_t from, uint32_t to) const {
    const uint32_t e = find(from, to);
    if (e != kNone) __builtin_prefetch(&m_edges[e], 1);
}

uint32_t RelationshipStore::findOrCreate(uint32_t from, uint32_t to, int day) {
    if ((m_edges.size() + 1) * 2 > m_slots.size()) grow();
    const uint64_t hash = mix(keyOf(from, to));
    const auto tag = uint32_t(hash >> 32);
    uint64_t i = hash & m_mask;
    for (;; i = (i + 1) & m_mask) {
        const Slot& slot = m_slots[i];
        if (slot.edge == kNone) break;
        if (matches(slot, tag, from, to)) return slot.edge;
    }
    const auto index = uint32_t(m_edges.size());
    Edge e;
    e.from = from;
    e.to = to;
    e.lastDay = day;
    e.forgetDay = day;
    m_edges.push_back(e);
    m_slots[i] = {index, tag};
    m_out[from].push_back(index);
    return index;
}

void RelationshipStore::grow() {
    m_slots.resize(m_slots.empty() ? 1024 : m_slots.size() * 2);
    rebuildIndex();
}

void RelationshipStore::rebuildIndex() {
    const size_t capacity = std::max<size_t>(1024, m_slots.size());
    m_slots.assign(capacity, Slot{});
    m_mask = capacity - 1;
    // Re-insert in creation order; the home slot of an edge a little ahead is requested early,
    // so the random writes overlap instead of waiting on memory one by one.
    constexpr uint32_t kAhead = 16;
    const auto count = uint32_t(m_edges.size());
    for (uint32_t index = 0; index < count; ++index) {
        if (index + kAhead < count)
            __builtin_prefetch(&m_slots[mix(keyOf(m_edges[index + kAhead].from, m_edges[index + kAhead].to)) & m_mask], 1);
        const uint64_t hash = mix(keyOf(m_edges[index].from, m_edges[index].to));
        uint64_t i = hash & m_mask;
        while (m_slots[i].edge != kNone) i = (i + 1) & m_mask;
        m_slots[i] = {index, uint32_t(hash >> 32)};
    }
}

size_t RelationshipStore::memoryBytes() const {
    size_t bytes = m_edges.capacity() * sizeof(Edge) + m_slots.capacity() * sizeof(Slot);
    for (const auto& out : m_out) bytes += out.capacity() * 4 + sizeof(out);
    return bytes;
}

}  // namespace tsunagari
