// `tsunagari-cli calibrate` and `tsunagari-cli lessons`: the calibration table and the lesson grid.
#pragma once
#include <ostream>

#include "args.h"

namespace tsunagari::cli {

int runCalibrate(const CalibrateOptions& options, std::ostream& out, std::ostream& err, bool progress);
int runLessons(const LessonsOptions& options, std::ostream& out, std::ostream& err, bool progress);

}  // namespace tsunagari::cli
