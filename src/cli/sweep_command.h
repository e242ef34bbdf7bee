// The experiment commands: sweep (an experiment spec), compare (settings given with --set and
// --vs) and merge (shards of a sweep), with progress, Ctrl-C and resume.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "args.h"

namespace tsunagari::cli {

inline constexpr int kExitInterrupted = 130;   // Ctrl-C: finished cells kept, resumable

// `args` is the whole command line after the program name, for record.json and the resume hint.
int runSweep(const SweepOptions& options, const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
             bool progress);
int runCompare(const CompareOptions& options, const std::vector<std::string>& args, std::ostream& out,
               std::ostream& err, bool progress);
int runMerge(const MergeOptions& options, const std::vector<std::string>& args, std::ostream& out);

}  // namespace tsunagari::cli
