// The window's simulation thread (gui/sim_thread.h): the live world sees the window's commands
// in the order posted, and the frame is only ever handed a view that has all of them applied.
#include <doctest/doctest.h>

#include <thread>

#include "gui/sim_thread.h"
#include "model_support.h"

using namespace tsunagari;
using namespace tsunagari::testing;

namespace {

// Waits for the view with every posted command applied (the test's ctest timeout bounds it).
std::shared_ptr<World> settledView(SimThread& sim, std::shared_ptr<World> shown) {
    while (!sim.refreshView(shown)) std::this_thread::yield();
    return shown;
}

}  // namespace

TEST_CASE("the simulation thread runs posted steps and edits in order and publishes their result") {
    World direct(smallChapter(4));
    direct.stepRound();
    direct.setParam(Param(0), paramInfo(Param(0)).max);
    direct.stepEvent();
    direct.stepEvent();

    SimThread sim(std::make_shared<World>(smallChapter(4)));
    std::shared_ptr<World> shown;
    sim.post([](World& w) { return w.stepRound(); });
    sim.post([](World& w) { w.setParam(Param(0), paramInfo(Param(0)).max); return true; });
    sim.post([](World& w) { return w.stepEvent(); });
    sim.post([](World& w) { return w.stepEvent(); });
    shown = settledView(sim, shown);
    REQUIRE(shown);
    CHECK(shown->stateHash() == direct.stateHash());
    CHECK(sim.calendarEnds() == 0);

    // The next view goes into the old one's storage; it matches the live world again.
    direct.stepEvent();
    sim.post([](World& w) { return w.stepEvent(); });
    const World* before = shown.get();
    shown = settledView(sim, shown);
    CHECK(shown.get() != before);
    CHECK(shown->stateHash() == direct.stateHash());
}

TEST_CASE("a running simulation thread stops at the calendar's end and says so") {
    Scenario s = smallChapter(2);
    s.calendar[0].occurrences = 2;
    World direct(s);
    while (direct.stepRound()) {}

    SimThread sim(std::make_shared<World>(s));
    sim.setPace({true, 60.0f, true});   // rounds back to back
    while (sim.calendarEnds() == 0) std::this_thread::yield();
    sim.post([](World&) { return true; });   // a no-op, so the next view is the final state
    std::shared_ptr<World> shown = settledView(sim, nullptr);
    CHECK(shown->stateHash() == direct.stateHash());
    CHECK(shown->eventsDone() == 2);
}
