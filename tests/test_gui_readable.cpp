// What makes the window readable to a room, without a window: round chart ticks, axes that
// start at zero (counts) or span 0..1 (fractions), a time axis in whole weeks or months, end
// labels that do not overlap, tie colours apart from group colours, and a font atlas holding
// every character the Japanese strings and shipped scenarios use.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "gui/chart_axes.h"
#include "gui/glyph_set.h"
#include "gui/palette.h"

using namespace tsunagari;

namespace {

// The step's leading digits are 1, 2, 2.5 or 5.
bool roundStep(double step) {
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (std::abs(mantissa - m) < 1e-6) return true;
    return false;
}

void checkTicks(const AxisTicks& t, double lo, double hi) {
    INFO("range " << lo << " .. " << hi << ": axis " << t.lo << " .. " << t.hi << " step " << t.step);
    CHECK(roundStep(t.step));
    CHECK(t.values.size() >= 3);
    CHECK(t.values.size() <= 5);
    CHECK(t.lo <= lo + 1e-12);
    CHECK(t.hi >= hi - 1e-12);
    for (size_t i = 0; i < t.values.size(); ++i) {
        CHECK(std::abs(t.values[i] - (t.lo + t.step * double(i))) < t.step * 1e-6);
        // Printed with the axis' decimals, every tick reads back as itself: no 0.86-like rounding.
        CHECK(std::abs(std::stod(tickLabel(t.values[i], t.decimals)) - t.values[i]) < t.step * 1e-6);
    }
}

}  // namespace

TEST_CASE("charts: ticks are round numbers 1 2 2.5 or 5 times a power of ten and 3 to 5 of them") {
    const double ranges[][2] = {{0, 729}, {0, 1}, {0.69, 0.705}, {0, 0.3}, {0, 38.7}, {0, 4120}, {0, 7}, {-3, 12}, {0, 1e6}};
    for (const auto& r : ranges) checkTicks(niceTicks(r[0], r[1]), r[0], r[1]);
    const AxisTicks t = niceTicks(0, 729);
    CHECK(t.hi == doctest::Approx(800));
    CHECK(tickLabel(t.values[1], t.decimals) == "200");
    CHECK(niceTicks(0, 1).step == doctest::Approx(0.25));
    CHECK(tickLabel(0.25, niceTicks(0, 1).decimals) == "0.25");
    checkTicks(niceTicks(0, 38.7, 3), 0, 38.7);
    CHECK(niceTicks(0, 38.7, 3).values.size() <= 3);
    checkTicks(niceTicks(2, 2), 2, 2);   // a flat line gets a band, not a division by zero
}

TEST_CASE("charts: counts start at zero and fractions span 0 to 1 whatever the data") {
    const AxisTicks reputation = valueAxis(MetricScale::Fraction, 0.705);
    CHECK(reputation.lo == 0);
    CHECK(reputation.hi == doctest::Approx(1));
    const AxisTicks referrals = valueAxis(MetricScale::Count, 38.7);
    CHECK(referrals.lo == 0);
    CHECK(referrals.hi >= 38.7);
    CHECK(referrals.hi <= 50);
    const AxisTicks nothingYet = valueAxis(MetricScale::Count, 0);
    CHECK(nothingYet.lo == 0);
    CHECK(nothingYet.hi == doctest::Approx(1));
}

TEST_CASE("charts: the time axis counts whole weeks and switches to months for long runs") {
    // The axis ends with the data, its ticks the round weeks before that: 21.4 weeks gives
    // 0 5 10 15 20, not an axis to 30 with a third of it empty.
    const TimeAxis short_ = timeAxis(21.4);
    CHECK_FALSE(short_.months);
    CHECK(short_.ticks.hi == doctest::Approx(21.4));
    CHECK(short_.ticks.values == std::vector<double>{0, 5, 10, 15, 20});
    const TimeAxis tiny = timeAxis(0.5);
    CHECK_FALSE(tiny.months);
    CHECK(tiny.ticks.step >= 1);
    for (double v : tiny.ticks.values) CHECK(v == std::floor(v));
    const TimeAxis year = timeAxis(52);
    CHECK(year.months);
    CHECK(year.unitWeeks == doctest::Approx(kWeeksPerMonth));
    CHECK(year.ticks.hi == doctest::Approx(12));
    CHECK(year.ticks.values.size() >= 3);
    for (double v : year.ticks.values) {
        CHECK(v == std::floor(v));
        CHECK(v <= year.ticks.hi);
    }
    CHECK(roundStep(year.ticks.step));
    CHECK(year.ticks.step != doctest::Approx(2.5));
}

