// record.json: how a run folder was made (version, command line, source, overrides, seed,
// length), enough with scenario.json to rerun it (`run --from DIR`).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar_length.h"

namespace tsunagari::cli {

struct RunRecord {
    std::vector<std::string> commandLine;   // as typed, program name first
    std::string source;                     // the scenario file, or the snapshot resumed from
    std::string rerunOf;                    // the folder given to --from, or ""
    std::string resumedFrom;                // the snapshot resumed from, or ""
    int resumedAtEvent = 0;                 // events the snapshot held
    std::vector<std::string> overrides;     // --set assignments in order (already in scenario.json)
    uint64_t seed = 0;
    RunLength lengthAsked;                  // the length flag, or the scenario's "events"
    int eventsAsked = 0;                    // the length as a count of events
    int eventsRun = 0;
    int day = 0;                            // the last day simulated
};

[[nodiscard]] std::string recordJson(const RunRecord& record);

// Reads what a rerun needs (source, overrides, length, events asked) from a record.json;
// throws ScenarioError naming the file and the JSON path.
[[nodiscard]] RunRecord readRunRecord(const std::string& path);

}  // namespace tsunagari::cli
