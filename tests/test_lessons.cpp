// The ten lessons of MODEL.md, each over 30 seeds: the effect appears with its mechanism
// and vanishes (or reverses) with the mechanism switched off.
#include <doctest/doctest.h>

#include <map>

#include "experiments/lessons.h"
#include "lesson_support.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

// The effect is real: positive on average, well beyond noise, in most seeds.
void requireEffect(const Sample& gap, const char* what) {
    INFO(std::string(what) << ": mean gap " << gap.mean() << ", standard error " << gap.standardError()
              << ", positive in " << gap.positives() << "/" << gap.values.size() << " seeds");
    CHECK(gap.mean() > 3.0 * gap.standardError());
    CHECK(gap.positives() >= gap.values.size() * 2 / 3);
}

// The effect is gone: no longer distinguishable from noise, or far smaller than with the mechanism.
void requireVanished(const Sample& on, const Sample& off, const char* what) {
    INFO(std::string(what) << ": gap with mechanism " << on.mean() << ", without " << off.mean() << " (standard error "
              << off.standardError() << ")");
    CHECK((off.mean() < 2.5 * off.standardError() + 1e-12 || off.mean() < 0.25 * on.mean()));
}

}  // namespace

TEST_CASE("L1: hard sellers gather more contacts but fewer collaborators and referrals") {
    const Scenario s = shippedScenario("l1_hard_sellers.json");
    REQUIRE(s.events >= 20);
    const auto contacts = overSeeds(s, groupGap("hard_seller", "slow_trust_builder", &GroupFigures::contacts));
    const auto collaborators = overSeeds(s, groupGap("slow_trust_builder", "hard_seller", &GroupFigures::collaborators));
    const auto referrals = overSeeds(s, groupGap("slow_trust_builder", "hard_seller", &GroupFigures::referralsReceived));
    requireEffect(contacts, "hard sellers' extra contacts");
    requireEffect(collaborators, "slow builders' extra collaborators");
    requireEffect(referrals, "slow builders' extra referrals");

    SUBCASE("the habits alone (pitching and breadth), with their mechanisms on and off") {
        // The archetypes differ in more than pitching; the grid's L1 isolates the habit: the
        // same builders, some with a hard seller's pitching and breadth.
        experiments::Situation room;
        room.population = 60;
        room.calendar = experiments::CalendarKind::Both;
        room.years = 2;
        Sample on, off;
        for (int seed = 1; seed <= kLessonSeeds; ++seed) {
            on.values.push_back(experiments::lessonEffect(1, room, true, uint64_t(seed)).effect);
            // Without backlash and 1-to-1s nobody earns enough trust to be referred: no gap (NaN = none made).
            const double gapOff = experiments::lessonEffect(1, room, false, uint64_t(seed)).effect;
            off.values.push_back(std::isfinite(gapOff) ? gapOff : 0.0);
        }
        requireEffect(on, "builders' extra referrals over builders who pitch like hard sellers");
        requireVanished(on, off, "the same without pitch backlash and 1-to-1s");
    }
}

TEST_CASE("L2: gratitude givers get more repeat referrals than otherwise equal members") {
    const Scenario s = shippedScenario("l2_gratitude.json");
    const auto gap = overSeeds(s, groupGap("gratitude giver", "silent receiver", &GroupFigures::repeatReferralsReceived));
    requireEffect(gap, "repeat referrals");
    Scenario off = s;
    off.mechanisms[Mechanism::GratitudeEffect] = false;
    requireVanished(gap, overSeeds(off, groupGap("gratitude giver", "silent receiver", &GroupFigures::repeatReferralsReceived)),
                    "repeat referrals without the gratitude effect");
}

