#include "length_flags.h"

#include <charconv>

namespace tsunagari {

// The event count is capped at kMaxEvents anyway, so these only keep the arithmetic in days
// far from overflow.
double maxLengthAmount(LengthUnit unit) {
    switch (unit) {
        case LengthUnit::Events: return kMaxEvents;
        case LengthUnit::Days: return 10'000'000;
        case LengthUnit::Weeks: return 1'000'000;
        case LengthUnit::Months: return 100'000;
        case LengthUnit::Years: return 10'000;
    }
    return 0;
}

namespace {

bool isWhole(LengthUnit unit) { return unit == LengthUnit::Events || unit == LengthUnit::Days; }

}  // namespace

std::optional<LengthUnit> lengthFlagUnit(const std::string& flag) {
    if (flag.rfind("--", 0) != 0) return std::nullopt;
    const std::string name = flag.substr(2);
    const auto unit = lengthUnitNamed(name);
    // Only the plural spellings are flags.
    if (!unit || name != lengthUnitName(*unit)) return std::nullopt;
    return unit;
}

std::string lengthExpectation(LengthUnit unit) {
    const std::string name = lengthUnitName(unit);
    const std::string max = std::to_string(int64_t(maxLengthAmount(unit)));
    if (unit == LengthUnit::Events) return "a whole number of events from 0 to " + max;
    if (isWhole(unit)) return "a whole number of " + name + " from 1 to " + max;
    return "a number of " + name + " above 0 and at most " + max + ", e.g. 1.5";
}

std::optional<RunLength> parseLength(LengthUnit unit, const std::string& text) {
    if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
    const char* end = text.data() + text.size();
    RunLength length{unit, 0};
    if (isWhole(unit)) {
        int64_t whole = 0;
        const auto res = std::from_chars(text.data(), end, whole);
        if (res.ec != std::errc() || res.ptr != end) return std::nullopt;
        length.amount = double(whole);
    } else {
        // Fixed notation only: "1e3" and "inf" are not lengths anyone means.
        const auto res = std::from_chars(text.data(), end, length.amount, std::chars_format::fixed);
        if (res.ec != std::errc() || res.ptr != end) return std::nullopt;
    }
    // Zero events is a valid run (the setup alone); zero calendar time is a mistake.
    const bool aboveMin = unit == LengthUnit::Events ? length.amount >= 0 : length.amount > 0;
    if (!aboveMin || !(length.amount <= maxLengthAmount(unit))) return std::nullopt;
    return length;
}

std::string lengthFlag(LengthUnit unit) { return std::string("--") + lengthUnitName(unit); }

}  // namespace tsunagari
