// Charts drawn by gnuplot from small fixture folders of each kind: the pictures exist, are
// real images with the group colours, and their SVG text carries the labels (in Japanese too).
#include <doctest/doctest.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

#include <algorithm>
#include <cstring>

#include "chart_fixtures.h"
#include "charts/charts.h"
#include "charts/setting_names.h"
#include "scenario_io.h"
#include "world.h"

using namespace tsunagari::charts;
using namespace chart_fixtures;

namespace {

struct PngFacts {
    int width = 0, height = 0;
    std::set<long> colours;  // 0xRRGGBB
};

// Width and height from the IHDR chunk, then the pixels decoded.
PngFacts readPng(const fs::path& path) {
    const std::string bytes = slurp(path);
    REQUIRE(bytes.size() > 24);
    REQUIRE(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    REQUIRE(bytes.compare(12, 4, "IHDR") == 0);
    auto bigEndian = [&](size_t at) {
        return int((unsigned char)bytes[at]) << 24 | int((unsigned char)bytes[at + 1]) << 16 |
               int((unsigned char)bytes[at + 2]) << 8 | int((unsigned char)bytes[at + 3]);
    };
    PngFacts facts{bigEndian(16), bigEndian(20), {}};
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()),
                                                  &w, &h, &channels, 3);
    REQUIRE(pixels != nullptr);
    CHECK(w == facts.width);
    CHECK(h == facts.height);
    for (size_t i = 0; i < size_t(w) * size_t(h) * 3; i += 3)
        facts.colours.insert(long(pixels[i]) << 16 | long(pixels[i + 1]) << 8 | long(pixels[i + 2]));
    stbi_image_free(pixels);
    return facts;
}

// The palette's first colours: the first groups or strategies are drawn in them.
constexpr long kBlue = 0x0072B2, kOrange = 0xE69F00, kGreen = 0x009E73, kVermillion = 0xD55E00;

void checkPicture(const fs::path& png, const std::vector<long>& groupColours) {
    INFO(png.string());
    const PngFacts facts = readPng(png);
    CHECK(facts.width == 1280);
    CHECK(facts.height == 800);
    CHECK(facts.colours.size() > 20);  // text, grid and anti-aliasing, not a blank page
    for (long colour : groupColours) CHECK(facts.colours.count(colour) == 1);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> names(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) out.push_back(fs::path(p).filename().string());
    return out;
}

}  // namespace

TEST_CASE("charts of a run: one PNG and SVG per default metric with a line per group in its own colour") {
    const fs::path dir = runFolder();
    const auto written = drawChartsFor(dir.string(), ChartOptions{});
    std::vector<std::string> expected;
    for (const auto& metric : defaultMetrics()) {
        expected.push_back(metric + ".png");
        expected.push_back(metric + ".svg");
    }
    CHECK(names(written) == expected);
    for (const auto& metric : defaultMetrics()) checkPicture(dir / "charts" / (metric + ".png"), {kBlue, kOrange});

    const std::string svg = slurp(dir / "charts" / "trust_received.svg");
    CHECK(contains(svg, "trust received (0–1)"));
    CHECK(contains(svg, "weeks"));
    CHECK(contains(svg, "Hard seller"));   // the archetype's name, not its key
    CHECK(contains(svg, "thankers"));
    CHECK(contains(svg, "Fixture run"));
    // Only the pictures remain: the temporary folder with data and script is gone.
    for (const auto& entry : fs::directory_iterator(dir / "charts")) {
        const std::string ext = entry.path().extension().string();
        CHECK_MESSAGE((ext == ".png" || ext == ".svg"), entry.path().string());
    }
    fs::remove_all(dir);
}

TEST_CASE("charts of a run in Japanese: metric, axis and legend texts in Japanese in IPAex Gothic") {
    const fs::path dir = runFolder();
    ChartOptions options;
    options.language = ChartLanguage::Japanese;
    options.metrics = {"trust_received"};
    options.png = false;
    CHECK(names(drawRunCharts(dir.string(), options)) == std::vector<std::string>{"trust_received.svg"});
    const std::string svg = slurp(dir / "charts" / "trust_received.svg");
    CHECK(contains(svg, "周囲からの信頼の推移"));
    CHECK(contains(svg, "周囲からの信頼(0〜1)"));
    CHECK(contains(svg, ">週<"));
    CHECK(contains(svg, "売り込み型"));       // hard_seller's Japanese name from the core
    CHECK(contains(svg, "お礼を伝える人"));   // label_ja from the folder's scenario.json
    CHECK(contains(svg, "テスト用の実行"));
    CHECK(contains(svg, "IPAexGothic"));
    CHECK_FALSE(contains(svg, "trust received"));
    CHECK_FALSE(fs::exists(dir / "charts" / "trust_received.png"));
    fs::remove_all(dir);
}

