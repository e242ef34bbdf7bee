// The model's measured values beside the published anchors it is calibrated to (Hall 2019,
// Misner's chapter timeline, Granovetter 1973, Grant & Gino 2010, the referral organisation's
// own counts, seed 004's forgotten cards). `tsunagari-cli calibrate` prints this table and
// docs/calibration.md records it; the tests hold each row within a factor of two of its anchor.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "scenario.h"

namespace tsunagari::calibration {

struct Row {
    std::string quantity;   // what is measured, with its unit
    std::string source;     // who published the anchor
    std::string scenario;   // the situation that measures it
    double anchorLow = 0;   // published value, or the ends of a published range
    double anchorHigh = 0;
    double measured = 0;    // the model's mean over the seeds
    double spread = 0;      // standard deviation over seeds
    // Within a factor of two of the anchor (of its nearer end for a range).
    [[nodiscard]] bool withinFactorTwo() const;
};

struct Options {
    int seeds = 10;          // replicates per situation (seeds 1..seeds)
    Params params;           // the model's constants in every situation (`calibrate --set`)
};

// Situations the table is measured in, built in code so the table does not depend on the
// shipped scenarios (which a trainer may edit).
[[nodiscard]] Scenario weeklyChapter(int members, int years);   // weekly 90-minute chapter with 1-to-1s
[[nodiscard]] Scenario monthlyMixer(int visitors);              // monthly open mixer of strangers

// Hall's (2019) cut point: given observations of pairs (hours together so far, at a stage or
// not), the hours at which a logistic curve of "at the stage" over hours crosses one half.
// NaN when there are fewer than 10 observations or the stage does not become likelier with hours.
[[nodiscard]] double hallCutPoint(const std::vector<double>& hours, const std::vector<uint8_t>& reached);

// Every row, each averaged over `options.seeds` seeds. `progress(done, total)` may be empty.
[[nodiscard]] std::vector<Row> measureAll(const Options& options,
                                          const std::function<void(int, int)>& progress = {});

// The table as aligned text and as Markdown (docs/calibration.md).
[[nodiscard]] std::string formatText(const std::vector<Row>& rows);
[[nodiscard]] std::string formatMarkdown(const std::vector<Row>& rows);

}  // namespace tsunagari::calibration
