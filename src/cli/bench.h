// `tsunagari-cli bench`: single-thread speed and memory of the simulation at several sizes.
#pragma once
#include <ostream>

#include "args.h"

namespace tsunagari::cli {

int runBench(const BenchOptions& options, std::ostream& out);

}  // namespace tsunagari::cli
