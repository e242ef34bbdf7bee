// The lesson robustness grid: each lesson of MODEL.md (L1–L10) measured in situations a
// trainer might set up (sizes, mixes, cadences, calendars, seating, lengths), over seeds,
// with its mechanism on and off. A lesson holds in a cell when its effect has the seeds'
// sign with p < 0.01, is visibly large, and shrinks below a quarter with its mechanism off.
#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "scenario.h"

namespace tsunagari::experiments {

enum class CalendarKind { ChapterOnly, MixerOnly, Both };

struct Situation {
    int population = 60;
    double focalShare = 0.5;      // share of the population in the lesson's focal group
    int cadenceDays = 7;          // weekly, fortnightly, monthly
    CalendarKind calendar = CalendarKind::Both;
    Policy policy = Policy::Rotation;
    int years = 1;
};
[[nodiscard]] std::string describe(const Situation& s);

struct LessonInfo {
    int number;                   // 1..10
    const char* claim;            // the lesson in one line
    const char* measure;          // the effect measured, positive in the seeds' direction
    const char* mechanismOff;     // what "mechanism off" switches
    bool nullLesson;              // L9: the lesson is that there is no effect
};
[[nodiscard]] const std::vector<LessonInfo>& lessons();

// The scenario of lesson `number` in `situation`, with its mechanism on or off.
[[nodiscard]] Scenario lessonScenario(int number, const Situation& situation, bool mechanismOn, uint64_t seed,
                                      const Params& params = Params{});   // the model's constants before the lesson's own
// The effect (positive in the seeds' direction) and the level it is judged against (the
// comparison group's figure); effect NaN when the situation gives nothing to measure.
struct Measurement {
    double effect = 0;
    double scale = 0;
};
// Runs the lesson's scenario to its length and measures it.
[[nodiscard]] Measurement lessonEffect(int number, const Situation& situation, bool mechanismOn, uint64_t seed,
                                       const Params& params = Params{});

struct CellResult {
    Situation situation;
    int lesson = 0;
    int seeds = 0;
    double meanOn = 0, ciOnLow = 0, ciOnHigh = 0, pOn = 1;   // effect with the mechanism, over seeds
    double meanOff = 0;                                       // effect without it
    double scale = 0;                                         // the comparison group's level, for "visible"
    bool measurable = false;      // most seeds gave a value
    bool holds = false;
    std::string why;              // when it does not hold: which test failed
    std::vector<double> on, off, scales; // per seed, in seed order (effect NaN: nothing to measure)
};

// Fills a cell's verdict from its per-seed values (mean, interval, p, holds, why).
void judge(CellResult& cell);
// The verdicts a run with only the first `seeds` seeds would give (seeds derive from the cell
// and the seed's index, so those runs are the same).
[[nodiscard]] std::vector<CellResult> firstSeeds(const std::vector<CellResult>& results, int seeds);

struct GridOptions {
    int seeds = 30;
    size_t cells = 60;
    unsigned jobs = 0;                 // 0 = all cores
    std::vector<int> lessonNumbers;    // empty = all ten
    Params params;                     // the model's constants in every cell (lessons --set)
    std::atomic<bool>* stop = nullptr;
    std::function<void(size_t, size_t)> progress;   // replicates done, total
};

// The grid's situations: a strength-2 covering design over the factors of
// robustnessGridFactors(), padded to `cells` rows.
[[nodiscard]] std::vector<Situation> gridSituations(size_t cells);
[[nodiscard]] std::vector<CellResult> runGrid(const GridOptions& options);
[[nodiscard]] std::string gridMarkdown(const std::vector<CellResult>& results);

// The fewest cells in which each lesson must hold in the default grid (60 cells, 30 or 10
// seeds), as docs/lessons.md states; one line per lesson that falls short. Other grids are not judged.
[[nodiscard]] std::vector<std::string> shortfalls(const std::vector<CellResult>& results, int seeds, size_t cells);

}  // namespace tsunagari::experiments
