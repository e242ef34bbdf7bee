// A World copied (or assigned over a recycled copy) is the same world: same state, same
// snapshot bytes, and it runs on exactly as the original does. The window draws such copies.
#include <doctest/doctest.h>

#include "model_support.h"
#include "snapshot.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

// Big enough that the pair store spans several chunks and the forgetting calendar several blocks.
Scenario busyMixer(uint64_t seed) {
    Scenario s = smallChapter(seed);
    s.population = {cohortOf("average", 300), cohortOf("hard_seller", 100)};
    s.calendar = {seriesOf("mixer", EventKind::Mixer, 7, 6, 8)};
    return s;
}

}  // namespace

TEST_CASE("a copied world equals its original and runs on identically") {
    World original(busyMixer(3));
    original.runEvents(6);
    for (int r = 0; r < 2; ++r) original.stepRound();   // mid-event: the event's state is copied too
    REQUIRE(original.relationships().liveEdges() > 2 * 16384);

    World copy(original);
    CHECK(copy.stateHash() == original.stateHash());
    CHECK(saveSnapshot(copy) == saveSnapshot(original));

    original.runEvents(3);
    copy.runEvents(3);
    CHECK(copy.stateHash() == original.stateHash());
}

TEST_CASE("assigning over a recycled world gives the source's state whether larger or smaller") {
    World source(busyMixer(5));
    source.runEvents(4);
    World small(smallChapter(9));
    small.runEvents(2);
    World recycled(busyMixer(7));
    recycled.runEvents(8);   // holds more pairs and blocks than `source`

    recycled = source;
    CHECK(recycled.stateHash() == source.stateHash());
    CHECK(saveSnapshot(recycled) == saveSnapshot(source));
    source.stepEvent();
    recycled.stepEvent();
    CHECK(recycled.stateHash() == source.stateHash());

    recycled = small;   // a smaller world: nothing of the larger one stays
    CHECK(recycled.stateHash() == small.stateHash());
    CHECK(saveSnapshot(recycled) == saveSnapshot(small));
    small.runEvents(2);
    recycled.runEvents(2);
    CHECK(recycled.stateHash() == small.stateHash());
}
