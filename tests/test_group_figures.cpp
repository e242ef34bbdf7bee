// Per-group figures come from one pass over attendees into per-group slots (issue 11 item 5:
// they cost groups x attendees before). These check that the pass still gives each group the
// means of exactly its own active members, whatever the number of groups.
#include <doctest/doctest.h>

#include "model_support.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

// The means of one group computed the plain way: its active members only.
GroupFigures directFigures(const World& w, int group) {
    GroupFigures f;
    for (const auto& a : w.attendees()) {
        if (!a.active || a.group != group) continue;
        ++f.members;
        f.contacts += a.snapshot.contacts;
        f.referralsGiven += a.counters.referralsGiven;
        f.reputation += a.snapshot.reputation;
    }
    if (f.members > 0) {
        f.contacts /= f.members;
        f.referralsGiven /= f.members;
        f.reputation /= f.members;
    }
    return f;
}

// Many small cohorts, some sharing a label (one group), in a daily mixer.
Scenario manyCohorts(int cohorts) {
    Scenario s = smallChapter(3);
    s.population.clear();
    const char* archetypes[] = {"average", "hard_seller", "gratitude_giver", "slow_trust_builder"};
    for (int c = 0; c < cohorts; ++c)
        s.population.push_back(cohortOf(archetypes[c % 4], 1 + c % 3, c % 10 == 9 ? "shared" : nullptr));
    for (int c = 0; c < cohorts; ++c)
        if (c % 10 != 9) s.population[size_t(c)].label = "cohort " + std::to_string(c);
    s.calendar = {seriesOf("mixer", EventKind::Mixer, 1, 4, 4, 2.0)};
    return s;
}

}  // namespace

TEST_CASE("group figures: each group's means are over its own active members for hundreds of groups") {
    World w(manyCohorts(300));
    w.runEvents(5);
    w.removeAttendees(4, 1);    // an inactive member must not count
    w.removeAttendees(19, 1);   // nor one of the shared group
    w.runEvents(1);
    const std::vector<GroupFigures> figures = w.groupFigures();
    REQUIRE(figures.size() == w.groupLabels().size());
    CHECK(figures.size() == 300 - 300 / 10 + 1);   // cohorts 9, 19, ... share one group
    int members = 0;
    for (int g = 0; g < int(figures.size()); ++g) {
        CAPTURE(g);
        const GroupFigures direct = directFigures(w, g);
        CHECK(figures[size_t(g)].members == direct.members);
        CHECK(figures[size_t(g)].contacts == doctest::Approx(direct.contacts));
        CHECK(figures[size_t(g)].referralsGiven == doctest::Approx(direct.referralsGiven));
        CHECK(figures[size_t(g)].reputation == doctest::Approx(direct.reputation));
        members += figures[size_t(g)].members;
    }
    int active = 0;
    for (const auto& a : w.attendees()) active += a.active;
    CHECK(members == active);
    // The event record holds the same figures as the live call right after the event.
    const auto& recorded = w.history().back().groups;
    REQUIRE(recorded.size() == figures.size());
    for (size_t g = 0; g < figures.size(); ++g) CHECK(recorded[g].contacts == figures[g].contacts);
}

TEST_CASE("group figures: a group whose members all left reads as empty and not as a division by zero") {
    World w(manyCohorts(12));
    w.runEvents(2);
    w.removeAttendees(0, 100);
    const std::vector<GroupFigures> figures = w.groupFigures();
    CHECK(figures[0].members == 0);
    CHECK(figures[0].contacts == 0);
    CHECK(figures[1].members > 0);
}
