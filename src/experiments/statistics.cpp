// Sample summaries, t-tests and the distributions behind them (see statistics.h).
#include "statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace tsunagari::experiments {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Above these df the t distribution's incomplete-beta route loses accuracy to cancellation
// in ln B(df/2, 1/2) (about 1e-16 · df · ln df relative) and needs more continued-fraction
// terms (about sqrt(df)); asymptotic forms take over, accurate to O(1/df²) for the
// distribution function and O(1/df⁵) for the quantile.
constexpr double kLargeDfCdf = 1e6;
constexpr double kLargeDfQuantile = 1e5;

void checkConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) throw std::invalid_argument("confidence must be in (0, 1)");
}

// Lentz's continued fraction for I_x(a, b) (Numerical Recipes' betacf), valid and fast for
// x < (a + 1) / (a + b + 2).
double betaContinuedFraction(double a, double b, double x) {
    constexpr double tiny = 1e-300;
    constexpr double eps = 1e-16;
    const double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    const int maxIterations = 1000 + int(10 * std::sqrt(std::max(a, b)));
    for (int m = 1; m <= maxIterations; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        const double step = d * c;
        h *= step;
        if (std::fabs(step - 1) < eps) break;
    }
    return h;
}

// I_x(a, b) given both x and y = 1 − x, so that a caller who knows y more precisely than
// 1 − x (e.g. t² / (df + t²)) keeps that precision.
double incompleteBeta(double a, double b, double x, double y) {
    if (x <= 0) return 0;
    if (y <= 0) return 1;
    const double logFront = a * std::log(x) + b * std::log(y) - (logGamma(a) + logGamma(b) - logGamma(a + b));
    if (x < (a + 1) / (a + b + 2)) return std::exp(logFront) * betaContinuedFraction(a, b, x) / a;
    return 1 - std::exp(logFront) * betaContinuedFraction(b, a, y) / b;
}

double studentTDensity(double t, double df) {
    const double logDensity = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * std::log(df * std::numbers::pi) -
                              (df + 1) / 2 * std::log1p(t * t / df);
    return std::exp(logDensity);
}

// Cornish–Fisher expansion of the t quantile around the normal quantile z (Abramowitz &
// Stegun 26.7.5), to the 1/df^4 term.
double cornishFisher(double z, double df) {
    const double z2 = z * z;
    const double g1 = (z2 + 1) * z / 4;
    const double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    const double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    const double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
    return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

struct Moments {
    size_t n = 0;
    double mean = kNaN;
    double variance = kNaN;   // sample variance, n − 1 in the denominator
};

Moments moments(std::span<const double> values) {
    Moments m;
    m.n = values.size();
    if (m.n == 0) return m;
    double sum = 0;
    for (double v : values) sum += v;
    m.mean = sum / double(m.n);
    if (m.n < 2) return m;
    double squares = 0;
    for (double v : values) squares += (v - m.mean) * (v - m.mean);
    m.variance = squares / double(m.n - 1);
    return m;
}

// Fills t, p and the interval of `test` from its estimate, se and df.
void finishTest(TTest& test, double mu, double confidence) {
    if (std::isnan(test.se) || std::isnan(test.df)) {
        test.t = test.p = test.ciLow = test.ciHigh = kNaN;
        return;
    }
    const double difference = test.estimate - mu;
    if (test.se == 0) {
        test.t = difference == 0 ? 0.0 : std::copysign(kInf, difference);
        test.p = difference == 0 ? 1.0 : 0.0;
        test.ciLow = test.ciHigh = test.estimate;
        return;
    }
    test.t = difference / test.se;
    test.p = studentTTwoSidedP(test.t, test.df);
    const double halfWidth = studentTQuantile((1 + confidence) / 2, test.df) * test.se;
    test.ciLow = test.estimate - halfWidth;
    test.ciHigh = test.estimate + halfWidth;
}

}  // namespace

double logGamma(double x) {
    if (!(x > 0)) return kNaN;
    if (std::isinf(x)) return kInf;
    // Shift up to x ≥ 15 with Γ(x) = Γ(x + k) / (x (x + 1) … (x + k − 1)), then Stirling's
    // series; its first omitted term, 691 / (360360 x^11), is below 3e-16 there.
    double shift = 0;
    while (x < 15) {
        shift += std::log(x);
        x += 1;
    }
    const double r = 1 / x, r2 = r * r;
    const double series = r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
    return (x - 0.5) * std::log(x) - x + 0.5 * std::log(2 * std::numbers::pi) + series - shift;
}

double regularizedIncompleteBeta(double a, double b, double x) {
    if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return kNaN;
    return incompleteBeta(a, b, x, 1 - x);
}

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

