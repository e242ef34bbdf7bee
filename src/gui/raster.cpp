// Lines by a digital differential analyser after Liang–Barsky clipping; discs by spans.
#include "raster.h"

#include <algorithm>
#include <cmath>

namespace tsunagari {

void Raster::reset(int width, int height, uint32_t fill) {
    m_width = std::max(width, 0);
    m_height = std::max(height, 0);
    m_pixels.assign(size_t(m_width) * size_t(m_height), fill);
}

namespace {

// Cuts the segment to [lo, hi] on both axes; false if nothing is left.
bool clip(float& x0, float& y0, float& x1, float& y1, float lo, float hiX, float hiY) {
    float t0 = 0, t1 = 1;
    const float dx = x1 - x0, dy = y1 - y0;
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {x0 - lo, hiX - x0, y0 - lo, hiY - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;   // parallel to this edge and outside it
            continue;
        }
        const float r = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, r);
        else t1 = std::min(t1, r);
        if (t0 > t1) return false;
    }
    x1 = x0 + t1 * dx;
    y1 = y0 + t1 * dy;
    x0 = x0 + t0 * dx;
    y0 = y0 + t0 * dy;
    return true;
}

// Clamped in float before the cast, so any finite coordinate converts safely.
int clampedPixel(float v, int last) { return int(std::clamp(v, -1.0f, float(last) + 1.0f)); }

}  // namespace

void Raster::line(float x0, float y0, float x1, float y1, uint32_t color, int width) {
    if (m_width == 0 || m_height == 0 || !std::isfinite(x0 + y0 + x1 + y1)) return;
    // Pixel centres sit at integer + 0.5; keep everything strictly inside the canvas.
    if (!clip(x0, y0, x1, y1, 0.0f, float(m_width) - 0.001f, float(m_height) - 0.001f)) return;
    const float dx = x1 - x0, dy = y1 - y0;
    const bool steep = std::abs(dy) > std::abs(dx);
    const float length = steep ? std::abs(dy) : std::abs(dx);
    const int steps = std::max(1, int(std::ceil(length)));
    const float sx = dx / float(steps), sy = dy / float(steps);
    const int first = -(width - 1) / 2;   // thickness spread around the centre line
    float x = x0, y = y0;
    for (int i = 0; i <= steps; ++i, x += sx, y += sy) {
        int px = int(x), py = int(y);
        for (int k = 0; k < width; ++k) {
            const int qx = steep ? px + first + k : px, qy = steep ? py : py + first + k;
            if (qx >= 0 && qy >= 0 && qx < m_width && qy < m_height) m_pixels[size_t(qy) * size_t(m_width) + size_t(qx)] = color;
        }
    }
}

void Raster::disc(float cx, float cy, float radius, uint32_t color) {
    if (radius <= 0 || !std::isfinite(cx + cy + radius)) return;
    const int yBegin = std::max(0, clampedPixel(std::ceil(cy - radius - 0.5f), m_height - 1));
    const int yEnd = std::min(m_height - 1, clampedPixel(std::floor(cy + radius - 0.5f), m_height - 1));
    const float r2 = radius * radius;
    for (int y = yBegin; y <= yEnd; ++y) {
        const float dy = float(y) + 0.5f - cy;
        const float half = std::sqrt(std::max(0.0f, r2 - dy * dy));
        const int xBegin = std::max(0, clampedPixel(std::ceil(cx - half - 0.5f), m_width - 1));
        const int xEnd = std::min(m_width - 1, clampedPixel(std::floor(cx + half - 0.5f), m_width - 1));
        if (xBegin > xEnd) continue;
        uint32_t* row = m_pixels.data() + size_t(y) * size_t(m_width);
        std::fill(row + xBegin, row + xEnd + 1, color);
    }
}

}  // namespace tsunagari
