// `tsunagari-cli bench --hostile`: validates (and runs) generated hostile scenario files of
// growing size and prints seconds and MB/s per case, so a cost that is not linear shows.
#pragma once
#include <ostream>

namespace tsunagari::cli {

int runHostileBench(std::ostream& out, std::ostream& err);

}  // namespace tsunagari::cli
