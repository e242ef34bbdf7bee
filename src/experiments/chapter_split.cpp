#include "experiments/chapter_split.h"

#include <algorithm>

#include "professions.h"
#include "trade_deal.h"

namespace tsunagari::experiments {

namespace {

// The cohort's members [first, first + count) as a cohort of their own, with the names and
// listed trades they would have had as members first.. of the whole cohort (those past the named
// ones get generated names either way). Without a list, each chapter deals its trades afresh.
Cohort slice(const Cohort& whole, int first, int count) {
    Cohort part = whole;
    part.count = count;
    part.professions.clear();
    part.names.clear();
    for (int i = first; i < first + count; ++i) {
        if (!whole.professions.empty()) part.professions.push_back(whole.professions[size_t(i) % whole.professions.size()]);
        if (size_t(i) < whole.names.size()) part.names.push_back(whole.names[size_t(i)]);
    }
    return part;
}

// Each chapter fills its seats one member per trade, as the world deals a room: the parts
// without a list are dealt together around the listed members of the same chapter.
void dealChapterTrades(std::vector<Cohort>& population, const std::vector<std::vector<size_t>>& partsOfChapter,
                       int economyTrades) {
    const auto& all = professions();
    for (const auto& parts : partsOfChapter) {
        std::vector<Cohort> chapter;
        for (const size_t p : parts) chapter.push_back(population[p]);
        const auto trades = dealTrades(chapter, economyTrades);
        for (size_t k = 0; k < parts.size(); ++k) {
            Cohort& part = population[parts[k]];
            if (!part.professions.empty()) continue;
            for (const int t : trades[k]) part.professions.push_back(all[size_t(t)].key);
        }
    }
}

// The series a part of `c` joins when its chapter `series` becomes `chapter`.
std::vector<std::string> joinsWith(const Cohort& c, const std::vector<CalendarEntry>& calendar,
                                   const std::string& series, const std::string& chapter) {
    std::vector<std::string> out;
    if (c.joins.empty()) {
        for (const auto& entry : calendar) out.push_back(entry.name == series ? chapter : entry.name);
    } else {
        for (const auto& name : c.joins) out.push_back(name == series ? chapter : name);
    }
    return out;
}

void splitSeries(Scenario& sc, size_t entryIndex, int maxMembers) {
    const CalendarEntry series = sc.calendar[entryIndex];
    int members = 0;
    for (const auto& c : sc.population)
        if (c.joinsSeries(series.name)) members += c.count;
    const int chapters = (members + maxMembers - 1) / maxMembers;
    if (chapters <= 1) return;

    std::vector<CalendarEntry> calendar(sc.calendar.begin(), sc.calendar.begin() + std::ptrdiff_t(entryIndex));
    for (int k = 1; k <= chapters; ++k) {
        CalendarEntry chapter = series;
        chapter.name = series.name + " " + std::to_string(k);
        if (!series.nameJa.empty()) chapter.nameJa = series.nameJa + " " + std::to_string(k);
        calendar.push_back(chapter);
    }
    calendar.insert(calendar.end(), sc.calendar.begin() + std::ptrdiff_t(entryIndex) + 1, sc.calendar.end());

    // Remainders go round the chapters from where the last cohort's stopped, so chapter
    // sizes differ by at most one.
    std::vector<Cohort> population;
    auto partsOfChapter = std::vector<std::vector<size_t>>(size_t(chapters));
    int turn = 0;
    for (const auto& c : sc.population) {
        if (!c.joinsSeries(series.name)) {
            population.push_back(c);
            continue;
        }
        const int base = c.count / chapters, extra = c.count % chapters;
        int first = 0;
        for (int k = 0; k < chapters; ++k) {
            const int count = base + ((k - turn + chapters) % chapters < extra ? 1 : 0);
            if (count == 0) continue;
            Cohort part = slice(c, first, count);
            part.joins = joinsWith(c, sc.calendar, series.name, series.name + " " + std::to_string(k + 1));
            partsOfChapter[size_t(k)].push_back(population.size());
            population.push_back(std::move(part));
            first += count;
        }
        turn = (turn + extra) % chapters;
    }
    dealChapterTrades(population, partsOfChapter, int(sc.params[Param::EconomyTrades]));
    sc.calendar = std::move(calendar);
    sc.population = std::move(population);
}

}  // namespace

void splitLargeChapters(Scenario& scenario, int maxMembers) {
    for (size_t i = 0; i < scenario.calendar.size(); ++i) {
        if (scenario.calendar[i].kind != EventKind::Chapter) continue;
        const size_t before = scenario.calendar.size();
        splitSeries(scenario, i, maxMembers);
        i += scenario.calendar.size() - before;   // past the chapters just made
    }
}

}  // namespace tsunagari::experiments