TEST_CASE("charts: end labels are spread so none overlap and all stay inside the plot") {
    const float h = 16, top = 100, bottom = 200;
    // Five lines ending at nearly the same height (groups at zero), in no particular order.
    const std::vector<float> wanted{195, 190, 192, 60, 199};
    const std::vector<float> y = spreadLabels(wanted, h, top, bottom);
    REQUIRE(y.size() == wanted.size());
    for (size_t i = 0; i < y.size(); ++i) {
        CHECK(y[i] >= top);
        CHECK(y[i] <= bottom);
        for (size_t j = i + 1; j < y.size(); ++j) CHECK(std::abs(y[i] - y[j]) >= h - 1e-3f);
    }
    // Labels that do not collide stay where their lines end.
    const std::vector<float> apart = spreadLabels({110, 150, 180}, h, top, bottom);
    CHECK(apart == std::vector<float>{110, 150, 180});
    // Order is kept: the higher line's label stays above.
    CHECK(y[1] < y[2]);
    CHECK(y[2] < y[0]);
}

TEST_CASE("venue: every tie colour is far from every group colour and the stages differ") {
    constexpr double kApart = 100;   // redmean distance; nearby hues start around 60
    const Stage stages[] = {Stage::Acquaintance, Stage::Known, Stage::Friend, Stage::Collaborator};
    for (Stage s : stages)
        for (const Rgb& g : kGroupPalette) {
            INFO("stage " << stageKey(s) << " vs group colour " << int(g.r) << "," << int(g.g) << "," << int(g.b));
            CHECK(colourDistance(tieColor(s), g) >= kApart);
        }
    // The hard sellers' orange, which friend ties used to look like, is nowhere near.
    CHECK(colourDistance(tieColor(Stage::Friend), Rgb{230, 159, 0}) >= 2 * kApart);
    for (size_t i = 1; i < std::size(stages); ++i) CHECK(colourDistance(tieColor(stages[i - 1]), tieColor(stages[i])) >= 40);
    // The metric sees what it should: equal colours are 0 apart, black and white far.
    CHECK(colourDistance(Rgb{10, 20, 30}, Rgb{10, 20, 30}) == 0);
    CHECK(colourDistance(Rgb{0, 0, 0}, Rgb{255, 255, 255}) > 700);
}

TEST_CASE("font: UTF-8 decodes to code points and glyph ranges merge") {
    CHECK(decodeUtf8("a\xC3\xA9\xE9\x96\xBE") == std::vector<uint32_t>{'a', 0xE9, 0x95BE});   // a, é, 閾
    CHECK(decodeUtf8("\xE9\x96") == std::vector<uint32_t>{});                                 // cut short
    const uint16_t base[] = {0x20, 0x7E, 0x3000, 0x30FF, 0};
    const auto ranges = mergeGlyphRanges(base, {0x95BE, 0x3100, 0x30FF, 0x1F600});
    CHECK(inGlyphRanges(ranges, 0x95BE));
    CHECK(inGlyphRanges(ranges, 0x3100));   // joined to the range before it
    CHECK(inGlyphRanges(ranges, 'A'));
    CHECK_FALSE(inGlyphRanges(ranges, 0x95BF));
    CHECK_FALSE(inGlyphRanges(ranges, 0x1F600));   // beyond 16 bits: ImWchar cannot hold it
    CHECK(ranges.back() == 0);
}

TEST_CASE("font: every character of ja.json and of the shipped scenarios and stories is in the atlas") {
    const std::string root = TSUNAGARI_SOURCE_DIR;
    const auto files = japaneseTextFiles(root + "/assets/strings", root + "/scenarios");
    REQUIRE(files.size() > 10);
    const uint16_t symbols[] = {0x2000, 0x206F, 0};
    const auto ranges = mergeGlyphRanges(symbols, charactersOfFiles(files));
    int checked = 0;
    for (const auto& path : files) {
        std::ifstream in(path);
        REQUIRE(in);
        const nlohmann::json doc = nlohmann::json::parse(in);
        std::function<void(const nlohmann::json&)> visit = [&](const nlohmann::json& j) {
            if (j.is_string())
                for (uint32_t cp : decodeUtf8(j.get<std::string>())) {
                    if (cp < 0x80 || cp > 0xFFFF) continue;
                    ++checked;
                    INFO(path << ": U+" << std::hex << cp);
                    CHECK(inGlyphRanges(ranges, cp));
                }
            else if (j.is_structured())
                for (const auto& item : j) visit(item);
        };
        visit(doc);
    }
    CHECK(checked > 1000);
}
