// Client demand: a need is for one of the economy's trades, all equally often, and only a trade
// someone in the world practises can be referred. A room that covers more trades serves more
// needs (BNI's one member per trade, its "rule of 20"); members sharing a trade share its demand.
#include <doctest/doctest.h>

#include "model_support.h"
#include "professions.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

// `members` people of distinct trades who meet daily and refer to anyone they remember
// (threshold 0, nobody busy): referrals measure demand alone, not trust.
double referralsPerMember(int members, const std::vector<std::string>& trades = {}) {
    Scenario s;
    s.seed = 7;
    s.population = {cohortOf("average", members)};
    s.population[0].traits[Trait::ReferralThreshold] = 0;
    s.population[0].traits[Trait::PitchPressure] = 0;
    s.population[0].traits[Trait::Punctuality] = 1;
    s.population[0].professions = trades;
    s.params[Param::BusyChance] = 0;
    s.mechanisms[Mechanism::ClientsReact] = false;   // every client keeps asking
    s.calendar = {seriesOf("daily chapter", EventKind::Chapter, 1)};
    World w(s);
    w.runToDay(365);
    return double(w.referrals().size()) / members;
}

}  // namespace

TEST_CASE("demand: a room covering more trades passes more referrals per member in proportion to the trades it covers") {
    const double trades = double(professions().size());
    const double small = referralsPerMember(6), large = referralsPerMember(24);
    INFO("per member: 6 trades " << small << ", 24 trades " << large);
    // Needs a member can pass on: the other members' trades out of all of them (5 of 36, 23 of 36).
    const double expected = (23 / trades) / (5 / trades);
    CHECK(large / small > 0.8 * expected);
    CHECK(large / small < 1.2 * expected);
    // 50 clients x 4 needs a year, 5/36 of them for another member's trade.
    CHECK(small == doctest::Approx(200 * 5 / trades).epsilon(0.2));
}

TEST_CASE("demand: members who share a trade share its demand so a room of one trade passes nothing") {
    const std::vector<std::string> oneTrade{"lawyer"};
    CHECK(referralsPerMember(12, oneTrade) == 0.0);
    // Two trades, six of each: each member passes needs for the other trade only (1 in 36).
    const std::vector<std::string> twoTrades{"lawyer", "tax_accountant"};
    const double perMember = referralsPerMember(12, twoTrades);
    CHECK(perMember == doctest::Approx(200 / double(professions().size())).epsilon(0.25));
}