namespace {
// Referrals from A to B in the year after B's answer to A's first referral, per such pair.
struct FollowUps {
    double afterDecline = 0, afterAccept = 0;
};
FollowUps followUps(const World& w) {
    std::map<std::pair<uint32_t, uint32_t>, const Referral*> firsts;
    for (const auto& r : w.referrals())
        if (r.first) firsts[{r.from, r.to}] = &r;
    double declinedPairs = 0, acceptedPairs = 0, afterDecline = 0, afterAccept = 0;
    for (const auto& [pair, first] : firsts) {
        if (first->day + 365 > w.day()) continue;  // only pairs with a full year to watch
        const bool declined = first->status == ReferralStatus::Declined;
        (declined ? declinedPairs : acceptedPairs) += 1;
        for (const auto& r : w.referrals())
            if (r.from == pair.first && r.to == pair.second && r.day > first->day && r.day <= first->day + 365)
                (declined ? afterDecline : afterAccept) += 1;
    }
    return {declinedPairs > 0 ? afterDecline / declinedPairs : 0, acceptedPairs > 0 ? afterAccept / acceptedPairs : 0};
}
}  // namespace

TEST_CASE("L3: declining a first referral cuts referrals from that referrer for a long time") {
    Scenario s = shippedScenario("l3_first_referral.json");
    s.events = 160;  // long enough for a year of follow-ups after many first referrals
    const auto gap = overSeeds(s, [](const World& w) { auto f = followUps(w); return f.afterAccept - f.afterDecline; });
    const auto afterDecline = overSeeds(s, [](const World& w) { return followUps(w).afterDecline; });
    requireEffect(gap, "follow-up referrals after accepting minus after declining");
    CHECK(afterDecline.mean() == 0.0);  // blocked for three years: nothing within one
    Scenario off = s;
    off.mechanisms[Mechanism::FirstDeclineBlock] = false;
    const auto offGap = overSeeds(off, [](const World& w) { auto f = followUps(w); return f.afterAccept - f.afterDecline; });
    const auto offAfterDecline = overSeeds(off, [](const World& w) { return followUps(w).afterDecline; });
    const auto offAfterAccept = overSeeds(off, [](const World& w) { return followUps(w).afterAccept; });
    INFO("without the block: " << offAfterDecline.mean() << " after decline vs " << offAfterAccept.mean() << " after accept");
    CHECK(offAfterDecline.mean() > 0.5 * offAfterAccept.mean());
    CHECK(offGap.mean() < 0.5 * gap.mean());
}

TEST_CASE("L4: careless referrers lose client reputation when their contacts are unreliable") {
    const Scenario s = shippedScenario("l4_careless_referrers.json");
    const auto gap = overSeeds(s, groupGap("selective referrer", "careless referrer", &GroupFigures::reputation));
    requireEffect(gap, "selective minus careless reputation");
    const auto selectiveLoss = overSeeds(s, [](const World& w) {
        return w.params()[Param::InitialReputation] - w.history().back().groups[size_t(groupIndex(w, "selective referrer"))].reputation;
    });
    const auto carelessLoss = overSeeds(s, [](const World& w) {
        return w.params()[Param::InitialReputation] - w.history().back().groups[size_t(groupIndex(w, "careless referrer"))].reputation;
    });
    CHECK(carelessLoss.mean() > 3 * selectiveLoss.mean());
    SUBCASE("with reliable contacts the careless lose nothing relative to the selective") {
        Scenario reliable = s;
        for (auto& c : reliable.population) c.traits[Trait::Reliability] = 1.0;
        requireVanished(gap, overSeeds(reliable, groupGap("selective referrer", "careless referrer", &GroupFigures::reputation)),
                        "reputation gap with reliable contacts");
    }
    SUBCASE("with reputation not at stake nobody's reputation moves") {
        Scenario off = s;
        off.mechanisms[Mechanism::ReputationAtStake] = false;
        const auto offGap = overSeeds(off, groupGap("selective referrer", "careless referrer", &GroupFigures::reputation));
        CHECK(offGap.mean() == doctest::Approx(0.0));
    }
}

