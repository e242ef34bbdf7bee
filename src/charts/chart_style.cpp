// One look for every chart, readable on a projector: large text, light grid, thick lines.
#include "chart_style.h"

#include <array>
#include <cstdio>

namespace tsunagari::charts {

namespace {

// Okabe & Ito (2008), ordered so neighbouring series contrast; their yellow is too pale on
// white for thin lines, so it comes last.
constexpr std::array<long, 8> kPalette = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00,
                                          0xCC79A7, 0x56B4E9, 0x000000, 0xF0E442};

// The Japanese font is named by its fontconfig family; it is the one installed from
// fonts-ipaexfont-gothic (/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf).
constexpr const char* kLatinFont = "DejaVu Sans";
constexpr const char* kJapaneseFont = "IPAexGothic";

}  // namespace

long seriesColourNumber(size_t index) { return kPalette[index % kPalette.size()]; }

std::string seriesColour(size_t index) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06lX", seriesColourNumber(index));
    return text;
}

int seriesDashType(size_t index) { return 1 + int(index / kPalette.size()) % 5; }

std::string gnuplotString(std::string_view text) {
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\'') quoted += "''";
        else if (c == '\n' || c == '\r') quoted += ' ';
        else quoted += c;
    }
    return quoted + "'";
}

std::string gnuplotLines(const std::vector<std::string>& lines) {
    std::string expression;
    for (const auto& line : lines) expression += (expression.empty() ? "" : ".\"\\n\".") + gnuplotString(line);
    return expression.empty() ? "''" : expression;
}

std::string terminalCommand(PictureFormat format, ChartLanguage language, int height) {
    const std::string font =
        gnuplotString(std::string(language == ChartLanguage::Japanese ? kJapaneseFont : kLatinFont) + ",15");
    // noenhanced: group labels such as hard_seller must not turn into subscripts.
    if (format == PictureFormat::Png)
        return "set terminal pngcairo size 1280," + std::to_string(height) + " noenhanced font " + font + " linewidth 1.5 background '#ffffff'\n";
    return "set terminal svg size 1280," + std::to_string(height) + " dynamic noenhanced font " + font + " linewidth 1.5 background '#ffffff'\n";
}

std::string commonSettings() {
    return "set encoding utf8\n"
           "set border 3 lc rgb '#444444'\n"
           "set tics nomirror out\n"
           "set grid ytics lc rgb '#dddddd' lt 1 dt 1\n"
           "set key outside right top Left reverse samplen 2.5 spacing 1.3 box lc rgb '#bbbbbb'\n"
           "set title font ',18'\n"
           "set bars 1.5\n";
}

}  // namespace tsunagari::charts