double normalQuantile(double p) {
    if (std::isnan(p) || p < 0 || p > 1) return kNaN;
    if (p == 0) return -kInf;
    if (p == 1) return kInf;
    if (p > 0.5) return -normalQuantile(1 - p);   // 1 − p is exact for p ≥ 0.5
    // Acklam's rational approximation (relative error below 1.2e-9), then Halley steps on
    // Φ(z) − p, which erfc gives with full relative precision in the lower tail.
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    double z;
    if (p < 0.02425) {
        const double q = std::sqrt(-2 * std::log(p));
        z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else {
        const double q = p - 0.5, r = q * q;
        z = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    for (int i = 0; i < 3; ++i) {
        const double e = normalCdf(z) - p;
        const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(z * z / 2);
        const double next = z - u / (1 + z * u / 2);
        if (!std::isfinite(next)) break;
        z = next;
    }
    return z;
}

double studentTTwoSidedP(double t, double df) {
    if (std::isnan(t) || !(df > 0)) return kNaN;
    const double t2 = t * t;
    if (t2 == 0) return 1;
    if (std::isinf(t2)) return 0;
    if (df > kLargeDfCdf) {
        // Abramowitz & Stegun 26.7.8: t (1 − 1/(4 df)) / sqrt(1 + t²/(2 df)) is nearly
        // standard normal, with an error of order 1/df² (df = +infinity: exactly normal).
        const double z = std::fabs(t) * (1 - 0.25 / df) / std::sqrt(1 + t2 / (2 * df));
        return std::erfc(z / std::numbers::sqrt2);
    }
    return incompleteBeta(df / 2, 0.5, 1 / (1 + t2 / df), 1 / (1 + df / t2));
}

double studentTCdf(double t, double df) {
    if (std::isnan(t) || !(df > 0)) return kNaN;
    const double tail = 0.5 * studentTTwoSidedP(t, df);   // P(T ≥ |t|)
    return t > 0 ? 1 - tail : tail;
}

double studentTQuantile(double p, double df) {
    if (std::isnan(p) || p < 0 || p > 1 || !(df > 0)) return kNaN;
    if (p == 0) return -kInf;
    if (p == 1) return kInf;
    if (p == 0.5) return 0;
    if (p > 0.5) return -studentTQuantile(1 - p, df);   // 1 − p is exact for p ≥ 0.5
    if (std::isinf(df)) return normalQuantile(p);
    const double z = normalQuantile(p);
    if (df > kLargeDfQuantile) return cornishFisher(z, df);     // first omitted term below 1e-19 · z^11

    // Solve U(x) = p for x = −t > 0, U(x) = P(T ≥ x), by Newton's method (U′ = −density)
    // kept inside a bracket [lo, hi] with U(lo) > p ≥ U(hi), falling back to bisection.
    auto upper = [df](double x) { return 0.5 * studentTTwoSidedP(x, df); };
    double lo = 0, hi = 1;
    while (upper(hi) > p) {
        lo = hi;
        hi *= 2;
        if (std::isinf(hi)) return -kInf;
    }
    double x = std::fabs(cornishFisher(z, df));
    if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
    for (int iteration = 0; iteration < 400; ++iteration) {
        const double f = upper(x) - p;
        if (f == 0) break;
        if (f > 0) lo = x;
        else hi = x;
        double next = x + f / studentTDensity(x, df);
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        const bool converged = std::fabs(next - x) <= 1e-15 * next;
        x = next;
        if (converged || hi - lo <= 1e-15 * hi) break;
    }
    return -x;
}

Summary summarize(std::span<const double> values, double confidence) {
    checkConfidence(confidence);
    const Moments m = moments(values);
    Summary s;
    s.n = m.n;
    s.confidence = confidence;
    s.mean = m.mean;
    s.sd = std::sqrt(m.variance);
    s.se = s.sd / std::sqrt(double(m.n));
    if (m.n < 2) {
        s.sd = s.se = s.ciLow = s.ciHigh = kNaN;
        return s;
    }
    const double halfWidth = s.se == 0 ? 0.0 : studentTQuantile((1 + confidence) / 2, double(m.n - 1)) * s.se;
    s.ciLow = s.mean - halfWidth;
    s.ciHigh = s.mean + halfWidth;
    return s;
}

double shareAbove(std::span<const double> values, double threshold) {
    if (values.empty()) return kNaN;
    const auto above = std::count_if(values.begin(), values.end(), [threshold](double v) { return v > threshold; });
    return double(above) / double(values.size());
}

TTest oneSampleTTest(std::span<const double> values, double mu, double confidence) {
    checkConfidence(confidence);
    const Moments m = moments(values);
    TTest test;
    test.estimate = m.mean;
    test.se = m.n < 2 ? kNaN : std::sqrt(m.variance / double(m.n));
    test.df = m.n < 2 ? kNaN : double(m.n - 1);
    finishTest(test, mu, confidence);
    return test;
}

TTest pairedTTest(std::span<const double> a, std::span<const double> b, double confidence) {
    if (a.size() != b.size()) throw std::invalid_argument("pairedTTest: samples of different sizes");
    std::vector<double> differences(a.size());
    for (size_t i = 0; i < a.size(); ++i) differences[i] = a[i] - b[i];
    return oneSampleTTest(differences, 0.0, confidence);
}

TTest welchTTest(std::span<const double> a, std::span<const double> b, double confidence) {
    checkConfidence(confidence);
    const Moments ma = moments(a), mb = moments(b);
    TTest test;
    test.estimate = ma.mean - mb.mean;
    if (ma.n < 2 || mb.n < 2) {
        test.se = test.df = kNaN;
        finishTest(test, 0.0, confidence);
        return test;
    }
    const double va = ma.variance / double(ma.n), vb = mb.variance / double(mb.n);
    test.se = std::sqrt(va + vb);
    test.df = va + vb == 0 ? double(ma.n + mb.n - 2)
                           : (va + vb) * (va + vb) / (va * va / double(ma.n - 1) + vb * vb / double(mb.n - 1));
    finishTest(test, 0.0, confidence);
    return test;
}

}  // namespace tsunagari::experiments