TEST_CASE("charts of a sweep: final bars, lines over time with bands and differences from the baseline") {
    const fs::path dir = sweepFolder();
    ChartOptions options;
    options.metrics = {"repeat_referrals_received", "reputation"};
    const auto written = drawChartsFor(dir.string(), options);
    CHECK(names(written) == std::vector<std::string>{
                                "final_repeat_referrals_received.png", "final_repeat_referrals_received.svg",
                                "over_time_repeat_referrals_received.png", "over_time_repeat_referrals_received.svg",
                                "difference_repeat_referrals_received.png", "difference_repeat_referrals_received.svg",
                                "final_reputation.png", "final_reputation.svg", "over_time_reputation.png",
                                "over_time_reputation.svg", "difference_reputation.png", "difference_reputation.svg"});
    checkPicture(dir / "charts" / "final_repeat_referrals_received.png", {kBlue, kOrange});
    checkPicture(dir / "charts" / "difference_reputation.png", {kBlue, kOrange});
    // A panel per group, a line per setting in the setting's colour.
    checkPicture(dir / "charts" / "over_time_reputation.png", {kBlue, kOrange, kGreen});
    const std::string panels = slurp(dir / "charts" / "over_time_reputation.svg");
    CHECK(contains(panels, "Hard seller"));
    CHECK(contains(panels, "thankers"));
    CHECK(contains(panels, "weeks"));

    const std::string bars = slurp(dir / "charts" / "final_repeat_referrals_received.svg");
    CHECK(contains(bars, "traits.gratitude_giver.gratitude"));  // the one varied path names the x axis ...
    CHECK(contains(bars, ">0.5<"));                             // ... and its values the settings
    CHECK(contains(bars, "repeat referrals received per member"));
    const std::string difference = slurp(dir / "charts" / "difference_reputation.svg");
    CHECK(contains(difference, "difference in client reputation (0–1)"));
    CHECK(contains(difference, "difference from traits.gratitude_giver.gratitude=0"));
    fs::remove_all(dir);
}

TEST_CASE("chart setting names: only what differs between settings and the full label where that is ambiguous") {
    auto named = [](const std::vector<SettingRow>& rows) { return shortSettingNames(rows, "setting"); };
    // Three paths always changed together, a fourth the same everywhere: the values, under the common path.
    const SettingNames seating = named({{"0", "seat=random", "calendar[2].matchmaking", "random"},
                                        {"0", "seat=random", "matchmaking", "random"},
                                        {"0", "seat=random", "length", "52"},
                                        {"1", "seat=rotation", "calendar[2].matchmaking", "rotation"},
                                        {"1", "seat=rotation", "matchmaking", "rotation"},
                                        {"1", "seat=rotation", "length", "52"}});
    CHECK(seating.title == "matchmaking");
    CHECK(seating.shortName("0", "?") == "random");
    CHECK(seating.shortName("1", "?") == "rotation");
    CHECK(seating.shortName("7", "seat=warm") == "seat=warm");  // not in settings.csv: its label
    CHECK(seating.described("seat=random") == "matchmaking=random");

    // One path: its values under its full name; the setting without overrides keeps its label.
    const SettingNames one = named({{"0", "baseline", "", ""},
                                    {"1", "traits.gratitude=0.5", "traits.gratitude", "0.5"},
                                    {"2", "traits.gratitude=1", "traits.gratitude", "1"}});
    CHECK(one.title == "traits.gratitude");
    CHECK(one.shortName("0", "") == "baseline");
    CHECK(one.shortName("2", "") == "1");
    CHECK(one.described("traits.gratitude=1") == "traits.gratitude=1");

    // Two paths changed independently: each by its last part, under "setting".
    const SettingNames grid = named({{"0", "a.gratitude=0.5; a.report_back=0", "a.gratitude", "0.5"},
                                     {"0", "a.gratitude=0.5; a.report_back=0", "a.report_back", "0"},
                                     {"1", "a.gratitude=0.5; a.report_back=1", "a.gratitude", "0.5"},
                                     {"1", "a.gratitude=0.5; a.report_back=1", "a.report_back", "1"},
                                     {"2", "a.gratitude=1; a.report_back=0", "a.gratitude", "1"},
                                     {"2", "a.gratitude=1; a.report_back=0", "a.report_back", "0"}});
    CHECK(grid.title == "setting");
    CHECK(grid.shortName("1", "") == "gratitude=0.5, report_back=1");
    // Paths with the same last part stay whole.
    const SettingNames twins = named({{"0", "x", "p[0].gratitude", "1"}, {"1", "y", "p[1].gratitude", "1"}});
    CHECK(twins.shortName("0", "") == "p[0].gratitude=1");
    CHECK(twins.shortName("1", "") == "p[1].gratitude=1");

    // Nothing shorter tells the settings apart: the full labels.
    const SettingNames clash = named({{"0", "baseline", "", ""}, {"1", "mode=baseline", "mode", "baseline"}});
    CHECK(clash.title == "setting");
    CHECK(clash.shortName("0", "") == "baseline");
    CHECK(clash.shortName("1", "") == "mode=baseline");
    const SettingNames same = named({{"0", "a=1", "a", "1"}, {"1", "a=1 again", "a", "1"}});
    CHECK(same.shortName("1", "") == "a=1 again");
}

