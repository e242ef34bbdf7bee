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

TEST_CASE("cli: calibrate --set tries a model constant in every situation, and names a bad one in one line") {
    const CliResult plain = cli({"calibrate", "--chapter-sizes", "--seeds", "2"});
    const CliResult set = cli({"calibrate", "--chapter-sizes", "--seeds", "2", "--set", "params.rapport_spread=0.7"});
    REQUIRE(set.code == 0);
    CHECK(set.out.rfind("With params.rapport_spread=0.7.\n\n", 0) == 0);
    CHECK(set.out.substr(set.out.find("\n\n") + 2) != plain.out);   // the same table header, other figures
    for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"calibrate", "--set", "params.rapport_spread=3"}, "<--set>: params.rapport_spread: expected a number in [0, 2], found 3"},
             {{"calibrate", "--set", "busy_chance=0.3"}, "only the model's constants can be set"},
             {{"calibrate", "--set", "params.no_such=1"}, "unknown key \"no_such\""}}) {
        const CliResult bad = cli(args);
        INFO(bad.err);
        CHECK(bad.code == 2);
        CHECK(bad.err.find(message) != std::string::npos);
        CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
        CHECK(bad.out.empty());
    }
}

TEST_CASE("cli: lessons --set runs the grid with other model constants and says so, without the promises") {
    const CliResult r = cli({"lessons", "--lessons", "4", "--seeds", "2", "--cells", "2", "--set", "params.rapport_spread=0.7"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("With params.rapport_spread=0.7.\n", 0) == 0);
    CHECK(r.out.find("### L4") != std::string::npos);
    CHECK(r.out.find("BELOW PROMISE") == std::string::npos);
}
