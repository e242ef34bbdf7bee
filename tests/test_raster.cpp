// The venue's software canvas: lines reach both ends and stay inside the canvas however far
// they run past it, thickness spreads across the line, and discs cover what they should.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "gui/raster.h"

using namespace tsunagari;

namespace {
constexpr uint32_t kFloor = 0xFF000000u, kInk = 0xFF00FFFFu;

int inked(const Raster& r) {
    int n = 0;
    for (int y = 0; y < r.height(); ++y)
        for (int x = 0; x < r.width(); ++x) n += r.at(x, y) == kInk;
    return n;
}
}  // namespace

TEST_CASE("raster: a line covers both ends and one pixel per step along its major axis") {
    Raster r;
    r.reset(40, 30, kFloor);
    r.line(2.5f, 3.5f, 30.5f, 10.5f, kInk);
    CHECK(r.at(2, 3) == kInk);
    CHECK(r.at(30, 10) == kInk);
    CHECK(inked(r) == 29);   // x from 2 to 30
    r.reset(40, 30, kFloor);
    r.line(5.5f, 2.5f, 7.5f, 25.5f, kInk, 3);   // steep and three thick: spread across x
    CHECK(r.at(4, 2) == kInk);
    CHECK(r.at(5, 2) == kInk);
    CHECK(r.at(6, 2) == kInk);
    CHECK(r.at(3, 2) == kFloor);
    CHECK(inked(r) == 3 * 24);
}

TEST_CASE("raster: lines far outside or through the canvas are clipped, never written outside") {
    Raster r;
    r.reset(20, 10, kFloor);
    r.line(-1e6f, 5.5f, 1e6f, 5.5f, kInk);   // across the whole canvas
    CHECK(inked(r) == 20);
    r.reset(20, 10, kFloor);
    r.line(-50, -50, -10, 80, kInk, 3);   // wholly to the left
    r.line(0, 40, 30, 40, kInk);          // wholly below
    r.line(std::numeric_limits<float>::quiet_NaN(), 0, 5, 5, kInk);
    r.line(0, 0, std::numeric_limits<float>::infinity(), 5, kInk);
    CHECK(inked(r) == 0);
    r.line(19.9f, 9.9f, 19.9f, 9.9f, kInk, 3);   // a point in the corner, thick: stays inside
    CHECK(r.at(19, 9) == kInk);
}

TEST_CASE("raster: a disc covers the pixels whose centres lie inside it, cut at the canvas edge") {
    Raster r;
    r.reset(50, 50, kFloor);
    r.disc(25, 25, 10, kInk);
    const int n = inked(r);
    CHECK(std::abs(n - 314) <= 16);   // about pi r^2
    CHECK(r.at(25, 25) == kInk);
    CHECK(r.at(25, 15) == kInk);
    CHECK(r.at(25, 14) == kFloor);
    r.reset(50, 50, kFloor);
    r.disc(0, 0, 10, kInk);   // a quarter on the canvas
    CHECK(std::abs(inked(r) - 314 / 4) <= 10);
    r.disc(-100, -100, 5, kInk);   // off the canvas entirely
    r.disc(10, 10, -1, kInk);
    r.disc(1e30f, -1e30f, 1e20f, kInk);
    CHECK(std::abs(inked(r) - 314 / 4) <= 10);
    r.disc(25, 25, 1e20f, kInk);   // zoomed far in: the whole canvas
    CHECK(inked(r) == 50 * 50);
}
