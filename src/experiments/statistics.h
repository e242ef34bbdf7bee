// Statistics of replicate samples: summaries with Student's t confidence intervals, one-sample, paired and Welch t-tests, and the distributions they need.
//
// Everything here is implemented from scratch in plain double arithmetic (no std::lgamma,
// which is not thread-safe in glibc), is a pure function of its arguments and may be
// called from any thread. Inputs are assumed finite.
#pragma once
#include <cstddef>
#include <span>

namespace tsunagari::experiments {

// ---- distributions ----
// Accuracy (checked by the tests against published values and closed forms):
// - studentTQuantile: about 1e-12 relative for df in (0, 1e5] and p in [1e-12, 1 − 1e-12]
//   (Newton's method on the distribution function below); above df = 1e5 the Cornish–Fisher
//   expansion to the 1/df⁴ term (error O(1/df⁵)); df = +infinity gives the normal quantile.
// - studentTCdf / studentTTwoSidedP: the regularized incomplete beta function (continued
//   fraction), about 1e-12 relative for df ≤ 1e4 and 1e-9 up to df = 1e6; above that
//   Abramowitz & Stegun 26.7.8 (a normal approximation with error O(1/df²)).
// - normalQuantile: Acklam's approximation refined by Halley steps on erfc, about 1e-15.
// Non-integer df (Welch) are allowed; df must be > 0.

[[nodiscard]] double regularizedIncompleteBeta(double a, double b, double x);  // I_x(a, b), a, b > 0, x in [0, 1]
[[nodiscard]] double logGamma(double x);                // ln Γ(x), x > 0 (Lanczos, about 1e-15 relative)
[[nodiscard]] double normalCdf(double z);               // Φ(z)
[[nodiscard]] double normalQuantile(double p);          // Φ⁻¹(p), p in (0, 1); ±infinity at 0 and 1
[[nodiscard]] double studentTCdf(double t, double df);  // P(T ≤ t)
[[nodiscard]] double studentTQuantile(double p, double df);      // the t with P(T ≤ t) = p, p in (0, 1)
[[nodiscard]] double studentTTwoSidedP(double t, double df);     // P(|T| ≥ |t|)

// ---- samples ----

// A sample's summary. With n = 0 every figure is NaN; with n = 1 the mean is the value
// and sd, se and the interval are NaN. A sample with no spread has sd = se = 0 and an
// interval of width 0.
struct Summary {
    size_t n = 0;
    double mean = 0;
    double sd = 0;            // sample standard deviation (n - 1 in the denominator)
    double se = 0;            // standard error of the mean, sd / sqrt(n)
    double confidence = 0.95;
    double ciLow = 0;         // mean ∓ t_{(1+confidence)/2, n-1} · se
    double ciHigh = 0;
    [[nodiscard]] double halfWidth() const { return ciHigh - mean; }
};

[[nodiscard]] Summary summarize(std::span<const double> values, double confidence = 0.95);

// The share of values strictly above `threshold` (by default: the share of values > 0),
// e.g. the share of seeds on which a lesson's difference has the expected sign. NaN for an
// empty sample.
[[nodiscard]] double shareAbove(std::span<const double> values, double threshold = 0.0);

// A t-test's outcome. `estimate` is the mean (one-sample), the mean of a − b (paired) or
// mean(a) − mean(b) (Welch); the interval is for that estimate at `confidence`. p is
// two-sided, for the null hypothesis estimate = mu.
// With fewer than 2 values (in either sample for Welch) t, df, p and the interval are NaN.
// With no spread at all (se = 0): t = 0 and p = 1 if the estimate equals mu, otherwise
// t = ±infinity and p = 0; the interval is the estimate itself.
struct TTest {
    double estimate = 0;
    double se = 0;
    double t = 0;
    double df = 0;            // Welch: the Welch–Satterthwaite df (n1 + n2 − 2 when neither sample varies)
    double p = 1;
    double ciLow = 0, ciHigh = 0;
};

[[nodiscard]] TTest oneSampleTTest(std::span<const double> values, double mu = 0.0, double confidence = 0.95);
// Paired differences a[i] − b[i]; a and b must have the same size (std::invalid_argument otherwise).
[[nodiscard]] TTest pairedTTest(std::span<const double> a, std::span<const double> b, double confidence = 0.95);
// Welch's unequal-variance two-sample test of mean(a) − mean(b) = 0.
[[nodiscard]] TTest welchTTest(std::span<const double> a, std::span<const double> b, double confidence = 0.95);

}  // namespace tsunagari::experiments
