// How every chart looks: a colour-blind-safe palette, fonts, the terminal line per format and
// language, and gnuplot string quoting.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "charts.h"

namespace tsunagari::charts {

enum class PictureFormat { Png, Svg };

// Okabe & Ito's palette (distinct under the common colour-vision deficiencies), as "#RRGGBB";
// after eight series the colours repeat with a dashed line (seriesDashType).
[[nodiscard]] std::string seriesColour(size_t index);
[[nodiscard]] int seriesDashType(size_t index);
// The same colour as a number, for gnuplot's `lc rgb variable`.
[[nodiscard]] long seriesColourNumber(size_t index);

// A gnuplot single-quoted string: literal text, '' for a quote, line breaks as spaces.
[[nodiscard]] std::string gnuplotString(std::string_view text);

// Lines of text as one gnuplot string expression ('a'."\n".'b'), e.g. a title wrapped in two.
[[nodiscard]] std::string gnuplotLines(const std::vector<std::string>& lines);

// "set terminal ..." for the format at 1280 x `height` pixels, with IPAex Gothic for Japanese text.
[[nodiscard]] std::string terminalCommand(PictureFormat format, ChartLanguage language, int height = 800);
// Grid, borders and tick settings shared by every chart.
[[nodiscard]] std::string commonSettings();

}  // namespace tsunagari::charts
