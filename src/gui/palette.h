// The window's colours as plain RGB, apart from ImGui: one hue per group, and a cool grey
// ramp for trust ties that no group hue resembles, so a tie never reads as a group.
#pragma once
#include <array>
#include <cmath>
#include <cstdint>

#include "relationships.h"

namespace tsunagari {

struct Rgb { uint8_t r, g, b; };

// Distinct, colour-blind-friendly hues (Okabe-Ito first, then a few more).
inline constexpr std::array<Rgb, 12> kGroupPalette{{
    {230, 159, 0},  {86, 180, 233},  {0, 158, 115},  {240, 228, 66},  {0, 114, 178},  {213, 94, 0},
    {204, 121, 167}, {150, 110, 255}, {120, 220, 200}, {255, 120, 120}, {170, 170, 90}, {165, 110, 60},
}};

// Ties by stage as drawn over the venue floor: a ramp of blue-greys, brighter the closer
// (brightness says how close, the cool grey says "tie", not "group"; white is for referrals).
[[nodiscard]] inline Rgb tieColor(Stage stage) {
    switch (stage) {
        case Stage::Acquaintance: return {48, 53, 66};
        case Stage::Known: return {78, 88, 114};
        case Stage::Friend: return {120, 135, 180};
        case Stage::Collaborator: return {190, 210, 255};
        default: return {40, 44, 54};
    }
}

// Perceived distance between two colours ("redmean" weighting of RGB differences), 0..~765.
[[nodiscard]] inline double colourDistance(Rgb a, Rgb b) {
    const double mean = (double(a.r) + double(b.r)) / 2;
    const double dr = double(a.r) - b.r, dg = double(a.g) - b.g, db = double(a.b) - b.b;
    return std::sqrt((2 + mean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - mean) / 256) * db * db);
}

}  // namespace tsunagari
