// A region's business owners do not meet as one chapter: the lesson grid's larger
// populations form several chapters of a realistic size, side by side on the same calendar.
#pragma once
#include "scenario.h"

namespace tsunagari::experiments {

// The largest chapter the grid builds. BNI's chapters have roughly 25-30 members on average
// (its published member and chapter counts; a recollection, not a figure in this repository)
// and large ones 60 or more. 60 is also the grid's second population level, so the levels up
// to 60 stay one chapter; it was fixed before the grid was run and not tuned to its results.
constexpr int kMaxChapterMembers = 60;

// Splits every chapter series with more than `maxMembers` members into the fewest chapters
// of at most that many ("NAME 1", "NAME 2", …, same timing, in its place in the calendar).
// Each cohort is dealt over the chapters as evenly as possible, keeping its label (so the
// groups compared are unchanged), its traits and any trades it lists; members of cohorts
// without a list are dealt trades per chapter, one member per trade as far as they go.
void splitLargeChapters(Scenario& scenario, int maxMembers = kMaxChapterMembers);

}  // namespace tsunagari::experiments
