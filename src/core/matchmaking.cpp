// The organiser's matchmaking policy: who talks to whom in each round.
//
// Random mingling shuffles and splits. The other policies build each group greedily
// around a seed person, choosing among a few sampled candidates the one that best fits
// the policy; sampling keeps a round linear in the number of attendees.
#include <algorithm>

#include "professions.h"
#include "world.h"

namespace tsunagari {

namespace {
constexpr int kCandidatesPerSeat = 12;
constexpr int kFriendsConsulted = 24;
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

    auto contactsBetween = [&](uint32_t a, uint32_t b) {
        const uint32_t e = m_relations.find(a, b);
        return e == RelationshipStore::kNone || !m_rules.remembered(m_relations.edge(e), day) ? 0 : int(m_relations.edge(e).contacts);
    };

    std::vector<uint32_t> introducers;  // warm policy: the seed's friends
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

        if (policy == Policy::Warm) {
            introducers.clear();
            for (const auto& tie : m_relations.outEdges(seed)) {
                if (int(introducers.size()) >= kFriendsConsulted) break;
                if (m_rules.trust(m_relations.edge(tie.edge), day) >= friendTrust) introducers.push_back(tie.to);
            }
        }

        while (members.size() - groupBegin < size) {
            size_t bestSlot = 0;
            double bestScore = -1e300, bestIntro = 0;
            const int samples = std::min<int>(kCandidatesPerSeat, int(m_scratch.size()));
            for (int s = 0; s < samples; ++s) {
                const size_t slot = m_rng.below(uint32_t(m_scratch.size()));
                const uint32_t cand = m_scratch[slot];
                double score = 0, intro = 0;
                int pastContacts = 0;
                for (size_t i = groupBegin; i < members.size(); ++i) pastContacts += contactsBetween(members[i], cand);
                switch (policy) {
                case Policy::Rotation:  // as many new pairs as possible
                    score = -pastContacts;
                    break;
                case Policy::Complementary:  // trades that share clients, then new pairs
                    for (size_t i = groupBegin; i < members.size(); ++i)
                        score += complementarity(m_attendees[members[i]].profession, m_attendees[cand].profession);
                    score -= 0.01 * pastContacts;
                    break;
                case Policy::Warm:  // someone a trusted contact of the seed trusts, whom the seed does not know well yet
                    // Known by sight (a chapter's plenary makes every member that) is not knowing
                    // someone well: the introduction is for pairs not yet friends.
                    if (trust(seed, cand) < friendTrust) {
                        for (uint32_t x : introducers) {
                            if (x == cand) continue;
                            const uint32_t e = m_relations.find(x, cand);
                            if (e != RelationshipStore::kNone)
                                intro = std::max(intro, std::min(trust(seed, x), m_rules.trust(m_relations.edge(e), day)));
                        }
                    }
                    score = (intro >= friendTrust ? 1.0 + intro : 0.0) - 0.01 * pastContacts;
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
            // A warm introduction lends the introducer's trust to the new pair (seed 002): each
            // side's pleasant evidence of the other starts from at least what the introducer's
            // word is worth. Once, not at every seating: a second introduction adds nothing.
            if (bestIntro >= friendTrust && m_scenario.mechanisms[Mechanism::WarmIntroductions]) {
                const double lent = m_scenario.params[Param::WarmIntroHours] * bestIntro;
                lendTrust(seed, chosen, lent);
                lendTrust(chosen, seed, lent);
            }
        }
    }
    starts.push_back(uint32_t(members.size()));
}

}  // namespace tsunagari
