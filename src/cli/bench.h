// `tsunagari-cli bench`: single-thread speed and memory of the simulation at several sizes.
#pragma once
#include <ostream>

#include <nlohmann/json.hpp>

#include "args.h"

namespace tsunagari::cli {

int runBench(const BenchOptions& options, std::ostream& out);

// The bench's scenario: every archetype in equal shares, all at one mixer a day.
[[nodiscard]] nlohmann::json benchScenario(int attendees);

}  // namespace tsunagari::cli
