// tsunagari-cli validate FILE: checks a scenario, a story, an experiment spec or a tournament /
// evolution spec, telling which kind it took the file for.
#pragma once
#include <ostream>

#include "args.h"

namespace tsunagari::cli {

int validateCommand(const ValidateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace tsunagari::cli
