// `tsunagari-cli tournament` and `tsunagari-cli evolve`: replicates in parallel, progress and
// Ctrl-C on stderr, CSVs and the resolved spec written atomically, the table on stdout.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "args.h"

namespace tsunagari::cli {

// `commandLine` is the arguments after the program name, recorded in record.json.
int runTournamentCommand(const TournamentOptions& options, const std::vector<std::string>& commandLine,
                         std::ostream& out, std::ostream& err, bool progress);
int runEvolveCommand(const TournamentOptions& options, const std::vector<std::string>& commandLine,
                     std::ostream& out, std::ostream& err, bool progress);

}  // namespace tsunagari::cli
