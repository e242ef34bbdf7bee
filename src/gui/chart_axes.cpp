// Nice-number ticks after Heckbert ("Nice numbers for graph labels", Graphics Gems, 1990):
// the smallest step of 1, 2, 2.5 or 5 x 10^k that covers the range in few enough ticks.
#include "chart_axes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace tsunagari {

AxisTicks niceTicks(double lo, double hi, int maxTicks, bool wholeSteps) {
    if (hi < lo) std::swap(lo, hi);
    if (hi - lo < 1e-12) {   // flat: a band of one unit of the value's own magnitude
        const double unit = lo == 0 ? 1 : std::pow(10.0, std::floor(std::log10(std::abs(lo))));
        lo -= unit / 2;
        hi += unit / 2;
    }
    maxTicks = std::max(maxTicks, 3);
    static constexpr double kMantissas[] = {1, 2, 2.5, 5};
    AxisTicks t;
    const int firstExponent = int(std::floor(std::log10((hi - lo) / (maxTicks - 1)))) - 1;
    for (int exponent = firstExponent;; ++exponent)
        for (double mantissa : kMantissas) {
            const double step = mantissa * std::pow(10.0, exponent);
            if (wholeSteps && (exponent < 0 || (exponent == 0 && mantissa == 2.5))) continue;
            const double axisLo = std::floor(lo / step + 1e-9) * step, axisHi = std::ceil(hi / step - 1e-9) * step;
            const int count = int(std::lround((axisHi - axisLo) / step)) + 1;
            if (count > maxTicks) continue;
            t.lo = axisLo;
            t.hi = axisHi;
            t.step = step;
            for (int k = 0; k < count; ++k) t.values.push_back(std::abs(axisLo + step * k) < step * 1e-9 ? 0.0 : axisLo + step * k);
            // 2.5 x 10^k needs one decimal more than 10^k.
            t.decimals = std::max(0, -exponent + (mantissa == 2.5 ? 1 : 0));
            return t;
        }
}

AxisTicks valueAxis(MetricScale scale, double dataMax, int maxTicks) {
    if (scale == MetricScale::Fraction) return niceTicks(0, 1, maxTicks);
    return niceTicks(0, dataMax > 0 ? dataMax : 1, maxTicks);
}

std::string tickLabel(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

TimeAxis timeAxis(double lastWeek, double monthsAfterWeeks) {
    TimeAxis axis;
    axis.months = lastWeek > monthsAfterWeeks;
    axis.unitWeeks = axis.months ? kWeeksPerMonth : 1;
    const double last = std::max(lastWeek / axis.unitWeeks, 1.0);
    // The axis ends where the data does; ticks are the round values up to there (one more
    // allowed in the search, as the round value just past the end is dropped).
    axis.ticks = niceTicks(0, last, 6, true);
    std::erase_if(axis.ticks.values, [&](double v) { return v > last + 1e-9; });
    axis.ticks.hi = last;
    return axis;
}

std::vector<float> spreadLabels(const std::vector<float>& wanted, float height, float top, float bottom) {
    const size_t n = wanted.size();
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return wanted[a] < wanted[b]; });
    std::vector<float> y(n);
    // Top to bottom, each at least one height below the previous; then, if the last ones
    // ran past the bottom, bottom to top pushing up; finally keep the first below the top.
    float previous = top - height;
    for (size_t k = 0; k < n; ++k) {
        const size_t i = order[k];
        y[i] = std::max({wanted[i], previous + height, top});
        previous = y[i];
    }
    float next = bottom + height;
    for (size_t k = n; k-- > 0;) {
        const size_t i = order[k];
        y[i] = std::min(y[i], next - height);
        next = y[i];
    }
    for (size_t k = 0; k < n && y[order[k]] < top; ++k) y[order[k]] = top + height * float(k);
    return y;
}

}  // namespace tsunagari
