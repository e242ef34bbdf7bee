// Why a larger chapter passes no more referrals in the model (BNI's rule of 20 says about
// three times as many): per chapter size, how many fellow members each member trusts enough to
// refer to, how many client needs arise, how many of them find such a member of the needed
// trade, and how many referrals are passed. `tsunagari-cli calibrate --chapter-sizes` prints it.
#pragma once
#include <string>
#include <vector>

#include "params.h"

namespace tsunagari::calibration {

struct ChapterSizeProfile {
    int members = 0;
    double trustedYearOne = 0;   // per member: fellow members trusted at least the member's referral threshold, day 365
    double trustedYearTwo = 0;   // the same on day 730
    double needsYearTwo = 0;     // per member: client needs for another member's trade in year two, expected from the parameters
    double coveredYearTwo = 0;   // share of those needs a trusted member of the trade could take (weekly, over year two)
    double referralsYearTwo = 0;   // per member, passed in year two (declined ones included)
};

// Each size in the calibration's weekly chapter (calibration.h), averaged over seeds 1..seeds,
// with the model's constants `params`.
[[nodiscard]] std::vector<ChapterSizeProfile> chapterSizeProfiles(const std::vector<int>& sizes, int seeds,
                                                                  const Params& params = Params{});

[[nodiscard]] std::string formatChapterSizes(const std::vector<ChapterSizeProfile>& profiles, int seeds);

}  // namespace tsunagari::calibration
