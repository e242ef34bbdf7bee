// `tsunagari-cli bench --soak EVERY`: a long run of the bench's daily mixer that prints memory
// over time, to show it flat in steady state (forgetting frees what new meetings take).
#pragma once
#include <ostream>

#include "args.h"

namespace tsunagari::cli {

int runSoak(const BenchOptions& options, std::ostream& out);

}  // namespace tsunagari::cli