namespace {
// Share of a mixer's new acquaintances still remembered `days` after it.
double rememberedAfter(Scenario s, int seed, int days) {
    s.seed = uint64_t(seed);
    World w(s);
    w.runEvents(1);
    const int mixerDay = w.day();
    std::vector<std::pair<uint32_t, uint32_t>> met;  // later referrals may add ties: not counted
    w.relationships().forEachEdge([&](uint32_t, const Edge& e) {
        if (w.trustRules().remembered(e, mixerDay)) met.emplace_back(e.from, e.to);
    });
    w.runToDay(mixerDay + days);
    double kept = 0;
    for (const auto& [from, to] : met) kept += w.stage(from, to) != Stage::Stranger;
    return met.empty() ? 0 : kept / double(met.size());
}
}  // namespace

TEST_CASE("L5: without repeated contact, mixer acquaintances fade within about a month") {
    Scenario s = shippedScenario("l5_fading_acquaintances.json");
    s.calendar[0].everyDays = 1000;  // one mixer and then nothing
    Sample after30, after7, off30;
    Scenario off = s;
    off.mechanisms[Mechanism::Forgetting] = false;
    for (int seed = 1; seed <= kLessonSeeds; ++seed) {
        after7.values.push_back(rememberedAfter(s, seed, 7));
        after30.values.push_back(rememberedAfter(s, seed, 45));
        off30.values.push_back(rememberedAfter(off, seed, 30));
    }
    INFO("remembered after 7 days " << after7.mean() << ", after 45 days " << after30.mean() << ", without forgetting " << off30.mean());
    CHECK(after7.mean() > 0.7);    // a week later most are still there
    CHECK(after30.mean() < 0.2);   // a swapped card lasts about a month, a table talk about forty days
    CHECK(off30.mean() == doctest::Approx(1.0));
    SUBCASE("monthly mixers alone never build a network") {
        const Scenario monthly = shippedScenario("l5_fading_acquaintances.json");
        const auto contacts = overSeeds(monthly, [](const World& w) { return w.history().back().groups[0].contacts; });
        Scenario monthlyOff = monthly;
        monthlyOff.mechanisms[Mechanism::Forgetting] = false;
        const auto contactsOff = overSeeds(monthlyOff, [](const World& w) { return w.history().back().groups[0].contacts; });
        CHECK(contactsOff.mean() > 2.5 * contacts.mean());
    }
}

TEST_CASE("L6: late without notice costs trust, a message keeps most of it") {
    const Scenario s = shippedScenario("l6_lateness.json");
    Scenario off = s;
    off.mechanisms[Mechanism::LatenessCosts] = false;
    auto trustIn = [](const char* label) {
        return [label](const World& w) { return w.history().back().groups[size_t(groupIndex(w, label))].trustReceived; };
    };
    // Latecomers also miss the first round; the cost of lateness itself is what the switch removes.
    const double silentCost = overSeeds(off, trustIn("late, silent")).mean() - overSeeds(s, trustIn("late, silent")).mean();
    const double messageCost = overSeeds(off, trustIn("late, messages")).mean() - overSeeds(s, trustIn("late, messages")).mean();
    INFO("trust lost by silent latecomers " << silentCost << ", by those who send a message " << messageCost);
    CHECK(silentCost > 0.01);
    CHECK(messageCost < 0.4 * silentCost);  // the message keeps most of it
    const auto gapOn = overSeeds(s, groupGap("late, messages", "late, silent", &GroupFigures::trustReceived));
    requireEffect(gapOn, "messages minus silent");
    requireVanished(gapOn, overSeeds(off, groupGap("late, messages", "late, silent", &GroupFigures::trustReceived)),
                    "gap without lateness costs");
}

namespace {
// Mean reputation change per complaint on failed referrals made by members of `label`.
double lossPerComplaint(const World& w, const std::string& label) {
    const int g = groupIndex(w, label);
    double loss = 0, n = 0;
    for (const auto& r : w.referrals())
        if (r.complaintReceived && w.attendees()[r.from].group == g) { loss -= r.reputationChange; n += 1; }
    return n > 0 ? loss / n : 0;
}
}  // namespace

