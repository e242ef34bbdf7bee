// The forgetting calendar's block pool: order kept, blocks reused, memory following the entries.
#include <doctest/doctest.h>

#include <vector>

#include "forget_calendar.h"

using tsunagari::ForgetCalendar;

TEST_CASE("forget calendar: a day's entries come back in push order, across blocks, and the day is left empty") {
    ForgetCalendar cal;
    cal.reset(8);
    std::vector<uint32_t> pushed;
    for (uint32_t i = 0; i < 1000; ++i) {   // several blocks, interleaved with another day
        cal.push(3, i * 7);
        pushed.push_back(i * 7);
        if (i % 3 == 0) cal.push(5, i);
    }
    CHECK(cal.size(3) == 1000);
    CHECK(cal.entries() == 1000 + 334);
    std::vector<uint32_t> seen;
    cal.forEach(3, [&](uint32_t e) { seen.push_back(e); });
    CHECK(seen == pushed);
    std::vector<uint32_t> taken{42};   // take appends
    cal.take(3, taken);
    CHECK(taken.size() == 1001);
    CHECK(taken.front() == 42);
    CHECK(std::vector<uint32_t>(taken.begin() + 1, taken.end()) == pushed);
    CHECK(cal.size(3) == 0);
    CHECK(cal.entries() == 334);
    std::vector<uint32_t> none;
    cal.take(3, none);
    CHECK(none.empty());
}

TEST_CASE("forget calendar: consumed days' blocks are reused, so a steady load keeps the pool flat") {
    ForgetCalendar cal;
    cal.reset(16);
    std::vector<uint32_t> scratch;
    size_t capacityAfterWarmUp = 0;
    for (int day = 0; day < 400; ++day) {
        // Each day 3,000 entries go 10 days ahead, and today's list is consumed.
        for (uint32_t i = 0; i < 3000; ++i) cal.push(size_t((day + 10) % 16), uint32_t(day) * 3000 + i);
        scratch.clear();
        cal.take(size_t(day % 16), scratch);
        if (day >= 10) CHECK(scratch.size() == 3000);
        if (day == 20) capacityAfterWarmUp = cal.capacity();
    }
    CHECK(cal.entries() == 10 * 3000);
    CHECK(cal.capacity() == capacityAfterWarmUp);                 // no growth in steady state
    CHECK(cal.capacity() <= cal.entries() + 11 * 254 + 3000);    // about the entries, a block of slack per day
    CHECK(cal.bytes() >= cal.capacity() * sizeof(uint32_t));
    cal.reset(16);   // the pool is kept for reuse
    CHECK(cal.entries() == 0);
    CHECK(cal.capacity() == capacityAfterWarmUp);
}
