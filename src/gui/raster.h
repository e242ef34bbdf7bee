// A small software canvas for the venue. Under a software OpenGL (llvmpipe, Xvfb) every
// triangle and every long line pays set-up and tile binning, so the venue's thousands of
// discs and edges are drawn here with plain loops and uploaded as one texture per frame.
// Pixels are ImGui's packed colours (R, G, B, A bytes), which GL reads as GL_RGBA bytes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tsunagari {

class Raster {
public:
    void reset(int width, int height, uint32_t fill);   // resize and fill every pixel
    // Opaque, not antialiased: `width` pixels thick across the minor axis; clipped to the canvas.
    void line(float x0, float y0, float x1, float y1, uint32_t color, int width = 1);
    void disc(float cx, float cy, float radius, uint32_t color);   // pixels whose centre is inside
    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }
    [[nodiscard]] const uint32_t* pixels() const { return m_pixels.data(); }
    [[nodiscard]] uint32_t at(int x, int y) const { return m_pixels[size_t(y) * size_t(m_width) + size_t(x)]; }

private:
    int m_width = 0, m_height = 0;
    std::vector<uint32_t> m_pixels;
};

}  // namespace tsunagari
