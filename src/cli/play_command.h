// `tsunagari-cli play`: a season played from one attendee's seat by a script, beside the built-in habits.
#pragma once
#include <ostream>

#include "args.h"

namespace tsunagari::cli {

int runPlay(const PlayOptions& options, std::ostream& out, std::ostream& err);

}  // namespace tsunagari::cli
