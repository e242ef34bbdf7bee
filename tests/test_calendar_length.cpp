// A run's length in calendar time as a count of events (calendar_length.h), and the
// --events/--days/--weeks/--months/--years values both programs accept (length_flags.h).
#include <doctest/doctest.h>

#include "calendar_length.h"
#include "length_flags.h"
#include "model_support.h"

using namespace tsunagari;
using tsunagari::testing::cohortOf;

namespace {

CalendarEntry series(int firstDay, int everyDays, int occurrences = 0) {
    CalendarEntry e = tsunagari::seriesOf("series", EventKind::Chapter, firstDay, everyDays, 1.5, 3, 4, 1.0);
    e.occurrences = occurrences;
    return e;
}

Scenario withCalendar(std::vector<CalendarEntry> calendar) {
    Scenario s = tsunagari::testing::smallChapter();
    s.calendar = std::move(calendar);
    return s;
}

}  // namespace

TEST_CASE("calendar length: days in each unit") {
    CHECK(daysIn({LengthUnit::Days, 10}) == 10);
    CHECK(daysIn({LengthUnit::Weeks, 2}) == 14);
    CHECK(daysIn({LengthUnit::Months, 12}) == doctest::Approx(365.25));
    CHECK(daysIn({LengthUnit::Months, 1}) == doctest::Approx(30.4375));
    CHECK(daysIn({LengthUnit::Years, 2}) == doctest::Approx(730.5));
}

TEST_CASE("calendar length: weekly and fortnightly and monthly series") {
    const Scenario weekly = withCalendar({series(0, 7)});
    CHECK(eventsIn(weekly, {LengthUnit::Years, 1}) == 53);   // days 0, 7, ..., 364
    CHECK(eventsIn(weekly, {LengthUnit::Weeks, 4}) == 4);    // days 0, 7, 14, 21
    CHECK(eventsIn(weekly, {LengthUnit::Days, 7}) == 1);     // day 7 is not before day 7
    CHECK(eventsIn(weekly, {LengthUnit::Days, 8}) == 2);
    const Scenario fortnightly = withCalendar({series(0, 14)});
    CHECK(eventsIn(fortnightly, {LengthUnit::Years, 1}) == 27);  // days 0 .. 364 step 14
    CHECK(eventsIn(fortnightly, {LengthUnit::Weeks, 4}) == 2);
    const Scenario monthly = withCalendar({series(0, 30)});
    CHECK(eventsIn(monthly, {LengthUnit::Years, 1}) == 13);     // day 360 is within the year
    CHECK(eventsIn(monthly, {LengthUnit::Months, 3}) == 4);     // 91.3 days: days 0, 30, 60, 90
}

TEST_CASE("calendar length: the first day shifts a series") {
    CHECK(eventsIn(withCalendar({series(3, 7)}), {LengthUnit::Weeks, 4}) == 4);   // days 3, 10, 17, 24
    CHECK(eventsIn(withCalendar({series(6, 7)}), {LengthUnit::Days, 6}) == 0);    // starts on day 6
    CHECK(eventsIn(withCalendar({series(6, 7)}), {LengthUnit::Days, 7}) == 1);
    CHECK(eventsIn(withCalendar({series(400, 7)}), {LengthUnit::Years, 1}) == 0);
}

TEST_CASE("calendar length: a finite series stops at its occurrences") {
    CHECK(eventsIn(withCalendar({series(0, 7, 5)}), {LengthUnit::Years, 1}) == 5);
    CHECK(eventsIn(withCalendar({series(0, 7, 5)}), {LengthUnit::Weeks, 3}) == 3);
    CHECK(eventsIn(withCalendar({series(0, 1, 1)}), {LengthUnit::Days, 100}) == 1);
}

TEST_CASE("calendar length: fractional months and years") {
    const Scenario daily = withCalendar({series(0, 1)});
    CHECK(eventsIn(daily, {LengthUnit::Months, 0.5}) == 16);    // 15.2 days: days 0 .. 15
    CHECK(eventsIn(daily, {LengthUnit::Months, 1.5}) == 46);    // 45.66 days: days 0 .. 45
    CHECK(eventsIn(daily, {LengthUnit::Years, 0.25}) == 92);    // 91.31 days: days 0 .. 91
    CHECK(eventsIn(withCalendar({series(0, 7)}), {LengthUnit::Years, 1.5}) == 79);   // 547.9 days: 0 .. 546
}

TEST_CASE("calendar length: several entries add up and plain events are taken as given") {
    const Scenario mixed = withCalendar({series(0, 7), series(3, 14), series(10, 30, 2)});
    // Four weeks: weekly 0,7,14,21; fortnightly 3,17; monthly 10 (and 40, which is later).
    CHECK(eventsIn(mixed, {LengthUnit::Weeks, 4}) == 7);
    CHECK(eventsIn(mixed, {LengthUnit::Years, 1}) == 53 + 26 + 2);
    CHECK(eventsIn(mixed, {LengthUnit::Events, 12}) == 12);
    CHECK(eventsIn(withCalendar({}), {LengthUnit::Years, 1}) == 0);
}

TEST_CASE("calendar length: the events counted are exactly those the world runs before that day") {
    Scenario s = withCalendar({series(0, 7), series(2, 10), series(5, 30, 3)});
    s.population = {cohortOf("average", 12)};
    for (const RunLength length : {RunLength{LengthUnit::Days, 40}, RunLength{LengthUnit::Weeks, 9},
                                   RunLength{LengthUnit::Months, 2.5}}) {
        CAPTURE(daysIn(length));
        const int events = eventsIn(s, length);
        World world(s);
        REQUIRE(world.runEvents(events) == events);
        CHECK(world.day() < daysIn(length));
        REQUIRE(world.stepEvent());
        CHECK(world.day() >= daysIn(length));
    }
}

TEST_CASE("length flags: names and accepted values and refusals") {
    CHECK(lengthFlagUnit("--years") == LengthUnit::Years);
    CHECK(lengthFlagUnit("--events") == LengthUnit::Events);
    CHECK_FALSE(lengthFlagUnit("--year"));
    CHECK_FALSE(lengthFlagUnit("years"));
    CHECK(lengthFlag(LengthUnit::Months) == "--months");

    CHECK(parseLength(LengthUnit::Events, "0")->amount == 0);
    CHECK(parseLength(LengthUnit::Days, "30")->amount == 30);
    CHECK(parseLength(LengthUnit::Months, "1.5")->amount == 1.5);
    CHECK(parseLength(LengthUnit::Years, "2")->unit == LengthUnit::Years);
    for (const char* bad : {"", "0", "-1", "+1", " 1", "1 ", "1e3", "inf", "nan", ".5", "1.5x", "10001"})
        CHECK_MESSAGE(!parseLength(LengthUnit::Years, bad), bad);
    for (const char* bad : {"0", "1.5", "10000001"}) CHECK_MESSAGE(!parseLength(LengthUnit::Days, bad), bad);
    for (const char* bad : {"-1", "1.5", "1000001"}) CHECK_MESSAGE(!parseLength(LengthUnit::Events, bad), bad);
    CHECK(lengthExpectation(LengthUnit::Years) == "a number of years above 0 and at most 10000, e.g. 1.5");
    CHECK(lengthExpectation(LengthUnit::Days) == "a whole number of days from 1 to 10000000");
    CHECK(lengthExpectation(LengthUnit::Events) == "a whole number of events from 0 to 1000000");
}