TEST_CASE("L7: honest disclosure limits the damage of a failed weak-tie referral") {
    const Scenario s = shippedScenario("l7_disclosure.json");
    auto gap = [](const World& w) { return lossPerComplaint(w, "does not disclose") - lossPerComplaint(w, "discloses"); };
    const auto on = overSeeds(s, gap);
    requireEffect(on, "loss per complaint, silent minus honest");
    Scenario off = s;
    off.mechanisms[Mechanism::DisclosureSoftens] = false;
    requireVanished(on, overSeeds(off, gap), "without disclosure softening");
}

TEST_CASE("L8: complaint handling on both sides recovers reputation") {
    const Scenario s = shippedScenario("l8_complaint_handling.json");
    auto gap = [](const World& w) { return lossPerComplaint(w, "does not follow up") - lossPerComplaint(w, "follows up"); };
    const auto on = overSeeds(s, gap);
    requireEffect(on, "loss per complaint without minus with follow-up");
    const auto reputation = overSeeds(s, groupGap("follows up", "does not follow up", &GroupFigures::reputation));
    requireEffect(reputation, "reputation of those who follow up");
    SUBCASE("the receiver's follow-up helps too") {
        Scenario both = s;
        for (auto& c : both.population)
            if (c.archetype == "unreliable_professional") c.traits[Trait::ComplaintHandling] = 1.0;
        auto absoluteLoss = [](const World& w) { return lossPerComplaint(w, "does not follow up"); };
        CHECK(overSeeds(both, absoluteLoss).mean() < 0.8 * overSeeds(s, absoluteLoss).mean());
    }
    Scenario off = s;
    off.mechanisms[Mechanism::ComplaintHandling] = false;
    requireVanished(on, overSeeds(off, gap), "without complaint handling");
}

TEST_CASE("L9: referral fees do not raise referrals from trust-based referrers") {
    const Scenario s = shippedScenario("l9_referral_fees.json");
    const auto gap = overSeeds(s, groupGap("offers fees", "no fees", &GroupFigures::referralsReceived));
    INFO("fee offerers minus others: " << gap.mean() << " (standard error " << gap.standardError() << ")");
    CHECK(std::abs(gap.mean()) < 2.5 * gap.standardError() + 0.05);
    SUBCASE("referrers who care about fees do send more to fee offerers") {
        Scenario feeMinded = s;
        setTraitForLabel(feeMinded, "trust-based referrer", Trait::FeeAppetite, 1.0);
        const auto feeGap = overSeeds(feeMinded, groupGap("offers fees", "no fees", &GroupFigures::referralsReceived));
        requireEffect(feeGap, "fee offerers' extra referrals from fee-minded referrers");
        CHECK(feeGap.mean() > 10 * std::abs(gap.mean()));
    }
}

TEST_CASE("L10: a weekly closed chapter builds more collaborator ties than monthly mixers for the same hours") {
    const Scenario s = shippedScenario("l10_chapter_vs_mixer.json");
    // Same hours: 52 weekly 1.5-hour meetings against 13 six-hour mixers.
    double chapterHours = 0, mixerHours = 0;
    for (const auto& e : s.calendar) {
        if (e.kind == EventKind::Chapter) chapterHours += e.hours / e.everyDays;
        if (e.kind == EventKind::Mixer) mixerHours += e.hours / e.everyDays;
    }
    CHECK(chapterHours == doctest::Approx(mixerHours).epsilon(0.05));
    const auto gap = overSeeds(s, groupGap("chapter member", "mixer goer", &GroupFigures::collaborators));
    requireEffect(gap, "chapter minus mixer collaborators");
    SUBCASE("if one meeting were enough to trust someone, mixers would win") {
        Scenario off = s;
        off.mechanisms[Mechanism::TrustNeedsRepetition] = false;
        const auto offGap = overSeeds(off, groupGap("mixer goer", "chapter member", &GroupFigures::collaborators));
        requireEffect(offGap, "mixer minus chapter collaborators without repetition");
    }
}

