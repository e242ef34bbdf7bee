// The relationship store: pairs found after any mix of creation and release, released slots
// reused lowest first after a sweep, out-lists that list each live tie once, and snapshots
// (images) that restore exactly or are refused with a reason.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "model_support.h"
#include "report.h"
#include "rng.h"
#include "scenario_io.h"
#include "snapshot.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

constexpr uint32_t kPeople = 400;

// Every live tie, as the store's out-lists see it, keyed (from, to).
std::map<std::pair<uint32_t, uint32_t>, uint32_t> outListed(const RelationshipStore& store) {
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> seen;
    for (uint32_t from = 0; from < kPeople; ++from)
        for (const auto& tie : store.outEdges(from)) {
            if (store.released(tie.edge)) continue;
            CHECK(store.edge(tie.edge).from == from);
            CHECK(store.edge(tie.edge).to == tie.to);
            CHECK(seen.emplace(std::make_pair(from, tie.to), tie.edge).second);  // listed once
        }
    return seen;
}

// Everyone at a mixer every day, in two cohorts of `half` people each.
Scenario dailyMixer(uint64_t seed, const char* first, const char* second, int half) {
    Scenario s;
    s.title = {"Daily mixer", "毎日の交流会"};
    s.description = {"strangers meeting daily", "毎日初対面の人と会う"};
    s.seed = seed;
    s.population = {cohortOf(first, half), cohortOf(second, half)};
    s.calendar = {seriesOf("mixer", EventKind::Mixer, 1, 4, 4, 2.0)};
    return s;
}

// Each attendee's counted contacts equal a recount of the ties it remembers today.
bool contactsMatchRecount(const World& w) {
    std::vector<uint32_t> remembered(w.attendees().size(), 0);
    w.relationships().forEachEdge([&](uint32_t, const Edge& e) { remembered[e.from] += w.trustRules().remembered(e, w.day()); });
    for (const Attendee& a : w.attendees())
        if (a.snapshot.contacts != remembered[a.id]) return false;
    return true;
}

}  // namespace

