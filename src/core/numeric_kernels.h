// libm-free 2^x and log2(x) for the forgetting arithmetic (relationships.cpp): plain IEEE double
// operations and tables computed when compiling, so the results are the same bits on every
// platform and compiler (libm's exp2/log2 are not), which keeps runs reproducible everywhere.
// Their accuracy against std::exp2/std::log2 is checked by tests/test_numeric_kernels.cpp.
#pragma once
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace tsunagari {

namespace numeric_detail {

// e^y by its Taylor series; when compiling, for the table below.
constexpr double expSeries(double y) {
    double sum = 1, term = 1;
    for (int k = 1; k <= 30; ++k) sum += term *= y / k;
    return sum;
}

// 2^(i/256), computed when compiling, and 2^1 = 2 exactly after them for exp2NonPositive's step 256.
inline constexpr int kExp2Steps = 256;
inline constexpr auto kExp2Table = [] {
    std::array<double, kExp2Steps + 1> table{};
    for (int i = 0; i < kExp2Steps; ++i) table[size_t(i)] = expSeries(0.6931471805599453 * i / kExp2Steps);
    table[kExp2Steps] = 2.0;
    return table;
}();

// log2(m) for m in [1, 2]: t = (m - 1) / (m + 1) <= 1/3, and log2(m) = 2 atanh(t) / ln 2 as an odd series.
constexpr double log2Series(double m) {
    const double t = (m - 1.0) / (m + 1.0), t2 = t * t;
    double sum = 0, power = t;
    for (int k = 1; k <= 39; k += 2, power *= t2) sum += power / k;
    return 2.0 * sum * 1.4426950408889634;
}

// log2 at 512 even steps of the mantissa, computed when compiling.
inline constexpr int kLog2Steps = 512;
inline constexpr auto kLog2Table = [] {
    std::array<double, kLog2Steps + 1> table{};
    for (int i = 0; i <= kLog2Steps; ++i) table[size_t(i)] = log2Series(1.0 + double(i) / kLog2Steps);
    return table;
}();

}  // namespace numeric_detail

// 2^x for x <= 0, in plain IEEE arithmetic without libm: identical on every platform, within
// 3e-12 of exact, and short (it runs for every tie read at every event). 2^x is split into
// 2^whole * 2^(step/256) * 2^rest with rest below 1/256, where a cubic is exact enough.
// Error: relative, below 3e-12 for x in [-1000, 0] (measured 2.24e-12: the cubic's dropped
// y^4/24); below -1000 (and at -inf) the result is 0, off by under 2^-1000 (about 1e-301).
// Not for x > 0 or NaN.
inline double exp2NonPositive(double x) {
    using namespace numeric_detail;
    if (x < -1000) return 0.0;
    int whole = int(x);                     // toward zero, then down: floor for x <= 0
    if (double(whole) > x) --whole;
    // x - whole is in [0, 1) and exact, except for x in (-0.5, 0): there it is x + 1, rounded,
    // which is 1 for x in [-2^-54, 0); then step is 256, and the table's 2^1 gives exactly 1.
    const double scaled = (x - whole) * kExp2Steps;   // [0, 256]
    const int step = int(scaled);
    const double y = (scaled - step) * (0.6931471805599453 / kExp2Steps);
    const double rest = 1.0 + y * (1.0 + y * (0.5 + y * (1.0 / 6)));
    return kExp2Table[size_t(step)] * rest * std::bit_cast<double>(uint64_t(1023 + whole) << 52);   // a normal power of 2 here
}

// log2(x) for finite x >= 1 (in use: evidence above the forgetting line, so x >= 1).
// Exponent from the bits, mantissa by linear interpolation in the table: absolute error below
// 1e-6 (measured: 6.9e-7, at the middle of a table step), far under a day of forgetting, and a
// short dependency chain (it runs twice per conversation). The error is absolute, not relative:
// just above 1, where log2 is near 0, it is up to 1e-3 of the value.
inline double log2Positive(double x) {
    using namespace numeric_detail;
    const auto bits = std::bit_cast<uint64_t>(x);
    const int exponent = int((bits >> 52) & 0x7FF) - 1023;
    const uint64_t mantissa = bits & 0x000FFFFFFFFFFFFFull;
    const auto step = size_t(mantissa >> 43);                           // top 9 bits
    const double within = double(mantissa & ((uint64_t(1) << 43) - 1)) * 0x1p-43;
    return double(exponent) + kLog2Table[step] + (kLog2Table[step + 1] - kLog2Table[step]) * within;
}

}  // namespace tsunagari
