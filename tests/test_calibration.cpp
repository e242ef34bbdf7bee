// The calibration table (docs/calibration.md): every row within a factor of two of its
// published anchor, except the rows the document explains; a change that moves another row
// off its anchor fails here.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "calibration/calibration.h"

using namespace tsunagari;

TEST_CASE("calibration rows stay within a factor of two of their anchors, but for the documented ones") {
    calibration::Options options;
    options.seeds = 6;
    const auto rows = calibration::measureAll(options);
    // Explained in docs/calibration.md, "Where the model is off".
    const std::set<std::string> documentedOff = {
        "referrals in year two, chapter of 25 over chapter of 15",
        "share of referrals between people who met twice a week or more",
        "share of referrals between people who met occasionally",
    };
    REQUIRE(rows.size() == 15);
    for (const auto& row : rows) {
        INFO(row.quantity << ": model " << row.measured << ", anchor " << row.anchorLow << "-" << row.anchorHigh);
        if (documentedOff.count(row.quantity)) continue;
        CHECK(row.withinFactorTwo());
    }
}

TEST_CASE("calibration: a weekly chapter makes members known within weeks and collaborators only gradually") {
    calibration::Options options;
    options.seeds = 4;
    const auto rows = calibration::measureAll(options);
    for (const auto& row : rows) {
        INFO(row.quantity << ": " << row.measured);
        if (row.quantity.rfind("weeks until a fellow member is known", 0) == 0) CHECK(row.measured <= 8);
        if (row.quantity.rfind("weeks until a pair becomes collaborators", 0) == 0) CHECK(row.measured >= 26);
        if (row.quantity.rfind("share of member pairs that are collaborators", 0) == 0) {
            CHECK(row.measured > 0.0);
            CHECK(row.measured < 0.5);
        }
    }
}

TEST_CASE("calibration: Hall's cut point is where half the pairs with that many hours are at the stage") {
    // Pairs at 0..99 hours; the stage is reached by a share rising linearly from 0 at 20 h to
    // 1 at 80 h: the cut point is 50 h, whatever the spread of hours observed.
    std::vector<double> hours;
    std::vector<uint8_t> reached;
    for (int h = 0; h < 100; ++h)
        for (int k = 0; k < 20; ++k) {
            hours.push_back(h);
            const double share = std::clamp((h - 20) / 60.0, 0.0, 1.0);
            reached.push_back(uint8_t(k < int(std::lround(20 * share))));
        }
    CHECK(calibration::hallCutPoint(hours, reached) == doctest::Approx(50).epsilon(0.03));
    // Observations only of pairs that passed early (the first-passage view) would put it lower;
    // the cut point uses every pair observed, passed or not.
    std::vector<uint8_t> never(hours.size(), 0);
    CHECK(std::isnan(calibration::hallCutPoint(hours, never)));
    CHECK(std::isnan(calibration::hallCutPoint({1, 2}, {0, 1})));
}