TEST_CASE("relationship store: finds every live pair after many creations and releases") {
    RelationshipStore store;
    store.resizeAttendees(kPeople);
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> live;  // (lo, hi) -> lo's view
    Rng rng(7);
    size_t created = 0;
    for (int step = 0; step < 400'000; ++step) {
        const uint32_t a = rng.below(kPeople), b = rng.below(kPeople);
        if (a == b) continue;
        const auto key = std::make_pair(std::min(a, b), std::max(a, b));
        if (rng.chance(0.6)) {
            const uint32_t e = store.findOrCreate(a, b, 0);
            CHECK(store.edge(e).from == a);
            CHECK(store.edge(RelationshipStore::reverse(e)).from == b);
            const uint32_t down = a < b ? e : RelationshipStore::reverse(e);
            const auto [it, added] = live.emplace(key, down);
            CHECK(it->second == down);   // an existing pair is found, not made twice
            created += added;
        } else if (auto it = live.find(key); it != live.end()) {
            store.release(it->second);
            live.erase(it);
            CHECK(store.find(a, b) == RelationshipStore::kNone);
        }
        if (step % 1'000 == 0) store.sweepIfDue();
    }
    CHECK(store.liveEdges() == 2 * live.size());
    CHECK(store.indexEnd() < 2 * created);   // released slots were reused
    for (const auto& [key, down] : live) {
        CHECK(store.find(key.first, key.second) == down);
        CHECK(store.find(key.second, key.first) == RelationshipStore::reverse(down));
    }
    CHECK(outListed(store).size() == 2 * live.size());
}

TEST_CASE("relationship store: released slots wait for a sweep, then are reused lowest first") {
    RelationshipStore store;
    store.resizeAttendees(kPeople);
    std::vector<uint32_t> made;
    for (uint32_t a = 0; a < kPeople && made.size() < 40'000; ++a)
        for (uint32_t b = a + 1; b < kPeople && made.size() < 40'000; ++b) made.push_back(store.findOrCreate(a, b, 3));
    const uint32_t end = store.indexEnd();
    // Release 20,000 pairs in a scrambled order: enough for a sweep.
    for (size_t i = 0; i < 20'000; ++i) store.release(made[(i * 7919) % made.size()]);
    uint32_t lowest = RelationshipStore::kNone;
    for (uint32_t e : made)
        if (store.released(e)) lowest = std::min(lowest, e);
    REQUIRE(lowest != RelationshipStore::kNone);
    const uint32_t before = store.findOrCreate(300, kPeople - 1, 4);   // a pair not made above
    CHECK(before >= end);   // not reused before a sweep
    store.sweepIfDue();
    const uint32_t after = store.findOrCreate(301, kPeople - 1, 4);
    CHECK((after >> 1) == (lowest >> 1));   // the lowest released slot comes back first
    CHECK_FALSE(store.released(after));
    CHECK(int(store.edge(after).contacts) == 0);
    CHECK(store.edge(after).lastDay == 4);
    CHECK(outListed(store).size() == store.liveEdges());  // the sweep dropped released ties from the out-lists
}

TEST_CASE("relationship store: an image restores exactly, and a damaged one is refused with a reason") {
    RelationshipStore store;
    store.resizeAttendees(kPeople);
    std::vector<uint32_t> made;   // made[i] is edge 2i: pairs are made in order
    for (uint32_t a = 0; a < 300; ++a)
        for (uint32_t b = a + 1; b < 300; ++b) made.push_back(store.findOrCreate(a, b, 1));
    for (size_t i = 0; i < made.size(); ++i)
        if (i % 3 != 0) store.release(made[i]);
    store.sweepIfDue();
    for (size_t i = 0; i < 9000; i += 3) store.release(made[i]);   // awaiting the next sweep
    const RelationshipStore::Image image = store.image();
    REQUIRE_FALSE(image.freePairs.empty());
    REQUIRE_FALSE(image.releasedPairs.empty());

    RelationshipStore copy;
    CHECK(copy.restore(image, kPeople).empty());
    CHECK(copy.liveEdges() == store.liveEdges());
    for (uint32_t a = 0; a < 200; a += 7)
        for (uint32_t b = 0; b < 200; b += 3) CHECK(copy.find(a, b) == store.find(a, b));
    // The next creations land in the same slots.
    CHECK(copy.findOrCreate(300, 301, 2) == store.findOrCreate(300, 301, 2));
    CHECK(copy.findOrCreate(5, 302, 2) == store.findOrCreate(5, 302, 2));

    auto refusal = [&](auto damage) {
        RelationshipStore::Image bad = image;
        damage(bad);
        RelationshipStore target;
        return target.restore(bad, kPeople);
    };
    CHECK(refusal([](auto& b) { b.edges.pop_back(); }) == "an odd number of edges");
    CHECK(refusal([](auto& b) { b.edges[0].to = kPeople; }) == "edge between unknown attendees");
    CHECK(refusal([](auto& b) { b.edges[1].from = 9; }) == "edge pair is not two directions of one tie");
    CHECK(refusal([](auto& b) { b.freePairs.push_back(b.freePairs.front()); }) == "bad list of released ties");
    CHECK(refusal([](auto& b) { b.releasedPairs.push_back(uint32_t(b.edges.size())); }) == "bad list of released ties");
    CHECK(refusal([&](auto& b) { b.releasedPairs.push_back(b.freePairs.back()); }) == "bad list of released ties");
    CHECK(refusal([](auto& b) { b.out[250].push_back(b.out[250].front()); }) == "out-list entry is free or repeated");
    CHECK(refusal([](auto& b) { b.out[250].push_back(b.out[251].front()); }) == "out-list entry is not the attendee's tie");
    CHECK(refusal([&](auto& b) {
        auto& out = b.out[250];
        out.erase(std::find_if(out.begin(), out.end(), [&](uint32_t e) { return !store.released(e); }));
    }) == "out-list misses a tie");
    CHECK(refusal([](auto& b) { b.out.pop_back(); }) == "out-lists do not match the attendees");
    REQUIRE_FALSE(store.released(made[9000]));
    REQUIRE_FALSE(store.released(made[9003]));
    CHECK(refusal([&](auto& b) {
        b.edges[made[9003]] = b.edges[made[9000]];
        b.edges[made[9003] + 1] = b.edges[made[9000] + 1];
    }) == "duplicate edge");
}

TEST_CASE("a daily mixer releases forgotten pairs, reuses their slots, and resumes exactly across sweeps") {
    Scenario s = dailyMixer(5, "average", "hard_seller", 300);
    // A single meeting remembered for about three weeks, whatever the calibrated constants are:
    // with a longer memory nearly all 179,700 pairs of this room stay remembered and nothing is
    // released for a sweep to reuse. This test is about the store, not the length of memory.
    s.params[Param::MemoryHalfLifeDays] = 7;
    s.params[Param::ForgetBelowHours] = 0.04;
    s.params[Param::CardSwapsPerRound] = 2;
    World straight(s);
    // When a sweep runs still depends on the other constants, so the run goes on until one has
    // left released slots waiting for reuse.
    const auto freeSlots = [](const World& w) { return w.relationships().image().freePairs.size(); };
    straight.runEvents(30);
    while (straight.eventsDone() < 150 && freeSlots(straight) == 0) straight.runEvents(1);
    INFO("saved after event " << straight.eventsDone());
    REQUIRE(freeSlots(straight) > 0);   // a sweep has run and slots wait for reuse
    CHECK(straight.relationships().image().edges.size() < 3 * straight.relationships().liveEdges());   // released slots are reused
    const std::string saved = saveSnapshot(straight);
    // On past the next sweep: the free slots are used up, and the sweep frees more.
    int more = 0, sweeps = 0;
    for (size_t before = freeSlots(straight); more < 150 && sweeps == 0; ++more) {
        straight.runEvents(1);
        const size_t now = freeSlots(straight);
        sweeps += now > before;
        before = now;
    }
    CHECK(sweeps == 1);

    World resumed = loadSnapshot(saved, "memory");
    resumed.runEvents(more);
    CHECK(resumed.stateHash() == straight.stateHash());
}

TEST_CASE("remembered-tie counts match a recount, also after a parameter change shortens memory") {
    World w(dailyMixer(9, "average", "latecomer", 150));
    w.runEvents(40);
    CHECK(contactsMatchRecount(w));
    const size_t before = w.relationships().liveEdges();
    w.setParam(Param::MemoryHalfLifeDays, 1);   // many ties are forgotten at once
    CHECK(w.relationships().liveEdges() < before);
    // ... and released, not left behind: every pair still held has a side that holds something.
    const RelationshipStore& store = w.relationships();
    auto idle = [&](const Edge& e) {
        return !w.trustRules().remembered(e, w.day()) && !e.scheduled && !e.listed && e.referrals == 0 && e.blockedUntil <= w.day();
    };
    size_t idlePairs = 0;
    store.forEachEdge([&](uint32_t index, const Edge& e) {
        if (index & 1) idlePairs += idle(e) && idle(store.edge(RelationshipStore::reverse(index)));
    });
    CHECK(idlePairs == 0);
    w.runEvents(20);
    CHECK(contactsMatchRecount(w));
}

TEST_CASE("with forgetting off, ties are counted once, and a resumed run gives the same figures") {
    Scenario s = smallChapter(4);
    s.mechanisms[Mechanism::Forgetting] = false;
    World straight(s);
    straight.runEvents(12);
    const std::string saved = saveSnapshot(straight);
    // Every remembered tie is counted exactly once (there are 23 others to know).
    CHECK(contactsMatchRecount(straight));
    for (const Attendee& a : straight.attendees()) CHECK(a.snapshot.contacts <= 23);
    straight.runEvents(8);
    World resumed = loadSnapshot(saved, "memory");
    resumed.runEvents(8);
    CHECK(resumed.stateHash() == straight.stateHash());
    CHECK(eventsCsv(resumed) == eventsCsv(straight));
}

TEST_CASE("a snapshot taken after members joined or a cohort emptied mid-event loads and continues identically") {
    World w(smallChapter(6));
    w.runEvents(3);
    w.stepRound();                     // in the middle of an event
    w.addAttendees(0, 3);              // they join after this event
    w.removeAttendees(0, w.cohorts()[0].count);   // ... and everyone leaves
    CHECK(w.cohorts()[0].count == 0);
    w.addAttendees(0, 2);
    const std::string saved = saveSnapshot(w);
    World resumed = loadSnapshot(saved, "memory");
    w.runEvents(4);
    resumed.runEvents(4);
    CHECK(resumed.stateHash() == w.stateHash());
    // An emptied cohort is a valid scenario too (the window can save it and add members later).
    World emptied(smallChapter(6));
    emptied.removeAttendees(0, 24);
    const Scenario reloaded = scenarioFromJson(scenarioToJson(emptied.scenario()), "<saved>");
    CHECK(reloaded.population[0].count == 0);
    World none(reloaded);
    CHECK(none.runEvents(3) == 3);
    CHECK(none.history().back().participants == 0);
}

TEST_CASE("first meetings between strangers leave exactly what the trust rules give for one conversation") {
    // Big mixer rounds take a shortcut for pairs that did not exist (World::meetFirst); its
    // result must be what converse() and settle() would have made, side by side for each pair.
    for (const bool backlash : {true, false}) {
        Scenario s = dailyMixer(5, "average", "average", 30);
        s.population[0].label = "quiet";
        s.population[0].traits[Trait::PitchPressure] = 0;
        s.population[1].label = "seller";
        s.population[1].traits[Trait::PitchPressure] = 1;
        for (Cohort& c : s.population) c.traits[Trait::Punctuality] = 1;   // nobody misses the first round
        s.params[Param::CardSwapsPerRound] = 0;   // every pair below meets once, in the first round
        s.mechanisms[Mechanism::PitchBacklash] = backlash;
        World w(s);
        w.stepRound();
        const TrustRules& rules = w.trustRules();
        const float hours = float(w.event().roundHours);
        const float backlashHours = float(s.params[Param::PitchBacklashHours]);
        size_t edges = 0;
        std::vector<uint32_t> remembered(w.attendees().size(), 0);
        w.relationships().forEachEdge([&](uint32_t, const Edge& e) {
            ++edges;
            const bool heardPitch = w.attendees()[e.to].cohort == 1;   // sellers always pitch
            CHECK(e.contacts == 1);
            CHECK(e.good == hours);
            CHECK(e.bad == (heardPitch && backlash ? backlashHours : 0.0f));
            CHECK(e.lastDay == w.day());
            CHECK(e.forgetDay == rules.forgetDay(e));
            CHECK(e.scheduled == 1);
            CHECK(bool(e.listed) == (rules.trustUpperBound(e) >= rules.stageKnown));
            remembered[e.from] += rules.remembered(e, w.day());
        });
        CHECK(edges == 60 * 3);   // 15 tables of 4, 6 pairs each, both directions
        for (const auto& a : w.attendees()) {
            CHECK(a.counters.conversations == 3);
            CHECK(a.counters.pitches == (a.cohort == 1 ? 3u : 0u));
            CHECK(remembered[a.id] == 3);
        }
        w.stepEvent();   // later rounds meet old and new faces; the booked counts still add up
        CHECK(contactsMatchRecount(w));
    }
}
