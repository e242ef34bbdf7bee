// Measures, per chapter size, the chain from trusted colleagues to referrals passed.
#include "calibration/chapter_size.h"

#include <cstdio>

#include "calibration/calibration.h"
#include "professions.h"
#include "world.h"

namespace tsunagari::calibration {

namespace {

// Whether `from` would refer a client to `to` today: the choice World::refer makes, read from outside.
bool wouldReferTo(const World& w, uint32_t from, uint32_t to) {
    const uint32_t e = w.relationships().find(from, to);
    if (e == RelationshipStore::kNone) return false;
    const Edge& edge = w.relationships().edge(e);
    if (edge.blockedUntil > w.day() || !w.trustRules().remembered(edge, w.day())) return false;
    return w.trustRules().trust(edge, w.day()) >= w.attendees()[from].traits[Trait::ReferralThreshold];
}

double trustedPerMember(const World& w) {
    const auto n = uint32_t(w.attendees().size());
    double trusted = 0;
    for (uint32_t a = 0; a < n; ++a)
        for (uint32_t b = 0; b < n; ++b) trusted += a != b && wouldReferTo(w, a, b);
    return trusted / n;
}

// A need is for one of the economy's trades, all equally often; needs in the adviser's own trade
// stay in house, and needs for a trade nobody in the world practises go elsewhere
// (World::tryReferral). Returns, averaged over members, the share of needs that are for another
// member's trade, and the share of those a trusted member could take.
std::pair<double, double> needShares(const World& w) {
    const auto& people = w.attendees();
    const auto n = uint32_t(people.size());
    const auto trades = size_t(w.params()[Param::EconomyTrades]);   // needs are drawn over these
    std::vector<int> practising(professions().size(), 0);
    for (const Attendee& p : people) ++practising[size_t(p.profession)];
    double needShare = 0, coveredShare = 0;
    for (uint32_t a = 0; a < n; ++a) {
        double needs = 0, covered = 0;
        for (size_t trade = 0; trade < trades; ++trade) {
            if (int(trade) == people[a].profession || practising[trade] == 0) continue;
            needs += 1;
            bool found = false;
            for (uint32_t b = 0; b < n && !found; ++b) found = people[b].profession == int(trade) && wouldReferTo(w, a, b);
            covered += found;
        }
        needShare += needs / double(trades);
        coveredShare += needs > 0 ? covered / needs : 0;
    }
    return {needShare / n, coveredShare / n};
}

ChapterSizeProfile profileOf(int members, uint64_t seed, const Params& params) {
    Scenario s = weeklyChapter(members, 2);
    s.params = params;
    s.seed = seed;
    World w(s);
    ChapterSizeProfile p;
    p.members = members;
    w.runToDay(365);
    p.trustedYearOne = trustedPerMember(w);
    double needShare = 0, covered = 0;
    int weeks = 0;
    for (int day = 365 + 7; day <= 730; day += 7, ++weeks) {
        w.runToDay(day);
        const auto [need, cover] = needShares(w);
        needShare += need;
        covered += cover;
    }
    p.trustedYearTwo = trustedPerMember(w);
    p.needsYearTwo = params[Param::ClientsPerAttendee] * params[Param::NeedsPerClientPerYear] * needShare / weeks;
    p.coveredYearTwo = covered / weeks;
    for (const Referral& r : w.referrals()) p.referralsYearTwo += r.day >= 365;
    p.referralsYearTwo /= members;
    return p;
}

}  // namespace

std::vector<ChapterSizeProfile> chapterSizeProfiles(const std::vector<int>& sizes, int seeds, const Params& params) {
    std::vector<ChapterSizeProfile> out;
    for (const int members : sizes) {
        ChapterSizeProfile sum;
        sum.members = members;
        for (int seed = 1; seed <= seeds; ++seed) {
            const ChapterSizeProfile p = profileOf(members, uint64_t(seed), params);
            sum.trustedYearOne += p.trustedYearOne / seeds;
            sum.trustedYearTwo += p.trustedYearTwo / seeds;
            sum.needsYearTwo += p.needsYearTwo / seeds;
            sum.coveredYearTwo += p.coveredYearTwo / seeds;
            sum.referralsYearTwo += p.referralsYearTwo / seeds;
        }
        out.push_back(sum);
    }
    return out;
}

std::string formatChapterSizes(const std::vector<ChapterSizeProfile>& profiles, int seeds) {
    std::string out = "Weekly chapter with 1-to-1s, per member (mean of " + std::to_string(seeds) + " seeds):\n"
                      "members  trusted after 1 y  after 2 y  needs in year 2  share found a trusted member  referrals in year 2\n";
    char line[160];
    for (const auto& p : profiles) {
        std::snprintf(line, sizeof line, "%7d  %17.2f  %9.2f  %15.1f  %28.3f  %19.1f\n", p.members, p.trustedYearOne,
                      p.trustedYearTwo, p.needsYearTwo, p.coveredYearTwo, p.referralsYearTwo);
        out += line;
    }
    return out;
}

}  // namespace tsunagari::calibration
