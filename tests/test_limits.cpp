// Limits and long runs: the memory estimate bounds what a run really uses, a scenario too
// big for the machine is refused before allocating, and memory stays flat over 5,000 events.
#include <doctest/doctest.h>

#include "lesson_support.h"
#include "memory_limits.h"

using namespace tsunagari;
using namespace tsunagari::testing;

TEST_CASE("the memory estimate is an upper bound on what shipped scenarios use") {
    for (const char* file : {"default.json", "l1_hard_sellers.json", "l5_fading_acquaintances.json", "l10_chapter_vs_mixer.json"}) {
        const std::string name = file;   // CAPTURE of a const char* logs the pointer
        CAPTURE(name);
        const Scenario s = shippedScenario(file);
        World w(s);
        w.runEvents(s.events);
        const MemoryEstimate m = estimateMemory(s);
        CHECK(m.attendees == w.attendees().size());
        CHECK(m.edges >= w.relationships().indexEnd() / 2);  // edge slots, released ones included, stay within twice the estimate
        CHECK(m.bytes >= w.memoryBytes());
        CHECK(m.bytes < 50 * w.memoryBytes() + (64u << 20));  // and not absurdly pessimistic
    }
}

TEST_CASE("a scenario that cannot fit is refused with the memory it would need") {
    Scenario s = shippedScenario("default.json");
    for (auto& c : s.population) c.count *= 10000;
    const auto shortfall = memoryShortfall(s, 0, 8ull << 30);
    REQUIRE(shortfall.has_value());
    CHECK(shortfall->find("needs about ") == 0);
    CHECK(shortfall->find("1000000 attendees") != std::string::npos);
    CHECK(shortfall->find("this machine has 8.0 GB available") != std::string::npos);
    CHECK_FALSE(memoryShortfall(shippedScenario("default.json"), 0, 8ull << 30).has_value());
    CHECK(formatBytes(512ull << 20) == "512 MB");
    CHECK(formatBytes(3ull << 30) == "3.0 GB");
}

TEST_CASE("long run: 5,000 events of the default scenario with flat relationship memory") {
    Scenario s = shippedScenario("default.json");
    World w(s);
    w.runEvents(1000);
    const size_t edgesAt1000 = w.relationships().memoryBytes();
    size_t largest = edgesAt1000;
    for (int block = 0; block < 8; ++block) {
        w.runEvents(500);
        largest = std::max(largest, w.relationships().memoryBytes());
    }
    CHECK(w.eventsDone() == 5000);
    INFO("relationship store after 1,000 events " << edgesAt1000 << " bytes, largest after " << largest);
    CHECK(largest <= 2 * edgesAt1000 + (1u << 20));
    // What does grow is the record of the run itself: one event record and the referrals.
    const size_t records = w.history().size() * sizeof(EventRecord) + w.referrals().size() * sizeof(Referral);
    CHECK(w.memoryBytes() < edgesAt1000 * 2 + records * 4 + (16u << 20));
}
