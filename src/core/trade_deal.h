// Which trade each member practises. A cohort's own list is cycled over its members; members of
// cohorts without one take seats as a chapter fills them, one member per trade: each takes the
// economy trade the fewest members so far practise (the first in table order among equals).
#pragma once
#include <vector>

#include "scenario.h"

namespace tsunagari {

// Per cohort, the trade (profession id) of each of its `count` members. Cohorts without a list
// are dealt together, interleaved in proportion to their sizes, after the listed members: so each
// holds its share of the trades that have to be doubled, and two cohorts that differ only in size
// (or in habits) stand in the same market. Dealt per cohort, a larger cohort held the lone trades,
// whose every client need it served, and out-earned a smaller one on that alone.
[[nodiscard]] std::vector<std::vector<int>> dealTrades(const std::vector<Cohort>& cohorts, int economyTrades);

// The trade a member joining later takes, given how many active members practise each trade.
[[nodiscard]] int leastPractisedTrade(const std::vector<int>& practising, int economyTrades);

}  // namespace tsunagari
