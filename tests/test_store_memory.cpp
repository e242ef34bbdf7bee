// The relationship store's memory per live pair (issue 13): released places, hash slots and
// out-list capacity stay within fixed shares of the live pairs over a long run with forgetting.
#include <doctest/doctest.h>

#include <algorithm>

#include "model_support.h"

using namespace tsunagari;
using namespace tsunagari::testing;

TEST_CASE("relationship store: released places and hash slots and out-lists stay within fixed shares of the live pairs") {
    // A daily mixer of 1,000 for 150 events: nearly every pair meets, is forgotten and is
    // released, so many sweeps run and released places are reused again and again.
    Scenario s = smallChapter(3);
    s.population = {cohortOf("average", 500), cohortOf("hard_seller", 500)};
    s.calendar = {seriesOf("mixer", EventKind::Mixer, 1, 4, 4, 2.0)};
    s.events = 150;
    World w(s);
    size_t peakLive = 0;
    while (w.eventsDone() < 150 && w.stepEvent()) peakLive = std::max(peakLive, w.relationships().livePairs());
    const RelationshipStore& store = w.relationships();
    const RelationshipStore::MemoryUse use = store.memoryUse();
    const size_t live = store.livePairs();
    CAPTURE(live);
    CAPTURE(use.pairPlaces);
    CAPTURE(use.slots);
    CAPTURE(use.outLists);
    REQUIRE(live > 100'000);
    // Released pairs wait for a sweep until they are an eighth of the live ones (plus what one
    // event releases before the sweep at its end): with half, places reached 1.43 per live pair.
    CHECK(double(use.pairPlaces) <= 1.25 * double(peakLive) + 2 * 16'384);
    // The index grows past three quarters full, to twice its size: at most 8/3 slots per pair.
    CHECK(double(use.slots) <= 8.0 * (8.0 / 3.0) * double(peakLive) + 8 * 1024);
    // Each place is on two out-lists at most; a list grows by a quarter, so its spare capacity
    // is about a quarter of its largest size.
    const double attendees = double(w.attendees().size());
    CHECK(double(use.outLists) <= 8.0 * 1.3 * 2.0 * double(use.pairPlaces) + 100.0 * attendees);
}
