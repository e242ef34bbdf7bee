// `tsunagari-cli story`: a workshop story told as text, or its predictions checked over seeds.
#pragma once
#include <ostream>

#include "args.h"

namespace tsunagari::cli {

inline constexpr int kExitStoryFluke = 3;   // a prediction's expected answer won on too few seeds

int runStory(const StoryOptions& options, std::ostream& out, std::ostream& err);

}  // namespace tsunagari::cli
