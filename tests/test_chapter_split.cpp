// The lesson grid's large populations meet as several chapters of a realistic size.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "experiments/chapter_split.h"
#include "experiments/lessons.h"
#include "professions.h"
#include "scenario_build.h"
#include "world.h"

using namespace tsunagari;

namespace {

Scenario region(int focal, int other) {
    Scenario s;
    s.title.en = "region";
    s.population = {cohortOf("average", "focal", focal), cohortOf("average", "comparison", other)};
    s.calendar = {seriesOf("chapter", EventKind::Chapter, 0, 7, 1.5, 3, 6, 0.9),
                  seriesOf("1-to-1s", EventKind::OneToOnes, 3, 7, 1.0, 1, 2, 1.0),
                  seriesOf("mixer", EventKind::Mixer, 12, 28, 2.0, 4, 4, 0.6)};
    return s;
}

}  // namespace

TEST_CASE("chapter split: a region of 1,000 meets as chapters of at most 60, each group dealt evenly over them") {
    const Scenario whole = region(130, 870);
    Scenario split = whole;
    experiments::splitLargeChapters(split);

    std::map<std::string, int> chapterSize;
    std::map<std::pair<std::string, std::string>, int> groupInChapter;
    for (const auto& c : split.population) {
        int chapters = 0;
        for (const auto& name : c.joins) {
            if (name.rfind("chapter ", 0) != 0) continue;
            ++chapters;
            chapterSize[name] += c.count;
            groupInChapter[{name, c.label}] += c.count;
        }
        CHECK(chapters == 1);   // a member belongs to one chapter
        CHECK(std::find(c.joins.begin(), c.joins.end(), "mixer") != c.joins.end());
        CHECK(std::find(c.joins.begin(), c.joins.end(), "1-to-1s") != c.joins.end());
    }
    CHECK(chapterSize.size() == 17);   // ceil(1000 / 60)
    int smallest = 1000, largest = 0;
    for (const auto& [name, size] : chapterSize) {
        smallest = std::min(smallest, size);
        largest = std::max(largest, size);
    }
    CHECK(largest <= experiments::kMaxChapterMembers);
    CHECK(largest - smallest <= 1);
    for (const auto& [key, count] : groupInChapter) {
        INFO(key.first << " " << key.second);
        CHECK(count >= (key.second == "focal" ? 130 : 870) / 17);
        CHECK(count <= (key.second == "focal" ? 130 : 870) / 17 + 1);
    }
    // The chapters take the original's place, with its timing; the other series stay.
    REQUIRE(split.calendar.size() == 17 + 2);
    CHECK(split.calendar[0].name == "chapter 1");
    CHECK(split.calendar[16].name == "chapter 17");
    CHECK(split.calendar[16].everyDays == 7);
    CHECK(split.calendar[17].name == "1-to-1s");
    CHECK(split.calendar[18].name == "mixer");
    // Each chapter fills one seat per trade before any trade gets a second, every group its share.
    const World w(split);
    std::map<std::string, std::vector<int>> holders;   // per chapter, per trade
    for (const auto& a : w.attendees()) {
        auto& held = holders[split.population[size_t(a.cohort)].joins[0]];
        held.resize(professions().size(), 0);
        ++held[size_t(a.profession)];
    }
    for (const auto& [chapter, held] : holders) {
        INFO(chapter);
        CHECK(*std::max_element(held.begin(), held.end()) - *std::min_element(held.begin(), held.end()) <= 1);
    }
}

TEST_CASE("chapter split: a chapter of 60 or fewer, and people outside the chapter, are left as they are") {
    Scenario small = region(30, 30);
    experiments::splitLargeChapters(small);
    CHECK(small.calendar.size() == 3);
    CHECK(small.population.size() == 2);
    CHECK(small.population[0].joins.empty());

    Scenario mixed = region(100, 100);
    mixed.population[1].joins = {"mixer"};   // outsiders: only the mixer
    experiments::splitLargeChapters(mixed);
    CHECK(mixed.calendar.size() == 3 + 1);    // 100 chapter members: two chapters of 50
    CHECK(mixed.population.back().joins == std::vector<std::string>{"mixer"});
    CHECK(mixed.population.back().count == 100);
}

TEST_CASE("chapter split: in the grid's 1,000-person chapter cells, each chapter meeting seats only its own members") {
    experiments::Situation s;
    s.population = 1000;
    s.calendar = experiments::CalendarKind::ChapterOnly;
    World w(experiments::lessonScenario(2, s, true, 3));
    std::map<std::string, std::vector<uint32_t>> seen;
    for (int k = 0; k < 40 && w.stepEvent(); ++k) {
        const auto& entry = w.scenario().calendar[size_t(w.event().entry)];
        if (entry.kind != EventKind::Chapter) continue;
        for (const uint32_t id : w.event().participants) seen[entry.name].push_back(id);
    }
    REQUIRE(seen.size() == 17);
    std::map<uint32_t, std::string> chapterOf;
    for (auto& [name, ids] : seen) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        CHECK(ids.size() <= size_t(experiments::kMaxChapterMembers));
        for (const uint32_t id : ids) {
            const auto [it, added] = chapterOf.emplace(id, name);
            CHECK(it->second == name);
        }
    }
}
