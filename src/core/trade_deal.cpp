#include "trade_deal.h"

#include <algorithm>
#include <tuple>

#include "professions.h"

namespace tsunagari {

int leastPractisedTrade(const std::vector<int>& practising, int economyTrades) {
    const auto first = practising.begin();
    return int(std::min_element(first, first + economyTrades) - first);
}

std::vector<std::vector<int>> dealTrades(const std::vector<Cohort>& cohorts, int economyTrades) {
    std::vector<std::vector<int>> trades(cohorts.size());
    std::vector<int> practising(professions().size(), 0);
    for (size_t c = 0; c < cohorts.size(); ++c) {
        const Cohort& cohort = cohorts[c];
        trades[c].resize(size_t(std::max(cohort.count, 0)));
        if (cohort.professions.empty()) continue;
        for (size_t i = 0; i < trades[c].size(); ++i) {
            trades[c][i] = professionFromKey(cohort.professions[i % cohort.professions.size()]);
            ++practising[size_t(trades[c][i])];
        }
    }
    // Member i of a cohort of n takes its seat at (i + 1/2) / n of the way through the deal.
    std::vector<std::tuple<double, size_t, size_t>> order;
    for (size_t c = 0; c < cohorts.size(); ++c)
        if (cohorts[c].professions.empty())
            for (size_t i = 0; i < trades[c].size(); ++i)
                order.emplace_back((double(i) + 0.5) / double(trades[c].size()), c, i);
    std::sort(order.begin(), order.end());
    for (const auto& [at, c, i] : order) {
        const int trade = leastPractisedTrade(practising, economyTrades);
        trades[c][i] = trade;
        ++practising[size_t(trade)];
    }
    return trades;
}

}  // namespace tsunagari