TEST_CASE("charts of a sweep with nine groups: panels in rows of four and the settings named by what differs") {
    const fs::path dir = lockstepSweepFolder(9);
    ChartOptions options;
    options.metrics = {"collaborators"};
    const auto written = drawChartsFor(dir.string(), options);
    CHECK(names(written) == std::vector<std::string>{"final_collaborators.png", "final_collaborators.svg",
                                                     "over_time_collaborators.png", "over_time_collaborators.svg"});
    const PngFacts panels = readPng(dir / "charts" / "over_time_collaborators.png");
    CHECK(panels.width == 1280);
    CHECK(panels.height > 1000);  // three rows of four columns
    for (const char* chart : {"over_time_collaborators.svg", "final_collaborators.svg"}) {
        INFO(chart);
        const std::string svg = slurp(dir / "charts" / chart);
        CHECK(contains(svg, ">matchmaking<"));  // the paths changed together, once
        CHECK(contains(svg, ">complementary<"));
        CHECK(!contains(svg, "calendar[2]"));
        CHECK(!contains(svg, "length"));  // the same in every setting
    }
    // Three to five week ticks per panel (0, 20, 40 for 51 weeks), not one every ten weeks.
    const std::string svg = slurp(dir / "charts" / "over_time_collaborators.svg");
    size_t twenties = 0;
    for (size_t at = svg.find("> 20<"); at != std::string::npos; at = svg.find("> 20<", at + 1)) ++twenties;
    CHECK(twenties == 9);
    CHECK(!contains(svg, "> 30<"));
    fs::remove_all(dir);
}

TEST_CASE("charts of a tournament: ranking bars in rank order with a colour per strategy") {
    const fs::path dir = tournamentFolder();
    const auto written = drawChartsFor(dir.string(), ChartOptions{});
    CHECK(names(written) == std::vector<std::string>{"ranking_referrals_received.png", "ranking_referrals_received.svg",
                                                     "ranking_closed_business.png", "ranking_closed_business.svg"});
    checkPicture(dir / "charts" / "ranking_referrals_received.png", {kBlue, kOrange, kGreen, kVermillion});
    const std::string svg = slurp(dir / "charts" / "ranking_closed_business.svg");
    const auto first = svg.find("Slow trust builder"), last = svg.find("Hard seller");
    CHECK(first != std::string::npos);
    CHECK(last != std::string::npos);
    CHECK(first < last);
    CHECK(contains(svg, "closed business per member (thousand yen)"));
    fs::remove_all(dir);
}

TEST_CASE("charts of an evolution: each strategy's share over seasons in Japanese") {
    const fs::path dir = evolutionFolder();
    ChartOptions options;
    options.language = ChartLanguage::Japanese;
    CHECK(names(drawChartsFor(dir.string(), options)) == std::vector<std::string>{"shares.png", "shares.svg"});
    checkPicture(dir / "charts" / "shares.png", {kBlue, kOrange, kGreen, kVermillion});
    const std::string svg = slurp(dir / "charts" / "shares.svg");
    CHECK(contains(svg, "シーズン"));
    CHECK(contains(svg, "メンバーに占める割合(0〜1)"));
    CHECK(contains(svg, "売り込み型"));
    fs::remove_all(dir);
}

TEST_CASE("metric names: one entry per group figure of events.csv, in its order, named in both languages") {
    const tsunagari::World world(tsunagari::loadScenarioFile(std::string(TSUNAGARI_SOURCE_DIR) + "/scenarios/default.json"));
    const std::string csv = tsunagari::eventsCsv(world);
    const std::string header = csv.substr(0, csv.find('\n'));
    const std::string groupColumns = header.substr(header.find(",group,") + 7);
    std::string fromTable;
    for (const auto& m : tsunagari::metricNames()) {
        if (!fromTable.empty()) fromTable += ',';
        fromTable += m.key;
        CHECK(std::string(m.nameEn).size() > 0);
        CHECK(std::string(m.axisEn).size() > 0);
        // Japanese text, not an English fallback: some bytes are outside ASCII.
        const auto nonAscii = [](const char* text) {
            return std::any_of(text, text + std::strlen(text), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        };
        CHECK(nonAscii(m.nameJa));
        CHECK(nonAscii(m.axisJa));
    }
    CHECK(fromTable == groupColumns);
    CHECK(tsunagari::findMetricName("contacts")->nameJa == std::string("面識のある人"));  // the review's term
    CHECK(tsunagari::findMetricName("happiness") == nullptr);
}
