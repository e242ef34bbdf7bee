// The organiser's matchmaking policy: who talks to whom in each round.
//
// Random mingling shuffles and splits. The other policies build each group greedily
// around a seed person, choosing among a few sampled candidates the one that best fits
// the policy; sampling keeps a round linear in the number of attendees.
#include <algorithm>
#include <array>

#include "professions.h"
#include "world.h"

namespace tsunagari {

namespace {
constexpr int kCandidatesPerSeat = 12;
constexpr int kFriendsConsulted = 24;
// m_seatRoles while a group is seated: a member, and/or the seed's friend number i + 1.
constexpr uint8_t kMemberRole = 0x80, kFriendRoleMask = 0x1F;
static_assert(kFriendsConsulted < kFriendRoleMask);
// A candidate's ties to the group are found by walking the candidate's out-list (short
// sequential reads; only ties to the group touch an edge) when that list is shorter than
// this many entries per hash lookup it replaces; otherwise by hash lookups.
constexpr size_t kScanEntriesPerLookup = 16;
constexpr size_t kPrefetchAhead = 8;   // edges requested ahead of a walk over an out-list

// What a candidate brings to the group being seated, as the policies score it.
struct CandidateTies {
    int pastContacts = 0;   // remembered conversations with the members so far
    double seedTrust = 0;   // the seed's trust in the candidate (warm seating)
    double introTrust = 0;  // best introduction: min(seed's trust in a friend, the friend's in the candidate)
};
}  // namespace

void World::lendTrust(uint32_t from, uint32_t to, double hours) {
    const uint32_t index = m_relations.findOrCreate(from, to, m_day);
    catchUp(index);
    Edge& e = m_relations.edge(index);
    e.good = std::max(e.good, float(hours));
    settle(index);
    releaseIfIdle(index);
}

void World::formGroups(const std::vector<uint32_t>& people, int groupSize, Policy policy) {
    auto& members = m_event.groupMembers;
    auto& starts = m_event.groupStarts;
    members.clear();
    starts.clear();
    m_scratch.assign(people.begin(), people.end());
    m_rng.shuffle(m_scratch);
    const size_t n = m_scratch.size();
    if (n == 0) {
        starts.push_back(0);
        return;
    }
    // Balanced sizes: ceil(n / groupSize) groups, the first few one larger.
    const size_t groups = (n + size_t(groupSize) - 1) / size_t(groupSize);
    const size_t base = n / groups, larger = n % groups;
    const int day = std::max(m_day, 0);
    const double friendTrust = m_rules.stageFriend;

    // The seed's friends, with the seed's trust in each: constant while its group is seated
    // (an introduction lends trust only between the seed and whoever was just seated).
    std::vector<uint32_t> introducers;
    std::vector<double> introducerTrust;
    m_seatRoles.resize(m_attendees.size());   // all zero between groups

    auto byLookups = [&](uint32_t cand, size_t groupBegin) {
        CandidateTies ties;
        for (size_t i = groupBegin; i < members.size(); ++i) {
            const uint32_t e = m_relations.find(members[i], cand);
            if (e != RelationshipStore::kNone && m_rules.remembered(m_relations.edge(e), day)) ties.pastContacts += m_relations.edge(e).contacts;
        }
        if (policy != Policy::Warm) return ties;
        ties.seedTrust = trust(members[groupBegin], cand);
        for (size_t k = 0; k < introducers.size(); ++k) {
            if (introducers[k] == cand || introducerTrust[k] <= ties.introTrust) continue;   // cannot raise the best
            const uint32_t e = m_relations.find(introducers[k], cand);
            if (e != RelationshipStore::kNone)
                ties.introTrust = std::max(ties.introTrust, std::min(introducerTrust[k], m_rules.trust(m_relations.edge(e), day)));
        }
        return ties;
    };
    // The same from the candidate's side: the reverse of the candidate's live tie to each
    // marked person is that person's view of the candidate, the edge a lookup would find.
    std::vector<RelationshipStore::OutTie> marked;   // the candidate's live ties to marked people
    auto byScan = [&](uint32_t cand, uint32_t seed) {
        CandidateTies ties;
        marked.clear();
        const uint8_t* roles = m_seatRoles.data();   // not reloaded at each tie (the pushes below might alias it)
        for (const auto& tie : m_relations.outEdges(cand)) {
            if (roles[tie.to] == 0 || m_relations.released(tie.edge)) continue;
            marked.push_back(tie);
            m_relations.prefetchEdge(tie.edge);   // all requested before any is read: the misses overlap
        }
        for (const auto& tie : marked) {
            const uint8_t role = m_seatRoles[tie.to];
            const Edge& theirs = m_relations.edge(RelationshipStore::reverse(tie.edge));
            if ((role & kMemberRole) && m_rules.remembered(theirs, day)) ties.pastContacts += theirs.contacts;
            if (tie.to == seed) ties.seedTrust = m_rules.trust(theirs, day);
            if (role & kFriendRoleMask) {
                const double lent = introducerTrust[(role & kFriendRoleMask) - 1u];
                if (lent > ties.introTrust) ties.introTrust = std::max(ties.introTrust, std::min(lent, m_rules.trust(theirs, day)));
            }
        }
        return ties;
    };

    for (size_t g = 0; g < groups; ++g) {
        const size_t size = base + (g < larger ? 1 : 0);
        starts.push_back(uint32_t(members.size()));
        if (policy == Policy::Random) {
            for (size_t k = 0; k < size; ++k) {
                members.push_back(m_scratch.back());
                m_scratch.pop_back();
            }
            continue;
        }
        const uint32_t seed = m_scratch.back();
        m_scratch.pop_back();
        members.push_back(seed);
        const size_t groupBegin = members.size() - 1;
        m_seatRoles[seed] |= kMemberRole;

        introducers.clear();
        introducerTrust.clear();
        if (policy == Policy::Warm) {
            const auto& ties = m_relations.outEdges(seed);
            for (size_t k = 0; k < std::min(kPrefetchAhead, ties.size()); ++k) m_relations.prefetchEdge(ties[k].edge);
            for (size_t k = 0; k < ties.size(); ++k) {
                if (int(introducers.size()) >= kFriendsConsulted) break;
                // Most of a long list are not friends: request edges ahead so their misses overlap.
                if (k + kPrefetchAhead < ties.size()) m_relations.prefetchEdge(ties[k + kPrefetchAhead].edge);
                const auto& tie = ties[k];
                if (m_relations.released(tie.edge)) continue;   // reads as forgotten: trust 0
                const double t = m_rules.trust(m_relations.edge(tie.edge), day);
                if (t < friendTrust) continue;
                introducers.push_back(tie.to);
                introducerTrust.push_back(t);
                m_seatRoles[tie.to] |= uint8_t(introducers.size());
            }
        }

        while (members.size() - groupBegin < size) {
            size_t bestSlot = 0;
            double bestScore = -1e300, bestIntro = 0;
            const int samples = std::min<int>(kCandidatesPerSeat, int(m_scratch.size()));
            const size_t lookups = (members.size() - groupBegin) + (policy == Policy::Warm ? 1 + introducers.size() : 0);
            // Drawn first (evaluating draws nothing), so the candidates' out-lists are requested together.
            std::array<size_t, kCandidatesPerSeat> slots{};
            for (int s = 0; s < samples; ++s) {
                slots[size_t(s)] = m_rng.below(uint32_t(m_scratch.size()));
                __builtin_prefetch(m_relations.outEdges(m_scratch[slots[size_t(s)]]).data());
            }
            for (int s = 0; s < samples; ++s) {
                const size_t slot = slots[size_t(s)];
                const uint32_t cand = m_scratch[slot];
                const CandidateTies ties = m_relations.outEdges(cand).size() <= kScanEntriesPerLookup * lookups ? byScan(cand, seed)
                                                                                                                 : byLookups(cand, groupBegin);
                double score = 0, intro = 0;
                switch (policy) {
                case Policy::Rotation:  // as many new pairs as possible
                    score = -ties.pastContacts;
                    break;
                case Policy::Complementary:  // trades that share clients, then new pairs
                    for (size_t i = groupBegin; i < members.size(); ++i)
                        score += complementarity(m_attendees[members[i]].profession, m_attendees[cand].profession);
                    score -= 0.01 * ties.pastContacts;
                    break;
                case Policy::Warm:  // someone a trusted contact of the seed trusts, whom the seed does not know well yet
                    // Known by sight (a chapter's plenary makes every member that) is not knowing
                    // someone well: the introduction is for pairs not yet friends.
                    if (ties.seedTrust < friendTrust) intro = ties.introTrust;
                    score = (intro >= friendTrust ? 1.0 + intro : 0.0) - 0.01 * ties.pastContacts;
                    break;
                default:
                    break;
                }
                if (score > bestScore) {
                    bestScore = score;
                    bestSlot = slot;
                    bestIntro = intro;
                }
            }
            const uint32_t chosen = m_scratch[bestSlot];
            m_scratch[bestSlot] = m_scratch.back();
            m_scratch.pop_back();
            members.push_back(chosen);
            m_seatRoles[chosen] |= kMemberRole;
            // A warm introduction lends the introducer's trust to the new pair (seed 002): each
            // side's pleasant evidence of the other starts from at least what the introducer's
            // word is worth. Once, not at every seating: a second introduction adds nothing.
            if (bestIntro >= friendTrust && m_scenario.mechanisms[Mechanism::WarmIntroductions]) {
                const double lent = m_scenario.params[Param::WarmIntroHours] * bestIntro;
                lendTrust(seed, chosen, lent);
                lendTrust(chosen, seed, lent);
            }
        }
        for (size_t i = groupBegin; i < members.size(); ++i) m_seatRoles[members[i]] = 0;
        for (const uint32_t x : introducers) m_seatRoles[x] = 0;
    }
    starts.push_back(uint32_t(members.size()));
}

}  // namespace tsunagari
