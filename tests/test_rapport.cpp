// Rapport: pairs differ in how well they get on (rapport.h). Off by default until calibrated.
#include <doctest/doctest.h>

#include <cmath>

#include "calibration/calibration.h"
#include "rapport.h"
#include "snapshot.h"
#include "world.h"

using namespace tsunagari;

TEST_CASE("rapport: the same both ways and fixed for the pair, mean 1 with the stated spread, exactly 1 when off") {
    CHECK(rapport(7, 3, 9, 0.0) == 1.0);
    CHECK(rapport(7, 3, 9, 0.7) == rapport(7, 9, 3, 0.7));
    CHECK(rapport(7, 3, 9, 0.7) == rapport(7, 3, 9, 0.7));
    CHECK(rapport(7, 3, 9, 0.7) != rapport(8, 3, 9, 0.7));   // another run, other pairs' chemistry
    double sum = 0, sumLog = 0, sumLog2 = 0;
    int n = 0;
    for (uint32_t a = 0; a < 300; ++a)
        for (uint32_t b = a + 1; b < 300; ++b, ++n) {
            const double r = rapport(11, a, b, 0.7);
            REQUIRE(r > 0);
            sum += r;
            sumLog += std::log(r);
            sumLog2 += std::log(r) * std::log(r);
        }
    const double meanLog = sumLog / n;
    CHECK(sum / n == doctest::Approx(1.0).epsilon(0.02));
    CHECK(std::sqrt(sumLog2 / n - meanLog * meanLog) == doctest::Approx(0.7).epsilon(0.02));
}

namespace {
// Members trusted at the referral threshold (0.4) by the average member after two years of a
// weekly chapter with 1-to-1s, over three seeds.
double trustedPerMember(int members, double spread) {
    double trusted = 0;
    for (uint64_t seed = 1; seed <= 3; ++seed) {
        Scenario s = calibration::weeklyChapter(members, 2);
        s.seed = seed;
        s.params[Param::RapportSpread] = spread;
        World w(s);
        w.runToDay(730);
        for (const Attendee& a : w.attendees())
            for (const Attendee& b : w.attendees())
                trusted += a.id != b.id && w.trust(a.id, b.id) >= 0.4;
    }
    return trusted / 3 / members;
}
}  // namespace

TEST_CASE("rapport: with pairs that differ, trust thins gradually with chapter size instead of collapsing") {
    // Without rapport every pair of a chapter gathers trust at nearly the same rate, so the
    // threshold is crossed by almost all pairs or almost none: measured 16.7 trusted colleagues
    // a member at 20 members, 3.2 at 40.
    const double alike20 = trustedPerMember(20, 0.0), alike40 = trustedPerMember(40, 0.0);
    const double spread20 = trustedPerMember(20, 0.7), spread40 = trustedPerMember(40, 0.7);
    INFO("trusted per member, alike: " << alike20 << " at 20, " << alike40 << " at 40; with rapport 0.7: " << spread20
                                       << ", " << spread40);
    CHECK(alike40 < 0.5 * alike20);
    CHECK(spread40 > 0.8 * spread20);
    // Nor everyone with everyone: most colleagues stay below the threshold.
    CHECK(spread20 < 0.6 * 19);
    CHECK(spread40 < 0.6 * 39);
}

// ---- helping again after silence (off by default, like rapport: see docs/calibration.md) -----

namespace {
// A chapter where half the members never report back or thank.
Scenario silentHalf(uint64_t seed, double again) {
    Scenario s = calibration::weeklyChapter(30, 2);
    s.seed = seed;
    s.population[0].count = 15;
    s.population.push_back(s.population[0]);
    s.population[1].label = "silent";
    s.population[1].traits[Trait::ReportBack] = s.population[1].traits[Trait::Gratitude] = 0.0;
    s.params[Param::HelpAgainAfterSilence] = again;
    s.title = {"Half of them silent", "半数が無報告"};
    return s;
}

// Referrals to a silent member (who never reports back or thanks) after an earlier referral of
// the same pair was delivered.
int againAfterSilence(const World& w) {
    int again = 0;
    for (const Referral& r : w.referrals()) {
        if (w.attendees()[r.to].cohort != 1) continue;
        const bool silent = r.status == ReferralStatus::Late ? !r.reportedBack
                          : r.status == ReferralStatus::Delivered && !r.reportedBack && !r.thanked;
        if (!silent) continue;
        for (const Referral& later : w.referrals())
            again += later.from == r.from && later.to == r.to && later.day > r.resolvedDay && later.id > r.id;
    }
    return again;
}
}  // namespace

TEST_CASE("help again after silence: at 0 nobody refers again to someone who stayed silent, at 1 or with the gratitude effect off they do") {
    World never(silentHalf(1, 0.0));
    never.runToDay(730);
    World always(silentHalf(1, 1.0));
    always.runToDay(730);
    Scenario off = silentHalf(1, 0.0);
    off.mechanisms[Mechanism::GratitudeEffect] = false;
    World ignored(off);
    ignored.runToDay(730);
    INFO("referrals after silence: " << againAfterSilence(never) << " at 0, " << againAfterSilence(always) << " at 1, "
                                     << againAfterSilence(ignored) << " with the gratitude effect off");
    CHECK(againAfterSilence(never) == 0);
    CHECK(againAfterSilence(always) > 20);
    CHECK(againAfterSilence(ignored) > 20);
}

TEST_CASE("help again after silence: a snapshot keeps who stayed silent, so a restored run goes on identically") {
    World whole(silentHalf(3, 0.5));
    whole.runToDay(730);
    World first(silentHalf(3, 0.5));
    first.runToDay(400);
    World restored = loadSnapshot(saveSnapshot(first), "mid-run");
    restored.runToDay(730);
    CHECK(restored.stateHash() == whole.stateHash());
    CHECK(restored.referrals().size() == whole.referrals().size());
}
