// The chapter-size chain (calibration/chapter_size.h) that explains the rule-of-20 row: its
// measurements must agree with each other, or the explanation in docs/calibration.md is void.
#include <doctest/doctest.h>

#include <algorithm>

#include "calibration/chapter_size.h"
#include "test_files.h"

using namespace tsunagari;
using namespace test_files;

TEST_CASE("chapter sizes: referrals passed are the needs that find a trusted member of the trade") {
    // Each need either finds a member the referrer trusts enough or is not referred, so the
    // referrals of year two follow from the needs and the weekly share that could be served.
    for (const auto& p : calibration::chapterSizeProfiles({15, 25}, 2)) {
        CAPTURE(p.members);
        CHECK(p.trustedYearOne <= p.members - 1);
        CHECK(p.coveredYearTwo > 0);
        CHECK(p.coveredYearTwo <= 1);
        CHECK(p.referralsYearTwo == doctest::Approx(p.needsYearTwo * p.coveredYearTwo).epsilon(0.15));
    }
}

TEST_CASE("cli: calibrate --chapter-sizes prints one line per chapter size") {
    const CliResult r = cli({"calibrate", "--chapter-sizes", "--seeds", "2"});
    CHECK(r.code == 0);
    CHECK(r.out.find("mean of 2 seeds") != std::string::npos);
    CHECK(r.out.find("\n     40 ") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("cli: calibrate --chapter-sizes refuses --markdown in one line") {
    const CliResult r = cli({"calibrate", "--chapter-sizes", "--markdown", "out.md"});
    CHECK(r.code == 2);
    CHECK(r.err.find("--chapter-sizes") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.out.empty());
}
