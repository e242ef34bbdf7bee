// The libm-free kernels behind forgetting (numeric_kernels.h) against the C library's
// std::exp2 / std::log2, over dense sweeps of their stated domains plus the points where each
// is worst (just below a table step, where the remainder is largest). The bounds are the ones
// stated at the declarations; the kernels measure about 1.5 times under them, so any real loss
// of accuracy (let alone a factor of a million) fails here.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "numeric_kernels.h"

using namespace tsunagari;

namespace {

constexpr double kExp2RelativeBound = 3e-12;   // as stated at exp2NonPositive
constexpr double kLog2AbsoluteBound = 1e-6;    // as stated at log2Positive

// Largest error seen over a sweep, and where, so a failure says which input to look at.
struct Worst {
    double error = 0, at = 0;
    long points = 0;
    void see(double e, double x) {
        ++points;
        if (!(e <= error)) {   // NaN counts as worst
            error = e;
            at = x;
        }
    }
};

void seeExp2(Worst& w, double x) {
    const double exact = std::exp2(x);
    w.see(std::fabs(exp2NonPositive(x) - exact) / exact, x);
}

void seeLog2(Worst& w, double x) { w.see(std::fabs(log2Positive(x) - std::log2(x)), x); }

}  // namespace

TEST_CASE("numeric kernels: exp2NonPositive is within 3e-12 relative of std::exp2 on [-1000, 0]") {
    Worst w;
    // Dense: 4 million even steps over the whole domain (about 16 per table step of 1/256),
    // offset so they do not land on table boundaries only.
    constexpr long kSteps = 4'000'000;
    for (long i = 0; i <= kSteps; ++i) seeExp2(w, -1000.0 * (double(i) + 0.3) / double(kSteps + 1));
    // Finer still where it is used most (fades of a few half-lives).
    for (long i = 0; i <= 1'000'000; ++i) seeExp2(w, -8.0 * double(i) / 1'000'000.0);
    // Each table step's worst point, the largest double below the next step, and its start.
    for (int m = 1; m <= 1000 * 256; ++m) {
        const double boundary = -double(m) / 256.0;   // exact in binary
        seeExp2(w, boundary);
        seeExp2(w, std::nextafter(-double(m - 1) / 256.0, -2000.0));
    }
    // Ends of the domain, and the integers, where only the power-of-two scale works.
    for (const double x : {0.0, -0.0, -1e-300, -std::numeric_limits<double>::denorm_min(), -1000.0,
                           -999.999, -0.5, -1.0})
        seeExp2(w, x);
    for (int k = 0; k <= 1000; ++k) seeExp2(w, -double(k));
    INFO("max relative error " << w.error << " at x = " << w.at << " over " << w.points << " points");
    CHECK(w.error < kExp2RelativeBound);
    CHECK(w.points > 5'000'000);
}

TEST_CASE("numeric kernels: exp2NonPositive gives 0 below -1000, off by under 2^-1000") {
    const double tiny = std::exp2(-1000.0);
    for (const double x : {-1000.0000001, -1001.0, -1022.0, -1074.0, -1075.0, -5000.0, -1e300,
                           -std::numeric_limits<double>::max(), -std::numeric_limits<double>::infinity()}) {
        INFO("x = " << x);
        CHECK(exp2NonPositive(x) == 0.0);
        CHECK(std::exp2(x) < tiny);
    }
}

TEST_CASE("numeric kernels: exp2NonPositive stays in its table for x just below 0") {
    // There x - floor(x) = x + 1 rounds up to 1, so the step is 256: the table's last entry, 2^1.
    // (It once read one past the table's end; 2^x rounds to 1 for all these x.)
    for (const double x : {-std::numeric_limits<double>::denorm_min(), -1e-300, -0x1p-60, -0x1p-54}) {
        INFO("x = " << x);
        CHECK(exp2NonPositive(x) == 1.0);
    }
}

TEST_CASE("numeric kernels: log2Positive is within 1e-6 absolute of std::log2 for x >= 1") {
    Worst w;
    // Dense on [1, 4): 8 million points, about 8000 per table step, including the steps' middles
    // where linear interpolation is worst.
    constexpr long kSteps = 8'000'000;
    for (long i = 0; i < kSteps; ++i) seeLog2(w, 1.0 + 3.0 * double(i) / double(kSteps));
    // Every table step's middle and both ends, at every binary exponent up to the largest double.
    for (int e = 0; e <= 1023; ++e)
        for (int step = 0; step < 512; ++step)
            for (const double within : {0.0, 0.25, 0.5, 0.75}) {
                const double mantissa = 1.0 + (double(step) + within) / 512.0;
                seeLog2(w, std::ldexp(mantissa, e));
            }
    // Just above 1, where log2 is near 0, and the top of the range.
    for (int k = 1; k <= 52; ++k) seeLog2(w, 1.0 + std::ldexp(1.0, -k));
    seeLog2(w, 1.0);
    seeLog2(w, std::nextafter(2.0, 1.0));
    seeLog2(w, std::numeric_limits<double>::max());
    INFO("max absolute error " << w.error << " at x = " << w.at << " over " << w.points << " points");
    CHECK(w.error < kLog2AbsoluteBound);
    CHECK(w.points > 10'000'000);
}