TEST_CASE("calibration (Nowak 2006): hard sellers fare relatively better at one-off mixers than in a weekly chapter") {
    // The same people, 40 events of either format: repeated meetings are what punish early pitching.
    const Scenario base = shippedScenario("l1_hard_sellers.json");
    auto only = [&](EventKind kind) {
        Scenario s = base;
        for (auto& e : s.calendar) {
            const bool keep = kind == EventKind::Chapter ? e.kind != EventKind::Mixer : e.kind == EventKind::Mixer;
            if (!keep) e.firstDay = 36000;  // never reached
            if (e.kind == EventKind::Mixer) e.everyDays = 7;
        }
        return s;
    };
    auto share = [](const World& w) {
        const auto& g = w.history().back().groups;
        // Mixers pass almost no referrals (seed 004), so the comparison is of trust received.
        const double hard = g[size_t(groupIndex(w, "hard_seller"))].trustReceived;
        const double slow = g[size_t(groupIndex(w, "slow_trust_builder"))].trustReceived;
        return hard / std::max(hard + slow, 1e-9);
    };
    const auto chapter = overSeeds(only(EventKind::Chapter), share, 40);
    const auto mixer = overSeeds(only(EventKind::Mixer), share, 40);
    INFO("hard sellers' share of the two groups' trust received: chapter " << chapter.mean() << ", mixers " << mixer.mean());
    CHECK(mixer.mean() > chapter.mean() + 3 * (mixer.standardError() + chapter.standardError()));
}

TEST_CASE("seed 000: referring carelessly earns a newcomer no referrals from the members it refers to") {
    // In the newcomer's chapter, newcomers who refer their clients to anyone receive the most
    // referrals in their first year, which once read as "the referrals they send come back".
    // They do not: what they receive beyond other newcomers comes from each other (four
    // careless referrers in one room pass clients among themselves). From the 30 members they
    // receive no more than average newcomers do, and their clients' trust falls.
    struct Year {
        double fromMembers = 0, fromNewcomers = 0, reputation = 0;
    };
    auto firstYear = [](const char* archetype) {
        Year y;
        const int seeds = 12;
        for (int seed = 1; seed <= seeds; ++seed) {
            Scenario s = shippedScenario("newcomer.json");
            s.seed = uint64_t(seed);
            s.population[1].archetype = archetype;
            s.population[1].traits = findArchetype(archetype)->traits;
            World w(s);
            w.runToDay(365);
            for (const Referral& r : w.referrals())
                if (w.attendees()[r.to].cohort == 1) (w.attendees()[r.from].cohort == 1 ? y.fromNewcomers : y.fromMembers) += 1;
            for (const Attendee& a : w.attendees())
                if (a.cohort == 1) {
                    double t = 0;
                    for (float c : a.clientTrust) t += c;
                    y.reputation += t / double(a.clientTrust.size());
                }
        }
        const double n = 4.0 * seeds;
        return Year{y.fromMembers / n, y.fromNewcomers / n, y.reputation / n};
    };
    const Year careless = firstYear("careless_referrer"), average = firstYear("average");
    INFO("per newcomer, first year: careless " << careless.fromMembers << " from members + " << careless.fromNewcomers
                                                << " from newcomers, reputation " << careless.reputation << "; average "
                                                << average.fromMembers << " + " << average.fromNewcomers << ", " << average.reputation);
    // The careless pass clients among themselves: what they receive beyond average newcomers
    // comes mostly from each other, and from each other they receive several times as much.
    CHECK(careless.fromNewcomers - average.fromNewcomers > 2 * (careless.fromMembers - average.fromMembers));
    CHECK(careless.fromNewcomers > 4 * average.fromNewcomers);
    CHECK(careless.fromMembers < 1.25 * average.fromMembers);        // the members do not repay carelessness
    CHECK(careless.reputation < average.reputation);
}
